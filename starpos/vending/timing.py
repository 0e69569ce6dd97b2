"""Where a vend's time goes, for the benchmark (``starpos vend bench``); off by default."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext


class StepTimer:
    """Wall-clock and CPU seconds (of the calling thread) spent in each named step, summed
    when a step runs twice. CPU time shows a step's own cost when other programs compete
    for the processor and stretch the wall clock."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.cpu_seconds: dict[str, float] = {}

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        began, began_cpu = time.perf_counter(), time.thread_time()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - began
            spent = time.thread_time() - began_cpu
            self.cpu_seconds[name] = self.cpu_seconds.get(name, 0.0) + spent


def timed(timer: StepTimer | None, name: str) -> AbstractContextManager[None]:
    return timer.step(name) if timer is not None else nullcontext()

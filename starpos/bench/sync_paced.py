"""``starpos server bench`` at an offered load: counters pushing as they sell.

The closed-loop run (:mod:`starpos.bench.sync_server`) sends every counter's whole chain at
once and measures how fast the server empties that queue: its saturation throughput. Its
acknowledgement times are the queue's, not what a counter sees in a working day. Here each
counter pushes a small batch at a steady pace, so that all of them together offer
``rate`` events a second, each counter starting at a random moment within its first
interval (counters do not sell in step). A push is timed from when it is sent to its
answer. A counter pushes one batch at a time, like the real one: when the server falls
behind, the next push leaves late, which shows as an achieved rate under the offered one
(and ``late`` pushes), not as a longer queue inside the answer times.
"""

from __future__ import annotations

import random
import statistics
import time
from dataclasses import dataclass
from decimal import Decimal

from starpos.bench.sync_counters import SimulatedCounter
from starpos.bench.sync_process import ServerProcess, Spent, in_threads, per_push_ms
from starpos.sync.client import HeadOfficeClient


@dataclass(frozen=True)
class PacedResult:
    offered_events_per_second: int
    batch: int
    pushes: int
    events: int
    seconds: Decimal
    achieved_events_per_second: Decimal
    ack_p50_ms: Decimal
    ack_p95_ms: Decimal
    ack_max_ms: Decimal
    #: Processor time a push, in the server process and in the simulated counters.
    server_cpu_ms_per_push: Decimal | None
    counters_cpu_ms_per_push: Decimal | None
    #: Pushes sent more than one interval after their turn (the server was behind).
    late: int


def percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def run_paced(
    server: ServerProcess, simulated: list[SimulatedCounter], rate: int, batch: int
) -> PacedResult:
    """Push every counter's ``paced`` batches at ``rate`` events a second in all."""
    url = server.url
    # Each counter's share of the rate, in pushes of ``batch`` events.
    interval = batch * len(simulated) / rate
    phases = {counter.terminal: random.uniform(0, interval) for counter in simulated}
    late: list[int] = []

    def work(counter: SimulatedCounter) -> list[float]:
        measured = []
        began = time.perf_counter() + phases[counter.terminal]
        with HeadOfficeClient(url, key_id=counter.key_id, key=counter.key) as client:
            for turn, body in enumerate(counter.paced):
                due = began + turn * interval
                wait = due - time.perf_counter()
                if wait > 0:
                    time.sleep(wait)
                elif -wait > interval:
                    late.append(1)
                sent = time.perf_counter()
                answer = client.push_body(body)
                measured.append(time.perf_counter() - sent)
                verdicts = {result["verdict"] for result in answer["results"]}
                if verdicts != {"applied"}:
                    raise RuntimeError(f"{counter.terminal}: {verdicts}")
        return measured

    spent = Spent(server)
    wall, latencies = in_threads(simulated, work)
    server_cpu, counters_cpu = spent.server_seconds(), spent.counters_seconds()
    events = sum(len(counter.paced_events) for counter in simulated)
    ordered = sorted(latencies)
    return PacedResult(
        offered_events_per_second=rate,
        batch=batch,
        pushes=len(ordered),
        events=events,
        seconds=Decimal(str(round(wall, 3))),
        achieved_events_per_second=Decimal(round(events / wall)),
        ack_p50_ms=_ms(statistics.median(ordered)),
        ack_p95_ms=_ms(percentile(ordered, 0.95)),
        ack_max_ms=_ms(ordered[-1]),
        server_cpu_ms_per_push=per_push_ms(server_cpu, len(ordered)),
        counters_cpu_ms_per_push=per_push_ms(counters_cpu, len(ordered)),
        late=len(late),
    )


def _ms(value: float) -> Decimal:
    return Decimal(str(round(value * 1000, 1)))

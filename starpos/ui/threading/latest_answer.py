"""Only the answer to the latest question counts.

A panel that asks a worker again whenever something changes (a card read, a sale) may
get its answers back out of order, or an answer to a question nobody cares about any
more. :class:`LatestAnswer` numbers the questions and hands on only the newest one's
answer (or failure); the older ones are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starpos.ui.threading.workers import JobFailure, Worker


class LatestAnswer:
    def __init__(self) -> None:
        self._asked = 0

    def ask(
        self,
        worker: Worker,
        function: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        on_failed: Callable[[JobFailure], None],
    ) -> None:
        """Run ``function(*args)`` on ``worker``; call back only if no newer question was
        asked meanwhile."""
        self._asked += 1
        asked = self._asked

        def done(answer: Any) -> None:
            if asked == self._asked:
                on_done(answer)

        def failed(failure: JobFailure) -> None:
            if asked == self._asked:
                on_failed(failure)

        worker.submit(function, *args, on_done=done, on_failed=failed)

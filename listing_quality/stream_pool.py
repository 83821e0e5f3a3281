"""The worker processes of a streamed scoring run: one pool for both passes, work queued ahead.

One pool serves pass 1 and pass 2, started before pass 1 while the main process is small:
a worker forked later starts as a copy of whatever the main process holds by then (every
catalog key, the heap the reduction left behind), and each such copy counts again in the
machine's memory as soon as it is touched.

Tasks are submitted a chunk ahead: while the workers measure one chunk, the main process
reads, splits and submits the next, so the workers never wait for the CSV parser and the
main process never waits for the slower half of a chunk before reading on.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

import pandas as pd

Key = TypeVar("Key")
Job = tuple[Key, list[tuple[Any, ...]]]


class ChunkPool:
    """`n_jobs` worker processes (none for one job: tasks then run inline, no pickling)."""

    def __init__(self, n_jobs: int) -> None:
        from .api import _workers  # api imports the stream; keep the import lazy

        self.workers = _workers(n_jobs, 1 << 30)
        self._executor = ProcessPoolExecutor(self.workers) if self.workers > 1 else None

    def __enter__(self) -> ChunkPool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)

    def split(self, frame: pd.DataFrame, offset: int) -> list[tuple[pd.DataFrame, int]]:
        """One contiguous slice of the chunk per worker, each with its catalog row offset."""
        size = max(1, -(-len(frame) // self.workers))
        return [(frame.iloc[i:i + size], offset + i) for i in range(0, len(frame), size)]

    def run(self, jobs: Iterable[Job[Key]], task: Callable[..., Any]
            ) -> Iterator[tuple[Key, list[Any]]]:
        """`(key, [task(*args) for args in arg_list])` for each job, in job order, with the
        next job's tasks already submitted while this one's results are awaited."""
        ahead = 1 if self._executor is None else 2
        pending: deque[tuple[Key, list[Future[Any]]]] = deque()
        for key, arg_list in jobs:
            pending.append((key, [self._submit(task, args) for args in arg_list]))
            if len(pending) >= ahead:
                yield _collected(*pending.popleft())
        while pending:
            yield _collected(*pending.popleft())

    def _submit(self, task: Callable[..., Any], args: tuple[Any, ...]) -> Future[Any]:
        if self._executor is not None:
            return self._executor.submit(task, *args)
        done: Future[Any] = Future()
        done.set_result(task(*args))  # an exception propagates here, as it would inline
        return done


def _collected(key: Key, futures: list[Future[Any]]) -> tuple[Key, list[Any]]:
    return key, [future.result() for future in futures]

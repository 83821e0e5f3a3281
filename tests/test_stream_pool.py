"""The streamed passes' pool: results in job order, the next job submitted ahead, inline for
one job, and the input read lazily (one chunk ahead, never the whole stream)."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from listing_quality.stream_pool import ChunkPool


def _square_with_pid(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


def _fail_on_three(x: int) -> int:
    if x == 3:
        raise ValueError("row 3 is broken")
    return x


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_results_come_back_in_job_order(n_jobs: int) -> None:
    jobs = ((k, [(k * 10 + i,) for i in range(3)]) for k in range(6))
    with ChunkPool(n_jobs) as pool:
        out = list(pool.run(jobs, _square_with_pid))
        inline = pool.workers == 1
    assert [k for k, _ in out] == list(range(6))
    assert [[v for v, _ in results] for _, results in out] == [
        [(k * 10 + i) ** 2 for i in range(3)] for k in range(6)]
    pids = {pid for _, results in out for _, pid in results}
    assert (pids == {os.getpid()}) == inline  # one job runs inline, more in workers


def test_jobs_are_read_one_ahead_not_all_at_once() -> None:
    read: list[int] = []

    def jobs():
        for k in range(5):
            read.append(k)
            yield k, [(k,)]

    with ChunkPool(2) as pool:
        seen = []
        for key, _ in pool.run(jobs(), _square_with_pid):
            seen.append((key, len(read)))
    # the first result arrives once job 1 is submitted; each later one, one job ahead
    assert seen == [(0, 2), (1, 3), (2, 4), (3, 5), (4, 5)]


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_a_task_error_reaches_the_caller(n_jobs: int) -> None:
    with ChunkPool(n_jobs) as pool, pytest.raises(ValueError, match="row 3"):
        list(pool.run(((k, [(k,)]) for k in range(5)), _fail_on_three))


def test_split_gives_each_worker_one_contiguous_slice_with_its_offset() -> None:
    frame = pd.DataFrame({"x": range(7)})
    with ChunkPool(2) as pool:
        parts = pool.split(frame, 100)
        workers = pool.workers
    expected = [([0, 1, 2, 3], 100), ([4, 5, 6], 104)] if workers == 2 else [(list(range(7)), 100)]
    assert [(list(p["x"]), o) for p, o in parts] == expected

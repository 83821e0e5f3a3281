"""Judge measured listings into full Results on every core (`score_catalog`'s last pass).

Judging one listing into a Result (every finding's message and suggestion in both
languages, a suggested title, the model's reasons) costs about a millisecond: in one
process it was the largest serial step left after measuring ran in worker processes.
Here contiguous slices are judged in a pool and the Results come back in order. The model
travels to the workers by pickling; one that cannot (a lambda, a closure) is judged in
this process instead, exactly as before.
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from .types import Listing, Result

MIN_PER_WORKER = 64  # fewer listings than this per worker: forking costs more than it saves


def judge_all(listings: Sequence[Listing], facts: Sequence[dict[str, Any]], options: Any,
              model: Any, workers: int) -> list[Result]:
    """`[api.judge(item, row, options, model) for ...]`, on `workers` processes."""
    if workers <= 1 or len(listings) < MIN_PER_WORKER * 2 or not _travels(model):
        return judge_slice(listings, facts, options, model)
    size = -(-len(listings) // workers)
    cuts = range(0, len(listings), size)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        parts = pool.map(judge_slice, [listings[i:i + size] for i in cuts],
                         [facts[i:i + size] for i in cuts], [options] * len(cuts),
                         [model] * len(cuts))
        return [result for part in parts for result in part]


def judge_slice(listings: Sequence[Listing], facts: Sequence[dict[str, Any]], options: Any,
                model: Any) -> list[Result]:
    from .api import judge  # api imports this module; keep the import lazy

    return [judge(item, row, options, model) for item, row in zip(listings, facts, strict=True)]


def _travels(model: Any) -> bool:
    """Whether the model can be sent to a worker process. Pickle here is the pool's own
    transport between live processes, never a file: models are stored as JSON."""
    try:
        pickle.dumps(model)
    except Exception:  # noqa: BLE001 - any failure means: judge here instead
        return False
    return True

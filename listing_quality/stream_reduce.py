"""The catalog reduction of a streamed run, its largest table shared with the workers.

Between the passes the main process reduces every catalog key to the context while the
workers have nothing to do: at a million synthetic listings that was ~6 s of one core,
~80% of it the near-duplicate titles. Like every reduction, that one is valid on any
subset of keys holding whole groups (features/catalog.py), so here each worker takes a
share of its blocks and the main process reduces the other tables meanwhile; the shares'
rows, put back in row order, are the very table one process makes.
"""

from __future__ import annotations

import heapq

import numpy as np
import pandas as pd

from .features.catalog import REDUCTIONS, CatalogContext, Reduction, reduce_keys
from .gc_pause import gc_paused
from .stream_pool import ChunkPool

SHARED = "near_titles"
MIN_SHARED_KEYS = 50_000
"""Below this many keys the reduction takes well under a second: shipping keys to the
workers would cost more than it saves."""


def reduce_catalog(keys: pd.DataFrame, pool: ChunkPool) -> CatalogContext:
    """`CatalogContext.from_keys(keys)`, the near-duplicate table reduced in the workers."""
    shared = next(r for r in REDUCTIONS if r.name == SHARED)
    if pool.workers < 2 or len(keys) < MIN_SHARED_KEYS:
        return CatalogContext.from_keys(keys)
    columns = ["row", "id", "exact", *shared.group_by, "near"]
    futures = [pool.submit(_reduce_share, (keys[columns].take(rows),))
               for rows in shares(keys, shared, pool.workers)]
    tables = reduce_keys(keys, [r for r in REDUCTIONS if r is not shared])
    parts = [future.result() for future in futures]
    tables[SHARED] = (pd.concat(parts, ignore_index=True)
                      .sort_values("row", kind="stable", ignore_index=True))
    return CatalogContext({r.name: tables[r.name] for r in REDUCTIONS})


def shares(keys: pd.DataFrame, reduction: Reduction, n: int) -> list[np.ndarray]:
    """`n` sets of key positions, each holding whole groups of `reduction`, about equal
    in keys (the largest groups placed first, each on the share with fewest so far)."""
    codes, _ = pd.factorize(pd.MultiIndex.from_frame(keys[list(reduction.group_by)])
                            if len(reduction.group_by) > 1 else keys[reduction.group_by[0]],
                            use_na_sentinel=False)
    sizes = np.bincount(codes) if len(codes) else np.zeros(0, dtype=np.int64)
    owner = np.zeros(len(sizes), dtype=np.intp)
    loads = [(0, share) for share in range(n)]
    for group in np.argsort(-sizes, kind="stable").tolist():
        load, share = heapq.heappop(loads)
        owner[group] = share
        heapq.heappush(loads, (load + int(sizes[group]), share))
    mine = owner[codes]
    return [np.flatnonzero(mine == share) for share in range(n)]


@gc_paused()
def _reduce_share(keys: pd.DataFrame) -> pd.DataFrame:
    """In a worker: the shared table over one share of the keys."""
    shared = next(r for r in REDUCTIONS if r.name == SHARED)
    return shared.reduce(keys)

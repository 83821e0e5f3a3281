"""Progress on long catalogs: a tqdm.auto bar when tqdm is installed, a counter otherwise.

Scoring a catalog with photos spends almost all its time measuring (decoding photos) and
building catalog features, not judging, so the bar counts listings as they are measured
and then says which pass is running. tqdm is an optional extra (`notebook`): it is
imported only when a bar is asked for, so `import listing_quality` stays light, and
without it a plain "scored i/n" counter goes to stderr as before. Off by default.
"""

from __future__ import annotations

import contextlib
import sys
import warnings
from collections.abc import Callable, Iterator
from typing import Any

Tick = Callable[[int], None]
COUNTER_EVERY = 100  # the plain counter prints every this many listings (and the last)


def _no_tick(_n: int) -> None:
    """Progress switched off: ticking costs one call and nothing else."""


@contextlib.contextmanager
def tracker(total: int, enabled: bool, desc: str = "listing-quality") -> Iterator[Tick]:
    """Yield `tick(n)`: call it after `n` more listings are done; the bar closes on exit."""
    if not enabled or total <= 0:
        yield _no_tick
        return
    bar = _tqdm(total, desc)
    if bar is None:
        yield _counter(total)
        return
    try:
        yield bar.update
    finally:
        bar.close()


def stage(tick: Tick, name: str) -> None:
    """Name the pass now running (catalog features, judging) on a tqdm bar, if any."""
    owner = getattr(tick, "__self__", None)
    if owner is not None and hasattr(owner, "set_postfix_str"):
        owner.set_postfix_str(name)


def _tqdm(total: int, desc: str) -> Any:
    """A tqdm.auto bar (widget in Jupyter, text in a terminal), or None without tqdm.

    Without ipywidgets tqdm.auto warns and falls back to its text bar; that fallback is
    fine for a curator, so the warning is not repeated in every notebook.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from tqdm.auto import tqdm
    except ImportError:
        return None
    return tqdm(total=total, desc=desc, unit="listing")


def _counter(total: int) -> Tick:
    """The dependency-free fallback: "scored i/n" on one stderr line."""
    done = [0]

    def tick(n: int) -> None:
        before, done[0] = done[0], done[0] + n
        if done[0] >= total or done[0] // COUNTER_EVERY > before // COUNTER_EVERY:
            end = "\n" if done[0] >= total else ""
            print(f"\rscored {min(done[0], total)}/{total}", end=end, file=sys.stderr)

    return tick

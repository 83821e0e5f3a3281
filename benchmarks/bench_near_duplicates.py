"""Near-duplicate titles: the library's blocked pass against an exhaustive all-pairs search.

    python benchmarks/bench_near_duplicates.py                      # 20k synthetic listings
    python benchmarks/bench_near_duplicates.py --csv \
        ../shared/realdata/tokopedia-general/dagdo03_tokopedia_data.csv
    python benchmarks/bench_near_duplicates.py --windows 12,25,50 --scale 10000,100000,1000000

The exhaustive search is the ground truth and uses the SAME definition as the library
(features/catalog_titles.py): Indel normalized similarity of the folded, sorted clean words
>= near_duplicate_ratio, listings with the same exact key excluded. It runs
`rapidfuzz.process.cdist` on all threads over the upper triangle, chunked so memory stays
bounded; its candidates are re-checked with the very call the library makes, so a float
edge at the cutoff cannot make the two disagree. The library blocks by product type and
compares each title with its `near_duplicate_window` neighbours in two sort orders, and
keeps at most `near_duplicate_max_ids` ids per listing: a missed pair is cross-block (by
design), cut by that cap, or outside the window. Other windows are measured by patching the
settings in this process only; the settings file is never edited.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Indel

import listing_quality as lq
from listing_quality.features import catalog_titles
from listing_quality.features.title import measure

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic

Pairs = set[tuple[int, int]]
CHUNK = 500   # query rows per cdist call: CHUNK x n float64 (80 MB at n = 20k)


def title_facts(listings: Sequence[lq.Listing]) -> list[dict]:
    """Only the title facts the duplicate passes read (keeps 1M listings in memory)."""
    keep = ("title.text", "title.clean", "title.type")
    return [{k: f.get(k) for k in keep} for f in (measure(li, None) for li in listings)]


def load(csv: Path | None, n: int, seed: int) -> tuple[list[dict], list[str], str]:
    if csv is None:   # block by block: 1M listings never sit in memory at once
        facts, ids = [], []
        for block in synthetic.blocks(n, seed):
            listings = lq.read_catalog(block).listings
            facts += title_facts(listings)
            ids += [li.id for li in listings]
        return facts, ids, f"synthetic (seed {seed})"
    listings = list(lq.read_catalog(csv).listings)
    if len(listings) > n:
        listings = random.Random(seed).sample(listings, n)
    ids = [f"{i}:{li.id}" for i, li in enumerate(listings)]   # scraped ids may repeat
    return title_facts(listings), ids, str(csv)


def library(facts: list[dict], ids: list[str], window: int | None = None,
            most: int | None = None) -> tuple[Pairs, float]:
    """Pairs the shipped pass reports (optionally with another window or id cap)."""
    shipped = catalog_titles.settings
    cfg = dict(shipped())
    cfg["near_duplicate_window"] = window or cfg["near_duplicate_window"]
    cfg["near_duplicate_max_ids"] = most or cfg["near_duplicate_max_ids"]
    catalog_titles.settings = lambda: cfg
    try:
        start = time.perf_counter()
        found = catalog_titles.near_title_duplicates(facts, ids)
        seconds = time.perf_counter() - start
    finally:
        catalog_titles.settings = shipped
    index = {name: i for i, name in enumerate(ids)}
    pairs = {(min(i, index[o]), max(i, index[o]))
             for i, others in enumerate(found["catalog.title_near_duplicates"]) for o in others}
    return pairs, seconds


def exhaustive(facts: list[dict], cutoff: float) -> tuple[Pairs, float, float]:
    """All pairs at or above the cutoff, exact-key twins excluded; (pairs, wall s, cpu s).
    The keys are built inside the timing, as the library's pass builds them inside its."""
    wall, cpu = time.perf_counter(), time.process_time()
    keys = catalog_titles.title_keys(facts)
    rows = [i for i, text in enumerate(keys["near"]) if text]
    texts = [keys["near"][i] for i in rows]
    exact = np.asarray(keys["exact"])[rows]
    pairs: Pairs = set()
    for start in range(0, len(texts), CHUNK):
        scores = process.cdist(texts[start:start + CHUNK], texts[start:],
                               scorer=Indel.normalized_similarity,
                               score_cutoff=cutoff - 1e-6, workers=-1)
        for a, b in zip(*np.nonzero(scores), strict=True):
            i, j = start + int(a), start + int(b)
            if j > i and exact[i] != exact[j] and \
                    Indel.normalized_similarity(texts[i], texts[j]) >= cutoff:
                pairs.add((rows[i], rows[j]))
    return pairs, time.perf_counter() - wall, time.process_time() - cpu


def explain(missed: Pairs, uncapped: Pairs, blocks: Sequence[str]) -> dict[str, int]:
    cross = {p for p in missed if blocks[p[0]] != blocks[p[1]]}
    capped = (missed - cross) & uncapped
    numeric = {p for p in cross if not _wordy(blocks[p[0]]) or not _wordy(blocks[p[1]])}
    return {"cross-block (by design)": len(cross),
            "  of which one side's block is a number (no type: first sorted word)": len(numeric),
            "cut by the id cap": len(capped),
            "within block, outside the window": len(missed - cross - capped)}


def _wordy(block: str) -> bool:
    return any(ch.isalpha() for ch in block)


def what_if_word_block(facts: list[dict], ids: list[str], truth: Pairs) -> str:
    """Recall if a title with no product type were blocked by its first sorted word that
    has a letter, not by a number ("isi 5 pcs" / "isi 10 pcs" land in blocks "5" and "10")."""
    shipped = catalog_titles._near_key

    def near_key(row):
        block, text = shipped(row)
        return (block if _wordy(block) else next(
            (w for w in text.split() if _wordy(w)), block)), text
    catalog_titles._near_key = near_key
    try:
        pairs, seconds = library(facts, ids)
    finally:
        catalog_titles._near_key = shipped
    return (f"what-if, no-type block = first word with a letter: pair recall "
            f"{len(pairs & truth) / max(len(truth), 1):.4f}, listings flagged "
            f"{len(flagged(pairs & truth)) / max(len(flagged(truth)), 1):.4f}, {seconds:.3f} s")


def block_sizes(facts: list[dict], window: int) -> str:
    keys = catalog_titles.title_keys(facts)
    sizes = np.bincount(np.unique([b for b, t in zip(keys["block"], keys["near"], strict=True)
                                   if t], return_inverse=True)[1])
    big = sizes[sizes > window + 1]
    return (f"{len(sizes):,} blocks, largest {sizes.max():,}, median {int(np.median(sizes))}; "
            f"{big.sum() / sizes.sum():.0%} of titles sit in blocks larger than window + 1")


def flagged(pairs: Pairs) -> set[int]:
    """Listings with at least one near-duplicate: what makes the title rule fire."""
    return {i for pair in pairs for i in pair}


def report(facts: list[dict], ids: list[str], windows: Sequence[int], repeat: int) -> None:
    cfg = catalog_titles.settings()
    cutoff, window = cfg["near_duplicate_ratio"] / 100.0, int(cfg["near_duplicate_window"])
    runs = [exhaustive(facts, cutoff) for _ in range(repeat)]
    truth, walls = runs[0][0], sorted(r[1] for r in runs)
    libs = [library(facts, ids) for _ in range(repeat)]
    found, lib_walls = libs[0][0], sorted(s for _, s in libs)
    print(f"titles: {len(facts):,}   cutoff {cutoff:.2f}, window {window}, "
          f"max ids {cfg['near_duplicate_max_ids']}   {block_sizes(facts, window)}")
    print(f"exhaustive cdist (all threads): {len(truth):>8,} pairs  {walls[0]:8.2f} s best, "
          f"{walls[-1]:.2f} s worst, {min(r[2] for r in runs):.2f} s CPU")
    print(f"library blocked pass (1 core) : {len(found):>8,} pairs  "
          f"{lib_walls[0]:8.3f} s best, {lib_walls[-1]:.3f} s worst")
    hit = found & truth
    print(f"recall {len(hit) / max(len(truth), 1):.4f} of pairs, "
          f"{len(flagged(hit)) / max(len(flagged(truth)), 1):.4f} of listings flagged   "
          f"precision {len(hit) / max(len(found), 1):.4f}   "
          f"speed-up {walls[0] / lib_walls[0]:,.1f}x (wall, best of {repeat})")
    if found - truth:
        print(f"  precision < 1: {len(found - truth)} library pairs are not in the exhaustive set")
    blocks = catalog_titles.title_keys(facts)["block"]
    uncapped, _ = library(facts, ids, most=10**9)
    for reason, count in explain(truth - found, uncapped, blocks).items():
        print(f"  missed, {reason}: {count:,}")
    sweep(facts, ids, truth, blocks, windows)
    print("  " + what_if_word_block(facts, ids, truth))


def sweep(facts: list[dict], ids: list[str], truth: Pairs, blocks: Sequence[str],
          windows: Sequence[int]) -> None:
    """Recall at other windows, with the shipped id cap and without it."""
    within = {(i, j) for i, j in truth if blocks[i] == blocks[j]}
    listings = flagged(truth)
    print("  window | pair recall  (uncapped, within-block uncapped) | listings flagged | time")
    for w in windows:
        pairs, seconds = library(facts, ids, window=w)
        free, _ = library(facts, ids, window=w, most=10**9)
        print(f"  {w:>6} | {len(pairs & truth) / max(len(truth), 1):.4f}       "
              f"({len(free & truth) / max(len(truth), 1):.4f}, "
              f"{len(free & within) / max(len(within), 1):.4f})"
              f"{'':19}| {len(flagged(pairs & truth)) / max(len(listings), 1):.4f}           "
              f"| {seconds:.3f} s")


def scale(sizes: Sequence[int], seed: int) -> None:
    """How the blocked pass grows with catalog size (synthetic catalogs)."""
    for n in sizes:
        facts, ids, _ = load(None, n, seed)
        pairs, seconds = library(facts, ids)
        print(f"  {n:>9,} titles: {seconds:8.2f} s  {n / seconds:>10,.0f} titles/s  "
              f"{len(pairs):,} pairs")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--csv", type=Path, help="real catalog with a title column")
    parser.add_argument("--n", type=int, default=20_000, help="sample size")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--windows", default="12,25,50,100", help="windows to try")
    parser.add_argument("--scale", default="", help="catalog sizes for the blocked pass alone")
    args = parser.parse_args(argv)
    facts, ids, source = load(args.csv, args.n, args.seed)
    print(f"source: {source}")
    report(facts, ids, [int(w) for w in args.windows.split(",") if w], args.repeat)
    if args.scale:
        print("blocked pass alone, by catalog size:")
        scale([int(n) for n in args.scale.split(",")], args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

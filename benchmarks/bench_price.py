"""Peer price statistics and price rules for 1,000,000 listings; parse cost apart.

    .venv/bin/python benchmarks/bench_price.py [--n 1000000] [--judge-n 100000]
                                              [--parse-n 100000] [--measure-n 20000]
                                              [--repeat 3] [--measure-only]

Prints, for synthetic catalogs (random prices around Rp15.000 in 8 product types and 5
size classes, never real rows):

- baseline: one numpy median/MAD robust z over all N log prices, no groups — the floor
  any grouped version is compared with, measured in the same run;
- peer core: the vectorised group statistics (`group_stats` for pack price by
  category x type x size and for price per 100 g by category x type) on arrays;
- peer builder: the full catalog builder `peer_prices` as `score_catalog` runs it,
  reading N per-listing fact dicts and writing one record per listing;
- price rules: the H rules judged by the engine per listing (on --judge-n listings,
  scaled to N);
- issue 6, columnar: peer statistics + H rules for all N listings starting from the price
  facts held as COLUMNS (numpy arrays and lists, no dict per listing): `peer_columns`
  then `evaluate_columns`. Run first, so its peak RSS is not the dicts' (checked equal to
  the engine on --judge-n listings);
- price rules, columnar: `evaluate_columns` over all N listings on the builder's records
  (the dict path's output), next to the engine's per-listing figure;
- parse: `parse_rupiah` on seller-written price strings (8 spellings: rb, ribu, IDR,
  ranges, ...) and on marketplace-export strings ("Rp17.000"), on --parse-n, scaled to N;
  since issue 9 a spelling seen before is remembered, as a catalog's repeated prices are;
- measure (issue 9): `features.price.measure` per listing on `synthetic.frame(--measure-n)`
  listings, their label already parsed (packaging reads it first in `extract`), --repeat
  runs with the remembered price cells forgotten before each: best CPU time per listing
  and the spread, against building a 16-key dict of the listing's raw cells (the least a
  per-listing measure does), measured in the same run. `--measure-only` prints just this;
  it runs on an older checkout too (PYTHONPATH=<checkout>), for before/after figures.

Peak memory is the process's maximum resident set size (ru_maxrss); the dict stages'
figure includes the N input dicts themselves.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from listing_quality import engine, partition
from listing_quality.api import selected_rubric
from listing_quality.features import price
from listing_quality.features.catalog_prices import _codes, group_stats, peer_prices
from listing_quality.features.texts import ListingTexts
from listing_quality.judge_columns import LossTable, columns_of, evaluate_columns
from listing_quality.peer_columns import peer_columns
from listing_quality.text import rupiah
from listing_quality.text.rupiah import parse_rupiah

TYPES = ("seblak", "kerupuk", "keripik", "basreng", "sambal", "kopi", "madu", "kue")
SPELLINGS = ("Rp{d}", "Rp {d}", "Rp{d},-", "{p}", "{k}rb", "{k} ribu", "IDR {p}",
             "Rp{d} - Rp{d2}")


def price_columns(n: int, seed: int = 6) -> dict[str, Any]:
    """The price facts of N listings as columns: float arrays (NaN = no value) and lists."""
    rng = np.random.default_rng(seed)
    kinds = np.array(TYPES)[rng.integers(0, len(TYPES), n)].tolist()
    nets = rng.choice([100.0, 250.0, 500.0, 1000.0, np.nan], n)
    prices = np.exp(rng.normal(np.log(15_000), 0.6, n)).round(-2)
    nothing = [None] * n
    return {"price.value": prices, "price.per_100g": prices / nets * 100,
            "price.type": kinds, "price.category": ["kuliner"] * n, "price.brand": ["ukm"] * n,
            "packaging.net_g": nets, "packaging.pack_count": rng.choice([np.nan] * 9 + [3.0], n),
            "price.discount": nothing, "price.missing": np.zeros(n, bool),
            "price.unparseable": nothing, "price.placeholder": nothing, "price.charm": nothing,
            "price.round": np.zeros(n, bool)}


def facts(n: int, seed: int = 6) -> list[dict[str, Any]]:
    """N fact dicts shaped like `features.extract` output: `price_columns`, row by row."""
    columns = {k: v.tolist() if isinstance(v, np.ndarray) else v
               for k, v in price_columns(n, seed).items()}
    rows = [dict(zip(columns, values, strict=True)) for values in zip(*columns.values(),
                                                                       strict=True)]
    for row in rows:  # a missing number is None in a fact dict, NaN in a column
        for name in ("price.per_100g", "packaging.net_g", "packaging.pack_count"):
            if row[name] != row[name]:
                row[name] = None
        row["price.missing"], row["price.round"] = bool(row["price.missing"]), \
            bool(row["price.round"])
    return rows


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def baseline(prices: np.ndarray) -> np.ndarray:
    logs = np.log(prices)
    median = np.median(logs)
    return (logs - median) / (1.4826 * np.median(np.abs(logs - median)))


def peer_core(rows: list[dict[str, Any]]) -> Any:
    price = np.array([r["price.value"] for r in rows], dtype=float)
    unit = np.array([r["price.per_100g"] for r in rows], dtype=float)
    kinds = _codes([r["price.type"] for r in rows])
    sizes = _codes([r["packaging.net_g"] or 0 for r in rows])
    start = time.perf_counter()
    group_stats(_codes(kinds, sizes), price)
    group_stats(kinds, unit)
    return time.perf_counter() - start


def judge_rules(rows: list[dict[str, Any]]) -> int:
    rubric = price_rubric()
    return sum(len(engine.evaluate(row, rubric)) for row in rows)


def price_rubric() -> Any:
    return selected_rubric("kuliner", None, ("H",))


def columnar(n: int) -> tuple[float, float, float, LossTable]:
    """Issue 6 from columns: peer statistics + H rules for N listings.

    Returns wall seconds, CPU seconds (honest on a shared, busy machine), peak MB, table.
    """
    columns = price_columns(n)
    start, cpu = time.perf_counter(), time.process_time()
    table = evaluate_columns({**columns, **peer_columns(columns, n)}, n, price_rubric())
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return seconds, cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, table


def check_columnar(table: LossTable, rows: list[dict[str, Any]]) -> None:
    """The columnar verdicts equal the engine's on these rows (rows hold their records)."""
    rubric = price_rubric()
    for i, row in enumerate(rows):
        engine_view = {o.rule.code: o.judgement.loss for o in engine.evaluate(row, rubric)}
        mine = {r.code: float(table.loss[k, i]) for k, r in enumerate(rubric.rules)
                if table.applies[k, i]}
        assert mine == engine_view, (i, mine, engine_view)


def price_strings(n: int, seed: int = 7) -> list[str]:
    rng = np.random.default_rng(seed)
    out = []
    for k, spelling in zip(rng.integers(5, 200, n).tolist(),
                           rng.integers(0, len(SPELLINGS), n).tolist(), strict=True):
        p = k * 1000
        out.append(SPELLINGS[spelling].format(d=f"{p:,}".replace(",", "."), p=p, k=k,
                                              d2=f"{p * 2:,}".replace(",", ".")))
    return out


def run(n: int, judge_n: int, parse_n: int) -> dict[str, float]:
    """Every figure of the report, measured in one process so the ratios hold."""
    figures = {"rss_start": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    figures["columnar"], figures["columnar_cpu"], figures["rss_columnar"], table = columnar(n)
    rows = facts(n)
    figures["rss_inputs"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["base"], _ = timed(lambda: baseline(np.array([r["price.value"] for r in rows])))
    figures["core"] = peer_core(rows)
    figures["build"], columns = timed(lambda: peer_prices(rows, [""] * len(rows)))
    figures["rss_peak"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sample = rows[:judge_n]
    for name, values in columns.items():
        for row, value in zip(sample, values, strict=False):
            row[name] = value
    figures["judge"], _ = timed(lambda: judge_rules(sample))
    check_columnar(table, sample)
    del table
    records = {**columns_of(rows, list(price_columns(0))), **columns}
    figures["judge_columnar"], _ = timed(lambda: evaluate_columns(records, n, price_rubric()))
    texts = price_strings(parse_n)
    figures["parse"], parsed = timed(lambda: [parse_rupiah(t) for t in texts])
    exported = [f"Rp{k * 500:,}".replace(",", ".") for k in range(10, 10 + parse_n)]
    figures["parse_export"], fast = timed(lambda: [parse_rupiah(t) for t in exported])
    assert all(p.ok for p in parsed + fast)
    return figures


def forget() -> None:
    """Empty the remembered price cells (none on a checkout older than issue 9)."""
    for module, name in ((price, "price_facts"), (price, "group_key"),
                         (rupiah, "_parse_cell")):
        cached = getattr(module, name, None)
        if hasattr(cached, "cache_clear"):
            cached.cache_clear()


def floor_dict(listing: Any, texts: Any) -> dict[str, Any]:
    """The least a per-listing measure does: 16 facts read off the listing into a dict."""
    cells = (listing.price, listing.original_price, listing.title, listing.category)
    return {f"price.{i}": cells[i % 4] for i in range(16)}


def measure_figures(n: int, repeat: int) -> None:
    """`price.measure` per listing, labels parsed, best of `repeat` cold runs; CPU time."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import synthetic

    listings = partition.adapt(synthetic.frame(n))
    texts = [ListingTexts(li) for li in listings]
    for t in texts:
        t.label.net  # noqa: B018 - packaging parses the label before price reads it
    runs: dict[str, list[float]] = {"floor": [], "measure": []}
    for _ in range(repeat):
        forget()
        for name, fn in (("floor", floor_dict),
                         ("measure", lambda li, t: price.measure(li, None, t))):
            start = time.process_time()
            for li, t in zip(listings, texts, strict=True):
                fn(li, t)
            runs[name].append((time.process_time() - start) / n * 1e6)
    floor, got = runs["floor"], runs["measure"]
    print(f"price measure floor: a 16-key dict per listing  best {min(floor):6.2f} us/listing "
          f"(spread {min(floor):.2f}-{max(floor):.2f})  (baseline)")
    print(f"price measure ({n:,} synthetic, {repeat} cold runs)  best {min(got):6.2f} "
          f"us/listing (spread {min(got):.2f}-{max(got):.2f})  ({min(got) / min(floor):.1f}x "
          f"baseline)")


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--judge-n", type=int, default=100_000)
    parser.add_argument("--parse-n", type=int, default=100_000)
    parser.add_argument("--measure-n", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--measure-only", action="store_true")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = arguments(argv)
    measure_figures(args.measure_n, args.repeat)
    if args.measure_only:
        return
    f = run(args.n, args.judge_n, args.parse_n)
    base, core, build = f["base"], f["core"], f["build"]
    print(f"listings: {args.n:,}")
    print(f"baseline numpy median/MAD z, no groups: {base:6.3f} s")
    print(f"peer core (group_stats x2, arrays):     {core:6.3f} s  ({core / base:5.1f}x baseline)")
    print(f"peer builder (dicts in, records out):   {build:6.3f} s  "
          f"({build / base:5.1f}x baseline)")
    print(f"price rules via engine ({args.judge_n:,}):     {f['judge']:6.3f} s  "
          f"-> {f['judge'] * args.n / args.judge_n:6.2f} s per {args.n:,}")
    print(f"price rules, columnar (all {args.n:,}):  {f['judge_columnar']:6.3f} s  "
          f"({f['judge'] * args.n / args.judge_n / f['judge_columnar']:5.1f}x faster than "
          f"the engine)")
    print(f"issue 6 from COLUMNS: peer stats + price rules: {f['columnar']:6.3f} s wall, "
          f"{f['columnar_cpu']:6.3f} s CPU ({f['columnar'] / base:5.1f}x baseline), "
          f"peak RSS {f['rss_columnar']:,.0f} MB (process; {f['rss_start']:,.0f} MB at start)")
    print(f"parse_rupiah ({args.parse_n:,} strings):     {f['parse']:6.3f} s  "
          f"-> {f['parse'] * args.n / args.parse_n:6.2f} s per {args.n:,}  "
          f"({args.parse_n / f['parse']:,.0f} strings/s)")
    print(f"parse_rupiah, export style (Rp17.000): {f['parse_export']:6.3f} s  "
          f"-> {f['parse_export'] * args.n / args.parse_n:6.2f} s per {args.n:,}")
    print(f"peak RSS: {f['rss_peak']:,.0f} MB (of which inputs {f['rss_inputs']:,.0f} MB); "
          f"builder adds {f['rss_peak'] - f['rss_inputs']:,.0f} MB")


if __name__ == "__main__":
    main()

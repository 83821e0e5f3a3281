"""Adapter throughput: marketplace exports read into Listings, against the raw readers.

    python benchmarks/bench_adapters.py [--n 20000] [--frame-n 20000] [--repeat 3]
                                        [--frame-only]

Writes, in a temporary folder, a Shopee mass-upload XLSX (keys on row 1, data from row 7,
kilogram weights), the same rows as a Tokopedia-style CSV and as Parquet (when pyarrow is
installed), then times `read_catalog` on each. The baselines are measured in the same run:
openpyxl's read-only iteration over every cell (XLSX), `csv.reader` (CSV) and
`pandas.read_parquet` (Parquet): the least any reader of that file must do. The ratio is
read_catalog's rows per second over the baseline's.

Then (issue 9) a DataFrame of `synthetic.frame(--frame-n)` rows is adapted the way every
engine's partition is (`partition.adapt`), --repeat times: the best time per listing and
the spread, against `df.itertuples()` over every cell (the least any row reader does),
measured in the same run. `--frame-only` skips the file readers. The figure runs on an
older checkout too (PYTHONPATH=<checkout>), which is how before/after are compared.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pandas as pd

from listing_quality import partition
from listing_quality.adapters import read_catalog

KEYS = ["ps_category", "ps_product_name", "ps_product_description", "ps_price", "ps_stock",
        "ps_item_cover_image", "ps_item_image_1", "ps_item_image_2", "ps_weight"]
LABELS = ["Kategori", "Nama Produk", "Deskripsi Produk", "Harga", "Stok", "Foto Sampul",
          "Foto Produk 1", "Foto Produk 2", "Berat (kg)"]


def rows(n: int) -> list[list[object]]:
    """Synthetic listings (no real data): varied titles, prices and kilogram weights."""
    flavours = ["Balado", "Original", "Pedas Manis", "Keju", "Rumput Laut"]
    return [[100629, f"Keripik Singkong {flavours[i % 5]} {100 + i % 400} g",
             f"Keripik renyah varian {flavours[i % 5]}, dibuat harian tanpa pengawet.",
             5000 + (i * 37) % 90000, i % 50, f"c{i}.jpg", f"p{i}-1.jpg",
             "" if i % 3 else f"p{i}-2.jpg", round(0.1 + (i % 40) / 20, 2)]
            for i in range(n)]


def write_files(folder: Path, data: list[list[object]]) -> dict[str, Path]:
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("Template")
    for row in [KEYS, ["basic_template"], LABELS, ["Wajib"] * len(KEYS), ["catatan"], []]:
        ws.append(row)
    for row in data:
        ws.append(row)
    paths = {"xlsx": folder / "shopee.xlsx", "csv": folder / "tokopedia.csv",
             "parquet": folder / "export.parquet"}
    book.save(paths["xlsx"])
    with open(paths["csv"], "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([LABELS, *data])
    try:
        pd.DataFrame(data, columns=KEYS).to_parquet(paths["parquet"])
    except ImportError:
        del paths["parquet"]
    return paths


def timed(label: str, n: int, fn: Callable[[], object], baseline: float | None = None) -> float:
    start = time.perf_counter()
    fn()
    rate = n / (time.perf_counter() - start)
    ratio = f"({rate / baseline:.2f}x baseline)" if baseline else "(baseline)"
    print(f"{label:<44} {rate:>12,.0f} rows/s  {ratio}")
    return rate


def raw_xlsx(path: Path) -> None:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for _ in book["Template"].iter_rows(values_only=True):
        pass
    book.close()


def raw_csv(path: Path) -> None:
    with open(path, newline="", encoding="utf-8") as fh:
        for _ in csv.reader(fh):
            pass


def per_listing(fn: Callable[[], object], n: int, repeat: int) -> list[float]:
    """Microseconds per listing of each of `repeat` runs of `fn` (CPU time: the machine is
    shared, and other processes' work must not count)."""
    out = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        out.append((time.process_time() - start) / n * 1e6)
    return out


def frame_figures(n: int, repeat: int) -> None:
    """partition.adapt on a synthetic frame against itertuples, best of `repeat`."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import synthetic

    df = synthetic.frame(n)
    base = per_listing(lambda: [None for _ in df.itertuples(index=False, name=None)], n,
                       repeat)
    adapt = per_listing(lambda: partition.adapt(df), n, repeat)
    assert len(partition.adapt(df)) == n
    print(f"frame: itertuples over every cell ({n:,} rows)   best {min(base):6.2f} us/listing "
          f"(spread {min(base):.2f}-{max(base):.2f})  (baseline)")
    print(f"frame: partition.adapt (synthetic, {repeat} runs)  best {min(adapt):6.2f} "
          f"us/listing (spread {min(adapt):.2f}-{max(adapt):.2f})  "
          f"({min(adapt) / min(base):.2f}x baseline)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--frame-n", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--frame-only", action="store_true")
    args = parser.parse_args()
    frame_figures(args.frame_n, args.repeat)
    if not args.frame_only:
        files(args.n)


def files(n: int) -> None:
    """read_catalog on XLSX, CSV and Parquet against their raw readers, one run each."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_files(Path(tmp), rows(n))
        base = timed("xlsx: openpyxl read-only iteration", n, lambda: raw_xlsx(paths["xlsx"]))
        timed("xlsx: read_catalog (Shopee detected, kg->g)", n,
              lambda: read_catalog(paths["xlsx"]), base)
        base = timed("csv: csv.reader", n, lambda: raw_csv(paths["csv"]))
        timed("csv: read_catalog", n, lambda: read_catalog(paths["csv"]), base)
        if "parquet" in paths:
            base = timed("parquet: pandas.read_parquet", n,
                         lambda: pd.read_parquet(paths["parquet"]))
            timed("parquet: read_catalog", n, lambda: read_catalog(paths["parquet"]), base)
        cat = read_catalog(paths["xlsx"])
        assert len(cat) == n and cat.source == "shopee_mass_upload"  # every row in


if __name__ == "__main__":
    main()

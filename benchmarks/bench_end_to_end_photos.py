"""End to end with photos: 1,000 listings x 3 photos on 2 cores against draft-decoding alone.

    python benchmarks/bench_end_to_end_photos.py                     # data/samples/photos
    python benchmarks/bench_end_to_end_photos.py --photos ../shared/realdata/photos-umkm
    python benchmarks/bench_end_to_end_photos.py --photos ../shared/realdata/photos-more
    python benchmarks/bench_end_to_end_photos.py --generate   # 3,000 distinct phone-size JPEGs

The catalog is synthetic (benchmarks/synthetic.py) with 3 photo files per listing drawn
from the folder, so 3,000 photo references. Two arms, interleaved, each best of --repeat:

- decode alone: every one of those 3,000 files opened, drafted at the library's working
  size and decoded (Pillow's JPEG draft: the floor any photo pipeline pays), in a fresh
  ProcessPoolExecutor of --jobs workers, the photos split between workers the way
  `score_catalog` splits the listings;
- end to end: `lq.score_catalog(catalog, lq.Options(images_root=...), n_jobs=--jobs)` -
  text and photo features, catalog pass (peer prices, duplicates, shared photos), rules,
  model and suggestions, in its own fresh pool.

The issue's target is end to end within 1.6x of decode alone. A folder has far fewer
files than 3,000, so files repeat: after the untimed warm-up both arms read every file
from the OS page cache, equally, and neither arm pays disk reads. A text-only end-to-end
run of the same listings is printed too, to show what the photos themselves cost. Files
Pillow cannot open are left out of the pool (the baseline could not decode them).

Repeating a folder's files also makes every file a photo *shared* by ~7 listings, which
the catalog pass (photo reuse) must then pair up: far more reuse than a real catalog has.
`--generate` draws one distinct packshot per reference instead (tests/photo_factory.py,
1000-4000 px, some spoiled), so nothing repeats and no file is read from cache twice.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd
from PIL import Image

import listing_quality as lq
from listing_quality.features.photo_decode import settings

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic

ROOT = Path(__file__).resolve().parents[1]


def draft_decode(paths: list[str]) -> int:
    """Header, draft at the working size, decode: nothing else (one worker's share)."""
    work = settings()["work_px"]
    for path in paths:
        with Image.open(path) as image:
            scale = work / max(image.size)
            image.draft("RGB", (max(1, int(image.width * scale)),
                                max(1, int(image.height * scale))))
            image.load()
    return len(paths)


def readable(folder: Path) -> list[str]:
    """Photo names under `folder` that Pillow opens (a broken file has no baseline)."""
    good = []
    for name in synthetic.photo_names(folder):
        try:
            with Image.open(folder / name) as image:
                image.verify()
            good.append(name)
        except Exception:  # noqa: BLE001 - any unreadable file is simply left out
            continue
    return good


SIZES = ((1000, 1000), (1600, 1200), (2268, 2268), (3000, 4000))
DEFECTS = (None, None, "blur", "dark", "clutter", "text", "far")


def draw(folder: str, i: int) -> str:
    """One distinct phone-like JPEG: packshot `i`, spoiled one way or not at all."""
    sys.path.insert(0, str(ROOT / "tests"))
    from photo_factory import degrade, scene

    image = scene(SIZES[i % len(SIZES)], seed=i + 1)
    if DEFECTS[i % len(DEFECTS)]:
        image = degrade(image, DEFECTS[i % len(DEFECTS)], i + 1)
    name = f"g{i:05d}.jpg"
    image.save(Path(folder) / name, "JPEG", quality=88)
    return name


def generated_frame(n: int, per: int, folder: Path, jobs: int) -> tuple[pd.DataFrame, int]:
    """The synthetic catalog with its own distinct photos: listing k gets photos k*per..."""
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        names = list(pool.map(draw, [str(folder)] * (n * per), range(n * per), chunksize=32))
    photos = ["|".join(names[k * per:(k + 1) * per]) for k in range(n)]
    return synthetic.frame(n).assign(photos=photos), len(names)


def decode_alone(catalog: lq.Catalog, root: Path, jobs: int) -> float:
    """Seconds to draft-decode every photo of the catalog in a fresh pool of `jobs`."""
    shares = [[str(root / photo.ref) for item in catalog.listings[k::jobs]
               for photo in item.photos] for k in range(jobs)]
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        done = sum(pool.map(draft_decode, shares))
    seconds = time.perf_counter() - start
    assert done == sum(len(share) for share in shares)
    return seconds


def end_to_end(catalog: lq.Catalog, root: Path | None, jobs: int) -> float:
    options = lq.Options(images_root=str(root) if root else None)
    start = time.perf_counter()
    results = lq.score_catalog(catalog, options, n_jobs=jobs)
    seconds = time.perf_counter() - start
    assert len(results) == len(catalog.listings)
    return seconds


def timed(arms: dict[str, Callable[[], float]], repeat: int) -> dict[str, list[float]]:
    """Each arm once untimed (page cache, lazy imports), then `repeat` interleaved rounds."""
    for arm in arms.values():
        arm()
    times: dict[str, list[float]] = {name: [] for name in arms}
    for _ in range(repeat):
        for name, arm in arms.items():
            times[name].append(arm())
    return times


def line(label: str, seconds: list[float], count: int, unit: str) -> str:
    best, spread = min(seconds), max(seconds) - min(seconds)
    return (f"{label:<24} {best:7.2f} s best  (+{spread:.2f} s spread, median "
            f"{statistics.median(seconds):.2f})  {count / best:8.1f} {unit}/s")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=Path, default=ROOT / "data" / "samples" / "photos")
    parser.add_argument("--generate", action="store_true", help="distinct generated photos")
    parser.add_argument("--n", type=int, default=1000, help="listings")
    parser.add_argument("--per-listing", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.generate:
            root = Path(tmp)
            frame, files = generated_frame(args.n, args.per_listing, root, args.jobs)
        else:
            root = args.photos.resolve()
            names = readable(root)
            if not names:  # a mistyped folder must not print a ratio of nothing
                parser.error(f"no photo Pillow can open under {root}")
            frame, files = synthetic.frame(args.n, photos=names, per=args.per_listing), len(names)
        run(frame, root, files, args)
    return 0


def run(frame: pd.DataFrame, root: Path, files: int, args: argparse.Namespace) -> None:
    catalog = lq.read_catalog(frame)
    text_only = lq.read_catalog(frame.assign(photos=""))
    photos = sum(len(item.photos) for item in catalog.listings)
    times = timed({"decode": lambda: decode_alone(catalog, root, args.jobs),
                   "e2e": lambda: end_to_end(catalog, root, args.jobs),
                   "text": lambda: end_to_end(text_only, None, args.jobs)}, args.repeat)
    print(f"{args.n:,} listings x {args.per_listing} photos = {photos:,} photo references "
          f"to {files:,} files in {root} ({args.jobs} workers, best of {args.repeat})")
    print(line("draft decode alone", times["decode"], photos, "photos"))
    print(line("score_catalog, photos", times["e2e"], args.n, "listings"))
    print(line("score_catalog, no photos", times["text"], args.n, "listings"))
    ratios = [e / d for e, d in zip(times["e2e"], times["decode"], strict=True)]
    print(f"end to end / decode alone: {min(times['e2e']) / min(times['decode']):.2f}x "
          f"(best / best; per round {', '.join(f'{r:.2f}' for r in ratios)})  target <= 1.6x")


if __name__ == "__main__":
    raise SystemExit(main())

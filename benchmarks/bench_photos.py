"""Photo scoring throughput against Pillow's draft decode alone, on the same files.

    python benchmarks/bench_photos.py                      # generated packshots
    python benchmarks/bench_photos.py --photos ../shared/realdata/photos-more
    python benchmarks/bench_photos.py --workers 2          # 1 vs 2 process scaling

The baseline is what no photo pipeline can beat: open each file, request the same draft
size, and decode. The pipeline does that plus header checks, EXIF orientation, mode
normalisation, the resize to the working image, every metric and the perceptual hash.
The ratio (pipeline / baseline images per second) says how much of the time is metrics.
Both run in the same process, interleaved, best of --repeat, so the ratio is fair.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image

from listing_quality.features.photo_decode import settings
from listing_quality.features.photos import photo_facts
from listing_quality.types import Photo

SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}


def generated_corpus(folder: Path, count: int) -> list[Path]:
    """Packshots and spoiled copies at phone-like sizes, written as JPEG."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from photo_factory import degrade, scene

    defects = [None, "blur", "dark", "clutter", "text", "far"]
    sizes = [(1000, 1000), (1600, 1200), (2268, 2268), (3000, 4000)]
    paths = []
    for i in range(count):
        image = scene(sizes[i % len(sizes)], seed=i + 1)
        if defects[i % len(defects)]:
            image = degrade(image, defects[i % len(defects)], i + 1)
        path = folder / f"p{i:03d}.jpg"
        image.save(path, "JPEG", quality=88)
        paths.append(path)
    return paths


def draft_decode(path: Path) -> None:
    """The baseline: header, draft at the working size, decode. Nothing else."""
    work = settings()["work_px"]
    with Image.open(path) as image:
        scale = work / max(image.size)
        image.draft("RGB", (max(1, int(image.width * scale)), max(1, int(image.height * scale))))
        image.load()


def pipeline(path: Path) -> None:
    facts = photo_facts(Photo(1, path.name), path.parent, False)
    if facts["errors"]:
        raise SystemExit(f"{path}: {facts['errors']}")


def rate(task: Callable[[Path], None], paths: Sequence[Path]) -> float:
    start = time.perf_counter()
    for path in paths:
        task(path)
    return len(paths) / (time.perf_counter() - start)


def _chunk(paths: list[str]) -> int:
    for name in paths:
        pipeline(Path(name))
    return len(paths)


def pool_rate(paths: Sequence[Path], workers: int) -> float:
    names = [str(p) for p in paths] * 3  # enough work to hide the pool's own overhead
    chunks = [names[i::workers * 4] for i in range(workers * 4)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(_chunk, chunks[:workers]))  # warm the workers (imports, caches)
        start = time.perf_counter()
        done = sum(pool.map(_chunk, chunks))
    return done / (time.perf_counter() - start)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=Path, help="folder of photos (default: generated)")
    parser.add_argument("--count", type=int, default=48, help="generated photos")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.photos:
            paths = sorted(p for p in args.photos.rglob("*") if p.suffix.lower() in SUFFIXES)
        else:
            paths = generated_corpus(Path(tmp), args.count)
        pipeline(paths[0])  # load settings, numpy and imagehash before timing
        best_base = best_pipe = 0.0
        for _ in range(args.repeat):
            best_base = max(best_base, rate(draft_decode, paths))
            best_pipe = max(best_pipe, rate(pipeline, paths))
        print(f"photos: {len(paths)} ({args.photos or 'generated JPEG, 1000-4000 px'})")
        print(f"draft decode alone : {best_base:8.1f} images/s")
        print(f"photo pipeline     : {best_pipe:8.1f} images/s")
        print(f"ratio              : {best_pipe / best_base:8.2f}x  (target >= 0.75x)")
        if args.workers > 1:
            one = max(pool_rate(paths, 1) for _ in range(args.repeat))
            many = max(pool_rate(paths, args.workers) for _ in range(args.repeat))
            print(f"1 process          : {one:8.1f} images/s")
            print(f"{args.workers} processes        : {many:8.1f} images/s")
            print(f"scaling            : {many / one:8.2f}x  (target >= 1.8x on 2 cores)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Throughput of the packaging readers, and of the whole packaging measure per listing.

    .venv/bin/python benchmarks/bench_packaging.py [--n 100000] [--listings 5000] [--repeat 5]

Prints descriptions per second on one core for (a) the baseline, one pass of
`str.lower()` plus a plain digit-run regex over the same text, measured in the same run so
the ratio holds on any machine, and (b) the packaging readers: `net_quantity`,
`find_sizes`, `find_pirt`, `find_bpom`, `states_halal`, `find_nib`. The descriptions are
synthetic (built from a few templates with random numbers), never real rows. Then (c)
`features.packaging.measure` on `synthetic.frame(--listings)` listings (descriptions of
marketplace length), in microseconds per listing of process time (steadier than wall
time on a shared machine), best and spread of --repeat passes, with the same baseline over
title + description run alternately with it (so both see the same machine load).
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable

from listing_quality import partition
from listing_quality.features import packaging
from listing_quality.text import registrations as reg
from listing_quality.text.quantities import find_sizes, net_quantity
from listing_quality.types import Listing

TEMPLATES = (
    "Keripik singkong balado {n} gr, digoreng setiap hari. Netto {n} g dalam standing pouch. "
    "Komposisi: singkong, cabai, garam. P-IRT No. 2063578010{p}-29. Halal. Exp 12/2027.",
    "Kopi bubuk robusta isi {c} x {n} gram, sangrai medium. BPOM RI MD 2245100{p}12. "
    "Simpan di tempat kering. Sertifikat halal ID3511000012345{p}.",
    "Tas anyaman pandan ukuran {c}0 x 25 x 12 cm, dianyam tangan di Tasikmalaya. Rawat dengan "
    "lap kering. Dikirim dengan bubble wrap dan kardus tambahan. NIB 9120001{p}23.",
    "Sambal bawang pedas {n} ml dalam botol kaca, tahan 3 bulan. Isi {c} botol per dus. "
    "Diproduksi oleh UD Sri Rejeki, Kediri.",
)
_DIGITS = re.compile(r"\d+")


def descriptions(n: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    return [rng.choice(TEMPLATES).format(n=rng.randint(50, 2000), c=rng.randint(2, 24),
                                         p=f"{rng.randint(0, 999):03d}") for _ in range(n)]


def baseline(text: str) -> object:
    return _DIGITS.findall(text.lower())


def packaging_readers(text: str) -> object:
    return (net_quantity(text), find_sizes(text), reg.find_pirt(text), reg.find_bpom(text),
            reg.states_halal(text), reg.find_nib(text))


def rate(fn: Callable[[str], object], texts: list[str]) -> float:
    """Texts per second for `fn` over `texts` (one warm-up call first)."""
    fn(texts[0])
    start = time.perf_counter()
    for text in texts:
        fn(text)
    return len(texts) / (time.perf_counter() - start)


def per_listing(fn: Callable[[Listing], object], listings: list[Listing],
                repeat: int) -> list[float]:
    """Process-time microseconds per listing for `fn`, one figure per pass over `listings`
    (one warm-up pass over the first 50 first)."""
    for listing in listings[:50]:
        fn(listing)
    passes = []
    for _ in range(repeat):
        start = time.process_time()
        for listing in listings:
            fn(listing)
        passes.append((time.process_time() - start) / len(listings) * 1e6)
    return passes


def measure_listings(n: int, repeat: int) -> None:
    """(c): the packaging measure on synthetic listings (a fresh `ListingTexts` each, so the
    normalisation is counted), against the baseline on their texts; best and spread of
    `repeat` passes, each measure and its baseline run back to back."""
    import synthetic  # benchmarks/synthetic.py, next to this script

    listings = partition.adapt(synthetic.frame(n))
    base, measured = [], []
    for _ in range(repeat):
        base += per_listing(lambda li: baseline(f"{li.title}\n{li.description}"), listings, 1)
        measured += per_listing(lambda li: packaging.measure(li, None), listings, 1)
    print(f"synthetic listings: {n:,}, {repeat} passes")
    print(f"baseline (lower + digit regex):  best {min(base):.1f} us/listing "
          f"(spread {min(base):.1f}-{max(base):.1f})")
    print(f"packaging.measure:               best {min(measured):.1f} us/listing "
          f"(spread {min(measured):.1f}-{max(measured):.1f})")
    print(f"ratio to baseline (best/best):   {min(measured) / min(base):.1f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--listings", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=5, help="passes over the listings")
    args = parser.parse_args(argv)
    texts = descriptions(args.n)
    base = rate(baseline, texts)
    readers = rate(packaging_readers, texts)
    print(f"descriptions: {args.n:,} (mean {sum(map(len, texts)) / len(texts):.0f} chars)")
    print(f"baseline (lower + digit regex): {base:,.0f} descriptions/s/core")
    print(f"quantities + registrations:     {readers:,.0f} descriptions/s/core")
    print(f"ratio to baseline:              {readers / base:.3f}")
    if args.listings:
        measure_listings(args.listings, args.repeat)


if __name__ == "__main__":
    main()

"""A seeded, varied synthetic UMKM catalog of any size, for the scale benchmarks (issue 9).

    python benchmarks/synthetic.py --n 1000000 --out /tmp/synth_1m.csv      # or .parquet
    python benchmarks/synthetic.py --n 1000 --out /tmp/s.csv --photos data/samples/photos

Replicating the 200 sample rows would make every title an exact duplicate and every
near-duplicate block huge, unlike any province catalog. So listings are composed: ~800
product types from the library's lexicons plus the sample product templates (label facts,
price ranges), sellers with a brand and a city, four title tiers (label-like to promo spam),
descriptions of 100-1,500 characters with label facts sometimes present, log-normal prices
around a per-type median in sellers' spellings, and 3% exact / 5% near duplicate titles.
Each block of BLOCK rows has its own Random(seed, block): writing streams in bounded memory
and `frame(n)` is the first n rows of any larger catalog. Nothing comes from realdata.
"""

from __future__ import annotations

import argparse
import functools
import math
import random
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
LEXICONS = ROOT / "listing_quality" / "text" / "lexicons"
BLOCK = 10_000
SELLERS = BLOCK // 15   # sellers per block, about 15 listings each
EXACT_SHARE, NEAR_SHARE = 0.03, 0.05
COLUMNS = ("id", "title", "description", "price", "original_price", "category", "brand",
           "weight_g", "stock", "photos", "seller_id")
MIX = {"kuliner": 0.55, "busana": 0.2, "kriya": 0.15, "umum": 0.1}
MEDIAN = {"kuliner": 25_000, "busana": 120_000, "kriya": 150_000, "umum": 60_000}
LABELS = {"kuliner": ("Makanan & Minuman", "Makanan Ringan", "Food and Drink"),
          "busana": ("Fashion Muslim", "Pakaian Wanita", "Women's Fashion"),
          "kriya": ("Kerajinan Tangan", "Dekorasi Rumah", "Party Supplies and Craft"),
          "umum": ("Rumah Tangga", "Perlengkapan Rumah", "Household")}
FIRST = ("Dapur", "Mbok", "Bu", "Pak", "Kedai", "Rumah", "Toko", "Griya", "Sanggar", "Omah",
         "Warung", "Mak", "Teh", "Kang")
NAME = ("Sri", "Yati", "Ijah", "Lilik", "Rara", "Ummi", "Sari", "Asih", "Endang", "Wati",
        "Harum", "Barokah", "Melati", "Kenanga", "Sejati", "Rasa", "Nusa", "Sekar", "Ayu",
        "Dewi", "Rahayu", "Lestari", "Mulia", "Amanah", "Berkah", "Cahaya")
LAST = ("", "", "", "Jaya", "Makmur", "Sejahtera", "Abadi", "88", "Asli", "Indah", "Mandiri")
SIZES = {"kuliner": "100/100 g;150/150 gr;200/200 g;250/250 gr;500/500 g;1000/1 kg;250/isi 10",
         "busana": "250/Ukuran M;300/Ukuran L;350/XL;300/All Size;400/2 m x 1,15 m",
         "kriya": "300/20 x 15 cm;600/30 x 25 cm;900/diameter 30 cm;150/10 cm;1200/40 x 40 cm",
         "umum": "200/1 pcs;500/isi 3;800/set 2 pcs;150/15 cm"}
OPENERS = ("{N} buatan rumahan dari {c}, dibuat setiap hari dalam jumlah kecil.",
           "Produk UMKM asli {c}. {N} kami dibuat oleh ibu-ibu pengrajin setempat.",
           "{N} pilihan dengan kualitas terjaga, cocok untuk oleh-oleh dan hadiah.",
           "Kami menjual {n} sejak 2015, langganan warung dan kantor di sekitar {c}.",
           "Hai kak! {N} ready ya, langsung dari tempat produksi kami di {c}.")
FILLERS = ("Pengiriman setiap hari kerja, pesanan sebelum jam 14.00 dikirim hari yang sama.",
           "Packing aman dengan bubble wrap dan kardus, dijamin sampai dengan selamat.",
           "Bisa untuk reseller dan dropship, harga grosir untuk pembelian banyak.",
           "Warna pada foto bisa sedikit berbeda karena pencahayaan.",
           "Stok selalu baru, diproduksi sesuai pesanan. Setiap {n} kami periksa sebelum dikemas.",
           "Terima kasih sudah berbelanja di toko kami, jangan lupa beri ulasan ya kak.",
           "Cocok untuk acara keluarga, arisan, pengajian dan hampers lebaran.",
           "Silakan tanyakan stok varian sebelum checkout. Komplain wajib dengan video unboxing.",
           "Pesanan di atas 10 pcs silakan chat dulu untuk harga khusus dan label nama acara.",
           "Toko buka Senin sampai Sabtu pukul 08.00-17.00, Minggu dan hari libur tutup.",
           "Produk kami sudah dipasarkan ke berbagai kota dan menjadi langganan pelanggan setia.",
           "Bahan dipilih langsung dari pemasok lokal di {c} supaya kualitas tetap sama.")
POOR = ("{U} MURAH!!!", "READY STOCK {U} COD GRATIS ONGKIR", "{n} bagus", "jual {n} murah",
        "{U} 🔥🔥 TERLARIS 🔥🔥", "✅ {U} ORIGINAL 100% ✅", "{n}", "PROMO {U} BEST SELLER")
PROMO = ("Promo", "Murah", "Terlaris", "Best Seller", "Ready Stock", "Original", "Termurah")
PLACEHOLDERS = ("0", "1", "99999999", "", "hubungi penjual")


@dataclass(frozen=True)
class Product:
    """What a listing can be: type name, variants, sizes (weight g, text, median price)."""

    category: str
    noun: str
    variants: tuple[str, ...]
    sizes: tuple[tuple[int, str, int], ...]
    facts: tuple[tuple[str, str], ...] = ()   # description facts: (label, text)
    pangan: str = "15"                         # P-IRT food type code


@dataclass(frozen=True)
class Seller:
    id: str
    brand: str
    city: str
    products: tuple[Product, ...]


def _lexicon(name: str) -> dict[str, list[str]]:
    """Lexicon lines by the first word of the comment header above them."""
    sections: dict[str, list[str]] = {"": []}
    head = ""
    for line in (LEXICONS / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") and line.strip("# "):
            head = line.strip("# ").split()[0].lower()
            sections.setdefault(head, [])
        elif line.strip() and not line.startswith("#"):
            sections[head].append(line.strip().title())
    return sections


def _lexicon_products() -> list[Product]:
    """One product per lexicon type; its variants and median price drawn from its name."""
    flavours = _lexicon("flavours")
    materials = [*chain.from_iterable(_lexicon("materials").values())]
    pools = {"kuliner": flavours["flavours"] + flavours["coffee,"], "umum": flavours["colours"],
             "busana": flavours["colours"] + flavours["motifs"],
             "kriya": flavours["motifs"] + materials}
    products = []
    for category in MIX:
        sizes = [(int(g), text) for g, text in (s.split("/") for s in SIZES[category].split(";"))]
        for noun in chain.from_iterable(_lexicon(f"product_types_{category}").values()):
            rng = random.Random(f"type:{noun}")
            median = MEDIAN[category] * math.exp(rng.gauss(0, 0.6))
            products.append(Product(category, noun, tuple(rng.sample(pools[category], 5)),
                                    tuple((g, text, int(median * (0.6 + g / 600)))
                                          for g, text in rng.sample(sizes, 3))))
    return products


def _template_products(st: ModuleType) -> list[Product]:
    """The sample catalog's product templates: real price ranges and label facts."""
    def netto(s: Any) -> str:
        one = f"{s.net / 1000:g} kg" if (s.net or 0) >= 1000 else f"{s.net} {s.unit}"
        return f"isi {s.count} pcs" if s.net is None else (
            f"{s.count} x {one}" if s.count > 1 else one)
    foods = [Product("kuliner", f.noun, f.variants, tuple(
        ((s.net or 25) * s.count, netto(s), (s.lo + s.hi) // 2) for s in f.sizes), (
        ("Komposisi", f.komposisi), ("Masa simpan", f.shelf), ("", f.story), ("", f.storage)),
        f.pangan) for f in st.FOODS]
    return foods + [Product(c.category, c.noun, c.variants, tuple(
        (s.weight, s.short, (s.lo + s.hi) // 2) for s in c.sizes), (
        ("Bahan", c.material), ("Teknik", c.technique), ("Perawatan", c.care), ("", c.story)))
        for c in st.CRAFTS]


@functools.lru_cache(maxsize=1)
def catalogue() -> tuple[dict[str, list[Product]], dict[str, tuple[str, str]]]:
    """Products by category (templates x8: the common UMKM goods) and city -> (province,
    BPS regency code), the code a P-IRT number embeds."""
    sys.path.insert(0, str(ROOT / "data" / "samples"))
    import samples_templates as st  # pure data: product facts of the sample catalog

    by_cat: dict[str, list[Product]] = {c: [] for c in MIX}
    for product in _lexicon_products() + _template_products(st) * 8:
        by_cat[product.category].append(product)
    return by_cat, {k: (v[1], v[2]) for k, v in st.CITIES.items()}


@functools.lru_cache(maxsize=4096)
def _seller(seed: int, k: int) -> Seller:
    """Seller k: a brand, a city and the 1-4 products it sells."""
    rng = random.Random(f"{seed}:seller:{k}")
    by_cat, cities = catalogue()
    category = rng.choices(list(MIX), list(MIX.values()))[0]
    brand = " ".join(filter(None, (rng.choice(FIRST), rng.choice(NAME), rng.choice(LAST))))
    products = tuple(rng.sample(by_cat[category], rng.randint(1, 4)))
    return Seller(f"S{k:06d}", brand, rng.choice(sorted(cities)), products)


def _title(rng: random.Random, tier: str, p: Product, variant: str, size: str,
           s: Seller) -> str:
    if tier == "poor":
        return rng.choice(POOR).format(n=p.noun.lower(), U=p.noun.upper())
    if tier == "weak":
        extra = rng.choice(("", "murah", size, *PROMO))
        return " ".join(filter(None, (p.noun, variant, extra))).lower()
    keep = 1.0 if tier == "excellent" else 0.5
    title = " ".join(filter(None, (
        p.noun, variant, s.brand if rng.random() < keep else "",
        size if rng.random() < keep + 0.2 else "",
        f"Khas {s.city}" if rng.random() < keep - 0.3 else "")))
    while len(title) > 70 and len(title.split()) > 3:
        title = title.rsplit(" ", 1)[0]
    return title.upper() if tier == "decent" and rng.random() < 0.15 else title


def _pirt(rng: random.Random, p: Product, code: str) -> str:
    """15 digits: packaging, food type, regency, product, producer, expiry year (8% broken)."""
    d = (rng.choice("2345") + p.pangan + code + f"{rng.randint(1, 9):02d}"
         + f"{rng.randint(1, 400):04d}" + str(rng.randint(26, 30)))
    d = d[:-1] if rng.random() < 0.08 else d
    return rng.choice((f"P-IRT No. {d[:13]}-{d[13:]}", f"PIRT {d}", f"No. P-IRT {d}",
                       f"SPP-IRT: {d[0]}.{d[1:3]}.{d[3:7]}.{d[7:9]}.{d[9:13]}-{d[13:]}"))


def _label_facts(rng: random.Random, p: Product, variant: str, size: str, s: Seller,
                 odds: float) -> list[str]:
    """Label facts a description sometimes carries: the product's own, netto, P-IRT, ..."""
    province, code = catalogue()[1][s.city]
    lines = [(f"{k}: {v}" if k else v).replace("{v}", variant.lower()).replace("{city}", s.city)
             for k, v in p.facts if rng.random() < odds]
    if p.category != "kuliner":
        return lines + ([f"Ukuran: {size}"] if rng.random() < odds else [])
    facts = (rng.choice(("Netto", "Berat bersih", "Isi bersih")) + f": {size}",
             _pirt(rng, p, code), f"Halal: ID{code[:2]}1{rng.randrange(10**13, 10**14)}",
             f"Exp {rng.randint(1, 12):02d}/{rng.choice((2027, 2028))}",
             f"Diproduksi oleh {s.brand}, {s.city}, {province}")
    return lines + [f"• {fact}" for fact in facts if rng.random() < odds]


def _description(rng: random.Random, tier: str, p: Product, variant: str, size: str,
                 s: Seller) -> str:
    """Opener, label facts (more often on better tiers), then shop talk up to a length drawn
    log-normal around 450 characters, cut to 100-1,500; poor listings are often bare."""
    if tier == "poor" and rng.random() < 0.4:
        return rng.choice(("", "-", f"{p.noun} murah, chat aja kak",
                           f"Info & grosir WA 08{rng.randrange(10**9, 10**10)}"))
    odds = {"excellent": 0.9, "decent": 0.6, "weak": 0.3, "poor": 0.1}[tier]
    target = min(1500, max(100, int(rng.lognormvariate(math.log(450), 0.6))))
    parts = [rng.choice(OPENERS).format(N=f"{p.noun} {variant}", n=p.noun.lower(), c=s.city)]
    parts += _label_facts(rng, p, variant, size, s, odds)
    for filler in rng.sample(FILLERS, len(FILLERS)):
        if len("\n".join(parts)) >= target:
            break
        parts.append(filler.format(n=p.noun.lower(), c=s.city))
    text = "\n".join(parts)
    return text if len(text) <= 1500 else text[:text.rfind(".", 0, 1500) + 1]


def _price(rng: random.Random, median: int) -> tuple[str, str]:
    """(price, original price) as typed: plain, Rp25.000, 25rb, ...; placeholders, outliers."""
    u = rng.random()
    if u < 0.02:
        return rng.choice(PLACEHOLDERS), ""
    value = median * rng.lognormvariate(0, 0.3) * (rng.choice((0.05, 20, 50)) if u < 0.03 else 1)
    step = 1000 if value >= 10_000 else 500
    n = max(step, round(value / step) * step)
    dots = f"{n:,}".replace(",", ".")
    styles = [str(n)] * 4 + [f"Rp{dots}", f"Rp {dots}", f"Rp {dots},-", f"{dots},00"]
    styles += [f"{n // 1000}rb", f"{n // 1000} ribu"] if n % 1000 == 0 and n < 10**6 else []
    was = str(round(n * rng.uniform(1.1, 1.6) / 1000) * 1000) if rng.random() < 0.2 else ""
    return rng.choice(styles), was


def _fresh(rng: random.Random, seed: int, block: int) -> dict[str, str]:
    s = _seller(seed, block * SELLERS + rng.randrange(SELLERS))
    p = rng.choice(s.products)
    variant, (grams, size, median) = rng.choice(p.variants), rng.choice(p.sizes)
    tier = rng.choices(("excellent", "decent", "weak", "poor"), (25, 35, 25, 15))[0]
    price, was = _price(rng, median)
    weight, u = grams + rng.randint(20, 80), rng.random()
    return {"title": _title(rng, tier, p, variant, size, s),
            "description": _description(rng, tier, p, variant, size, s),
            "price": price, "original_price": was,
            "category": p.category if u < 0.75 else rng.choice(LABELS[p.category]) if u < 0.95
            else "", "brand": s.brand if rng.random() < 0.7 else "",
            "weight_g": rng.choices((str(weight), f"{weight} gr", "", "0"), (87, 8, 4, 1))[0],
            "stock": rng.choices((str(rng.randint(1, 500)), "0", ""), (92, 5, 3))[0],
            "seller_id": s.id}


def _mutate(rng: random.Random, title: str) -> str:
    """A near-duplicate: a number changed, two words swapped, a word dropped or promo added."""
    words, kind = title.split(), rng.randrange(4)
    if kind == 0 and re.search(r"\d", title):
        return re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 3)), title, count=1)
    if kind == 1 and len(words) >= 3:
        k = rng.randrange(len(words) - 1)
        words[k], words[k + 1] = words[k + 1], words[k]
        return " ".join(words)
    if kind == 2 and len(words) >= 5:
        del words[rng.randrange(1, len(words))]
        return " ".join(words)
    promo = rng.choice(PROMO)
    return f"{title} {promo}" if rng.random() < 0.5 else f"{promo} {title}"


def _block(seed: int, block: int, rows: int, photos: Sequence[str], per: int) -> list[dict]:
    """Rows of one block; `_dup`/`_of` record the planted duplicates and their parent."""
    rng, pick = random.Random(f"{seed}:{block}"), random.Random(f"{seed}:{block}:photos")
    out: list[dict] = []
    fresh: list[dict] = []
    for k in range(rows):
        u = rng.random()
        if fresh and u < EXACT_SHARE + NEAR_SHARE:   # a seller relisting an earlier item
            parent = rng.choice(fresh[-2000:])
            row = dict(parent, _dup="exact" if u < EXACT_SHARE else "near", _of=parent["id"])
            row["title"] = row["title"] if u < EXACT_SHARE else _mutate(rng, parent["title"])
        else:
            row = dict(_fresh(rng, seed, block), _dup="", _of="")
            fresh.append(row)
        row["id"] = f"SYN-{block * BLOCK + k + 1:07d}"
        row["photos"] = "|".join(pick.sample(photos, min(per, len(photos)))) if photos else ""
        out.append(row)
    return out


def blocks(n: int, seed: int = 2026, photos: Sequence[str] = (), per: int = 3,
           truth: bool = False) -> Iterator[pd.DataFrame]:
    """The catalog as DataFrames of at most BLOCK rows, generated lazily (bounded memory)."""
    columns = list(COLUMNS) + (["_dup", "_of"] if truth else [])
    for block in range(math.ceil(n / BLOCK)):
        rows = _block(seed, block, min(BLOCK, n - block * BLOCK), photos, per)
        yield pd.DataFrame(rows, columns=columns)


def frame(n: int, seed: int = 2026, photos: Sequence[str] = (), per: int = 3,
          truth: bool = False) -> pd.DataFrame:
    """The first n rows; `truth` adds `_dup` ("exact"/"near"/"") and `_of` (parent id)."""
    return pd.concat(list(blocks(n, seed, photos, per, truth)), ignore_index=True)


def photo_names(folder: Path) -> list[str]:
    """Photo files under `folder`, relative to it (score with images_root=folder)."""
    return sorted(str(p.relative_to(folder)) for p in Path(folder).rglob("*")
                  if p.suffix.lower() in {".jpg", ".jpeg", ".png", ".webp"})


def write(n: int, path: str | Path, seed: int = 2026, photos: Sequence[str] = (),
          per: int = 3) -> int:
    """Write n rows to .csv or .parquet block by block (all cells text); returns n."""
    path, writer = Path(path), None
    if path.suffix.lower() != ".parquet":
        with path.open("w", encoding="utf-8", newline="") as out:
            for i, df in enumerate(blocks(n, seed, photos, per)):
                df.to_csv(out, header=i == 0, index=False)
        return n
    import pyarrow as pa
    import pyarrow.parquet as pq
    for df in blocks(n, seed, photos, per):
        table = pa.Table.from_pandas(df, preserve_index=False)
        writer = writer or pq.ParquetWriter(path, table.schema)
        writer.write_table(table)
    if writer:
        writer.close()
    return n


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--out", type=Path, required=True, help=".csv or .parquet")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--photos", type=Path, help="assign photos from this folder")
    parser.add_argument("--per-listing", type=int, default=3, help="photos per listing")
    args = parser.parse_args(argv)
    names = photo_names(args.photos) if args.photos else []
    write(args.n, args.out, args.seed, names, args.per_listing)
    print(f"{args.n:,} listings -> {args.out}" + (f" (images_root {args.photos})" * bool(names)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Listing text for the sample catalog: titles, descriptions, prices, weights, the way UMKM
sellers actually write them, from a careful label transcription to promo spam.

`Writer` turns a planned `Item` (make_samples.py decides product, tier and problems) into a
CSV row and the PhotoSpecs of its photos, and logs every deliberate defect it writes.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from samples_shapes import Look, PhotoSpec
from samples_templates import (
    BUSINESS,
    CITIES,
    COLOR_NAMES,
    MOTIF_PATTERN,
    STREETS,
    Craft,
    CraftSize,
    Food,
    Size,
)

TIERS = ("excellent", "decent", "weak", "poor")
TITLE_MAX = 70  # Tokopedia's product-name limit; excellent titles stay within it
PLACEHOLDER_PRICES = ("0", "1", "99999999", "", "hubungi penjual")
POOR_TITLES = ("{G} {adj} Murah!!!", "{GU} MANTAP JIWA PROMO", "{G} bagus",
               "READY STOCK {GU} COD GRATIS ONGKIR TERMURAH", "{G} 🔥🔥🔥 TERLARIS 🔥🔥🔥",
               "✅✅ {GU} ORIGINAL 100% ✅✅", "jual {g} murah", "{G} ★★★ BEST SELLER ★★★",
               "{GU} MURAH MERIAH!!!!! BURUAN ORDER SEBELUM KEHABISAN",
               "{G} Kualitas Premium Super Best Quality Termurah Se-Indonesia Ready Stock Siap "
               "Kirim Hari Ini Juga", "{g}", "PROMO {GU} 💯💯 COD")
POOR_DESCRIPTIONS = (
    "READY STOCK KAK!!! 😍😍 langsung order aja, COD bisa, GRATIS ONGKIR. Info & grosir "
    "{wa}",
    "{GU} {ADJ} BANGET POKOKNYA!!! 🔥🔥🔥 fast respon chat / {wa} / IG {handle}",
    "",
    "-",
    "Harga bisa nego, tanya stok dulu ya kak sebelum order 🙏 follow IG {handle}",
    "✅ ORIGINAL ✅ TERMURAH ✅ BERKUALITAS ✅ TERPERCAYA ✅ PENGIRIMAN CEPAT ✅",
    "Promo terbatas!!! Beli 2 gratis 1. Chat admin {wa}",
    "{G} {adj} murah, kualitas ok. Order sekarang juga!!!",
)
WHATSAPP = ("WA 0812-3456-7890", "wa.me/6281234567890", "WA/Telp 0856 1111 2222",
            "hubungi +62 813-0000-1234")
HANDLES = ("@{k}_official", "@toko.{k}.murah", "@{k}_kita")


@dataclass
class Item:
    """One planned listing, before its text is written."""

    id: str
    tier: str
    category: str
    tpl: Food | Craft
    variant: str
    size: Size | CraftSize
    brand: str
    city: str
    look: Look
    flags: set[str] = field(default_factory=set)
    special: str = ""
    photo_plan: list[tuple[str, tuple[int, int], str, tuple[str, ...], str]] = field(
        default_factory=list)


class Deck:
    """Deal values from a shuffled list, reshuffling when it runs out: every value shows up
    about equally often, which a plain rng.choice does not promise for 30 draws."""

    def __init__(self, rng: random.Random, values) -> None:
        self.rng, self.values, self.cards = rng, list(values), []

    def deal(self):
        if not self.cards:
            self.cards = self.values[:]
            self.rng.shuffle(self.cards)
        return self.cards.pop()


# ---------------------------------------------------------------------------------------------
# formatting helpers


def dots(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def price_text(n: int, rng: random.Random) -> str:
    """The same amount the way Indonesian sellers type it: Rp25.000, 25rb, Rp 1,5jt, ..."""
    styles = [f"Rp{dots(n)}", f"Rp {dots(n)}", dots(n), f"Rp {dots(n)},-", f"IDR {n}",
              f"{dots(n)},00"]
    if n % 1000 == 0 and n < 1_000_000:
        styles += [f"{n // 1000}rb", f"{n // 1000} ribu", f"{n // 1000}rb"]
    if n >= 1_000_000 and n % 10_000 == 0:
        jt = f"{n / 1_000_000:.2f}".rstrip("0").rstrip(".").replace(".", ",")
        styles += [f"Rp {jt}jt", f"{jt} juta", f"Rp {jt}jt"]
    return rng.choice(styles)


def qty(net: int, unit: str) -> str:
    if unit == "g" and net >= 1000:
        return f"{net / 1000:g} kg".replace(".", ",")
    return f"{net} {unit}"


def netto(size: Size) -> str:
    """Net quantity as printed: "250 g", "2 x 250 g", "isi 20 pcs @ 30 g", "isi 10 pcs"."""
    if size.net is None:
        return f"isi {size.count} pcs"
    if size.count > 1:
        if size.net < 100:
            return f"isi {size.count} pcs @ {qty(size.net, size.unit)}"
        return f"{size.count} x {qty(size.net, size.unit)}"
    return qty(size.net, size.unit)


def netto_casual(size: Size, rng: random.Random) -> str:
    """How a title or a chatty description writes it: 250gr, 250 Gram, 1kg, isi 10."""
    if size.net is None or size.count > 1:
        return netto(size).replace("isi", "Isi")
    if size.net >= 1000:
        return rng.choice((f"{size.net // 1000}kg", f"{size.net // 1000} Kg", qty(size.net, "g")))
    return rng.choice((f"{size.net}gr", f"{size.net} Gram", f"{size.net}g", f"{size.net} gr",
                       f"{size.net} g"))


def net_grams(item: Item) -> int | None:
    s = item.size
    if isinstance(s, Size) and s.net is not None:
        return s.net * s.count
    return None


def fit_title(parts: list[str], drop_order: list[int]) -> str:
    """Join title parts; drop the least useful ones until it fits TITLE_MAX."""
    keep = [p for p in parts if p]
    title = " ".join(keep)
    for i in drop_order:
        if len(title) <= TITLE_MAX:
            break
        if parts[i] in keep:
            keep.remove(parts[i])
        title = " ".join(keep)
    return title


def short_variant(v: str) -> str:
    return v.replace("Motif ", "").replace("Model ", "").split()[0]


# ---------------------------------------------------------------------------------------------
# facts a good food label carries


def pirt_digits(rng: random.Random, pangan: str, city: str) -> str:
    """15 digits: packaging type, food type, regency code, food serial, IRT serial, year."""
    return (rng.choice("2345") + pangan + CITIES[city][2] + f"{rng.randint(1, 9):02d}"
            + f"{rng.randint(1, 400):04d}" + rng.choice(("26", "27", "28", "29")))


def pirt_line(rng: random.Random, d: str) -> str:
    return rng.choice((f"P-IRT No. {d[:13]}-{d[13:]}", f"PIRT {d}",
                       f"SPP-IRT: {d[0]}.{d[1:3]}.{d[3:7]}.{d[7:9]}.{d[9:13]}-{d[13:]}",
                       f"No. P-IRT {d[:13]}-{d[13:]}"))


def halal_line(rng: random.Random, city: str) -> str:
    num = "ID" + CITIES[city][2][:2] + "1" + "".join(rng.choice("0123456789") for _ in range(14))
    return rng.choice((f"Bersertifikat Halal {num}", f"Sertifikat Halal BPJPH No. {num}",
                       f"Label Halal Indonesia ({num})", "Label Halal Indonesia",
                       f"Halal: {num}"))


def expiry_line(rng: random.Random, shelf: str) -> str:
    if "hari" in shelf:
        return f"Masa simpan: {shelf}"
    month, year = rng.randint(1, 12), rng.choice((2027, 2028))
    return rng.choice((f"Kedaluwarsa: {shelf} sejak tanggal produksi", f"Exp {month:02d}/{year}",
                       f"Baik digunakan sebelum: {month:02d}/{year}", f"Masa simpan {shelf}",
                       f"ED: {rng.randint(1, 28):02d}-{month:02d}-{year}"))


def address(rng: random.Random, brand: str, city: str) -> str:
    kota, prov, _ = CITIES[city]
    street = f"{rng.choice(STREETS)} No. {rng.randint(1, 120)}"
    return f"{rng.choice(BUSINESS)} {brand}, {street}, {kota}, {prov}"


# ---------------------------------------------------------------------------------------------
# writing the listing text


class Writer:
    """Turns a planned Item into a CSV row and its PhotoSpecs, logging deliberate defects."""

    def __init__(self, rng: random.Random, log: dict[str, list[str]]) -> None:
        self.rng, self.log = rng, log
        self.titles: set[str] = set()
        self.poor_titles = Deck(rng, POOR_TITLES)
        self.poor_desc = Deck(rng, POOR_DESCRIPTIONS)
        self.placeholder = Deck(rng, PLACEHOLDER_PRICES)

    # -- title ---------------------------------------------------------------------------------
    def title(self, it: Item) -> str:
        """A title no other listing has yet: the only duplicates are the deliberate ones."""
        for attempt in range(20):
            title = self.draft_title(it, attempt)
            if title.casefold() not in self.titles:
                break
        self.titles.add(title.casefold())
        return title

    def draft_title(self, it: Item, attempt: int = 0) -> str:
        """attempt > 0: another seller already has this title, so say it differently (origin
        phrase, brand) the way competing sellers do."""
        rng, t, f = self.rng, it.tpl, it.flags
        origin = ("Khas {}", "Asli {}", "Oleh-oleh {}", "{}")[attempt % 4].format(it.city)
        if "title_poor" in f:
            adj = "Enak" if it.category == "kuliner" else "Cantik"
            return self.poor_titles.deal().format(G=t.generic, GU=t.generic.upper(),
                                                  g=t.generic.lower(), adj=adj)
        if "title_weak" in f:
            v = short_variant(it.variant)
            if isinstance(t, Food):
                opts = (f"{t.noun} {v}", f"{t.noun} {v} Murah", f"{t.noun.lower()} "
                        f"{it.variant.lower()}", f"{t.noun} {netto_casual(it.size, rng)}",
                        f"{t.generic} {it.city}", f"{t.noun} Enak")
            else:
                opts = (t.noun, f"{t.generic} {v}", f"{t.noun.lower()} murah",
                        f"{t.generic} {it.city}", f"{t.noun} Handmade")
            return rng.choice(opts)
        if isinstance(t, Food):
            parts = [t.noun, it.variant, "" if "title_no_brand" in f else it.brand,
                     "" if "title_no_netto" in f else netto_casual(it.size, rng), origin]
            title = fit_title(parts, [4, 2])
            extra = "Asli Enak Murah Oleh Oleh Khas {c} Best Seller Ready Stock Kekinian Viral"
        else:
            material = "" if t.material_short.lower() in t.noun.lower() else t.material_short
            parts = [t.noun, it.variant, material,
                     "" if "title_no_size" in f else it.size.short, origin,
                     it.brand if attempt else ""]
            title = fit_title(parts, [2, 4])
            extra = "Asli Handmade Premium Murah Oleh Oleh Khas {c} Cocok Untuk Kado dan Seragam"
        if "title_overlong" in f:
            title = f"{title} {extra.format(c=it.city)}"
        return title

    # -- description ---------------------------------------------------------------------------
    def contact(self, it: Item) -> dict[str, str]:
        key = re.sub(r"[^a-z]", "", it.tpl.generic.lower())
        adj = "enak" if it.category == "kuliner" else "cantik"
        return {"wa": self.rng.choice(WHATSAPP), "handle": self.rng.choice(HANDLES).format(k=key),
                "G": it.tpl.generic, "GU": it.tpl.generic.upper(),
                "adj": adj, "ADJ": adj.upper()}

    def description(self, it: Item) -> tuple[str, list[str], bool]:
        """The text, the facts printed on the back label (for the photo) and halal or not."""
        t, f = it.tpl, it.flags
        if "desc_poor" in f:
            text = self.poor_desc.deal().format(**self.contact(it))
            if "WA" in text or "wa.me" in text or "+62" in text or "@" in text:
                self.log["contact_in_description"].append(it.id)
            return text, [], False
        if "desc_weak" in f:
            return self.weak_description(it), [], False
        if isinstance(t, Food):
            return self.food_description(it)
        return self.craft_description(it), [], False

    def weak_description(self, it: Item) -> str:
        rng, t = self.rng, it.tpl
        if isinstance(t, Food):
            isi = f"Isi {netto_casual(it.size, rng)}. " if rng.random() < 0.5 else ""
            return rng.choice((
                f"{t.noun} {it.variant.lower()} enak, gurih dan renyah. {isi}Cocok buat "
                "camilan keluarga.",
                f"Produk rumahan asli {it.city}. {isi}Tanpa pengawet, halal.",
                f'Dijamin ketagihan! {isi}Bisa untuk oleh-oleh, "pokoknya mantap".',
                f"{t.noun.lower()} {it.variant.lower()}. {isi}tahan lama"))
        size = f" Ukuran {it.size.text}." if rng.random() < 0.4 else ""
        return rng.choice((
            f"{t.noun} {it.variant} asli {it.city}. Bahan bagus, kualitas terjamin.{size}",
            f"Kerajinan tangan asli, cocok untuk oleh-oleh dan hiasan rumah.{size} Warna sesuai "
            "foto.",
            f"{t.noun} {it.variant}.{size}",
            f"Produk handmade pengrajin lokal.{size} Ready stock, langsung order ya kak."))

    def food_description(self, it: Item) -> tuple[str, list[str], bool]:
        rng, t, f = self.rng, it.tpl, it.flags
        assert isinstance(t, Food) and isinstance(it.size, Size)
        v = it.variant.lower()
        bullet = rng.choice(("", "", "- ", "• "))
        facts: list[str] = []
        n = netto(it.size)
        if it.size.net is None:
            facts.append(f"Isi: {it.size.count} pcs per kemasan")
        else:
            facts.append(rng.choice(("Netto {}", "Berat bersih {}", "Isi bersih: {}",
                                     "Net wt. {}", "Netto: {}")).format(n))
        if "no_komposisi" not in f:
            facts.append(rng.choice(("Komposisi: ", "Bahan: ")) + t.komposisi.format(v=v))
        if t.pirt and "no_pirt" not in f:
            if "bad_pirt" in f:
                d = pirt_digits(rng, t.pangan, it.city)
                facts.append(rng.choice((f"P-IRT No. {d[:12]}", "PIRT: sedang dalam proses")))
                self.log["pirt_invalid"].append(it.id)
            elif t.bpom and rng.random() < 0.35:
                facts.append("BPOM RI MD " + "".join(rng.choice("0123456789") for _ in range(12)))
            else:
                facts.append(pirt_line(rng, pirt_digits(rng, t.pangan, it.city)))
        halal = "no_halal" not in f
        if halal:
            facts.append(halal_line(rng, it.city))
        if "no_expiry" not in f:
            facts.append(expiry_line(rng, t.shelf))
        facts.append(rng.choice(("Penyimpanan: ", "Cara simpan: ")) + t.storage)
        if it.tier == "excellent" or rng.random() < 0.7:
            facts.append(rng.choice(("Diproduksi oleh: ", "Produsen: "))
                         + address(rng, it.brand, it.city))
        closing = rng.choice(("Cocok untuk oleh-oleh dan camilan keluarga.",
                              'Kata pelanggan kami: "sekali coba pasti pesan lagi".',
                              "Pesanan dikirim H+1 dengan bubble wrap.",
                              "Tersedia juga ukuran lain, cek etalase kami.", ""))
        body = "\n".join(bullet + x for x in facts)
        text = f"{t.story.format(v=it.variant, city=it.city)}\n\n{body}"
        return (f"{text}\n\n{closing}" if closing else text), facts, halal

    def craft_description(self, it: Item) -> str:
        rng, t, f = self.rng, it.tpl, it.flags
        assert isinstance(t, Craft) and isinstance(it.size, CraftSize)
        bullet = rng.choice(("", "- ", "• "))
        facts = []
        if "no_material" not in f:
            facts.append(f"Bahan: {t.material}")
        facts.append(f"Teknik: {t.technique}")
        if "no_size" not in f:
            facts.append(f"Ukuran: {it.size.text}")
        facts.append(f"Warna: {COLOR_NAMES[(it.look.main, it.look.accent, it.look.content)]}")
        if "no_care" not in f:
            facts.append(f"Perawatan: {t.care}")
        if it.tier == "excellent" or rng.random() < 0.6:
            facts.append(f"Dibuat oleh: {address(rng, it.brand, it.city)}")
        note = rng.choice(("Karena dibuat tangan, motif dan warna bisa sedikit berbeda dari foto; "
                           "itulah ciri produk handmade.",
                           "Foto diambil dengan cahaya alami, warna asli bisa sedikit berbeda.",
                           'Tersedia kotak kado; tulis "KADO" di catatan pesanan.',
                           ""))
        text = (f"{t.noun} {it.variant}. {t.story.format(city=it.city)}\n\n"
                + "\n".join(bullet + x for x in facts))
        return f"{text}\n\n{note}" if note else text

    # -- numbers -------------------------------------------------------------------------------
    def prices(self, it: Item) -> tuple[str, str]:
        rng, f = self.rng, it.flags
        lo, hi = it.size.lo, it.size.hi
        step = 500 if hi < 100_000 else 5000 if hi < 1_000_000 else 50_000
        p = round(rng.uniform(lo, hi) / step) * step
        if 10_000 < p < 1_000_000 and rng.random() < 0.2:
            p -= 100
        fmt = (lambda n: price_text(n, rng)) if "price_text" in f else str
        orig = ""
        if "orig_discount" in f:
            orig = fmt(-(-round(p / (1 - rng.uniform(0.1, 0.35))) // 1000) * 1000)
        elif "orig_big_discount" in f:
            orig = fmt(-(-round(p / (1 - rng.uniform(0.72, 0.9))) // 1000) * 1000)
        elif "orig_below" in f:
            orig = fmt(round(p * rng.uniform(0.5, 0.9) / 500) * 500)
        if orig and "price_placeholder" not in f:  # next to a placeholder it means nothing
            if "orig_big_discount" in f:
                self.log["discount_over_70pct"].append(it.id)
            elif "orig_below" in f:
                self.log["original_price_below_price"].append(it.id)
        if "price_placeholder" in f:
            self.log["placeholder_price"].append(it.id)
            return self.placeholder.deal(), orig
        return fmt(p), orig

    def weight(self, it: Item) -> str:
        rng, f, t = self.rng, it.flags, it.tpl
        if isinstance(t, Food):
            assert isinstance(it.size, Size)
            total = net_grams(it) or t.piece_g * it.size.count
            w = round((total * rng.uniform(1.04, 1.15) + t.tare) / 10) * 10
        else:
            w = round(it.size.weight * rng.uniform(0.9, 1.2) / 10) * 10
        if "weight_empty" in f:
            return ""
        if "weight_below_netto" in f:
            net = net_grams(it) or 0
            self.log["weight_below_netto"].append(it.id)
            return "1" if net >= 1000 else str(round(net * rng.uniform(0.3, 0.8) / 10) * 10)
        if "weight_text" in f:
            kg = f"{w / 1000:.1f}".replace(".", ",")
            return rng.choice((f"{w} gram", f"{w}gr", f"{kg} kg", f"± {w} g"))
        return str(w)

    def stock(self, it: Item) -> str:
        f = it.flags
        n = self.rng.choice((5, 8, 10, 12, 15, 20, 24, 25, 30, 40, 50, 75, 100, 150, 250))
        if "stock_empty" in f:
            return ""
        if "stock_zero" in f:
            return "0"
        return "9999" if "stock_9999" in f else str(n)

    def brand(self, it: Item) -> str:
        if "brand_empty" in it.flags:
            return self.rng.choice(("", "", "Tidak Ada Merek", "No Brand", "-"))
        return it.brand

    # -- photos --------------------------------------------------------------------------------
    def photos(self, it: Item, facts: list[str], halal: bool) -> list[PhotoSpec]:
        t = it.tpl
        pattern = t.pattern if isinstance(t, Craft) else ""
        for word, name in MOTIF_PATTERN.items():
            if word in it.variant and isinstance(t, Craft) and t.shape in ("cloth", "shirt"):
                pattern = name
        if isinstance(t, Food):
            assert isinstance(it.size, Size)
            product, net = f"{t.noun} {short_variant(it.variant)}", netto(it.size)
            keep = ("Netto", "Berat", "Isi", "Net", "P-IRT", "PIRT", "SPP", "No. P", "BPOM",
                    "Kedalu", "Exp", "Baik", "Masa", "ED", "Bersert", "Sertif", "Label", "Halal")
            lines = tuple(x for x in facts if x.startswith(keep))
        else:
            product, net, lines = t.noun, "", (it.size.text,)
        return [PhotoSpec(f"{it.id}-{k}.{ext}", t.shape, it.look, pattern, it.brand, product,
                          net, tuple(x[:60] for x in lines), halal, view, size, bg, defects)
                for k, (view, size, bg, defects, ext) in enumerate(it.photo_plan, start=1)]

    def row(self, it: Item) -> tuple[dict[str, str], list[PhotoSpec]]:
        title = self.title(it)
        description, facts, halal = self.description(it)
        price, orig = self.prices(it)
        specs = self.photos(it, facts, halal)
        row = {"id": it.id, "title": title, "description": description, "price": price,
               "original_price": orig, "category": it.category, "brand": self.brand(it),
               "weight_g": self.weight(it), "stock": self.stock(it),
               "photos": "|".join(s.filename for s in specs)}
        return row, specs

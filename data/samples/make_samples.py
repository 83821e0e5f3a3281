"""Generate the bundled sample catalog: 200 UMKM listings, their photos, a CSV and an XLSX.

    python data/samples/make_samples.py

The sample plays "a city curating 200 UMKM products for going digital": about 60% food
(kuliner) and 40% crafts and fashion (kriya, busana), from excellent listings (specific title,
net weight, P-IRT, halal, expiry, 3-5 clean photos) down to poor ones (vague ALL-CAPS titles,
promo spam, a WhatsApp number, a placeholder price, dark or missing photos). Deliberate data
defects (broken photo references, truncated files, duplicate titles, shared photos, weight below
the net weight, strike-through price below the price, ...) are listed in the generated README so
tests can point at them by id.

This script plans: which product, tier and problems each listing gets, and the catalog-level
defects. The rest is in helper modules next to it:
    samples_templates.py  product facts (data)
    samples_text.py       titles, descriptions, prices as sellers write them
    samples_shapes.py     products and motifs drawn with Pillow
    samples_photos.py     backdrops, views and photo defects
    samples_output.py     photos/, catalog.csv, catalog_tokopedia.xlsx, README.md

Everything comes from random.Random(2026), consumed in a fixed order, so catalog.csv is
byte-identical on every run; each photo gets its own generator seeded with its file name.
"""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

from samples_output import write_csv, write_photos, write_readme, write_xlsx
from samples_shapes import Look, PhotoSpec
from samples_templates import CRAFTS, FOODS, Food
from samples_text import TIERS, Deck, Item, Writer, net_grams

HERE = Path(__file__).resolve().parent
SEED = 2026
# listings per tier, per category: 25% excellent, 35% decent, 25% weak, 15% poor
SPLIT = {"kuliner": (30, 42, 30, 18), "kriya": (11, 15, 11, 7), "busana": (9, 13, 9, 5)}
# Problems a "decent" listing gets one or two of (dealt from a shuffled deck, for coverage).
DECENT_FOOD = ("title_no_netto", "title_no_brand", "title_overlong", "no_halal", "no_expiry",
               "bad_pirt", "no_pirt", "no_komposisi", "price_text", "orig_big_discount",
               "weight_below_netto", "weight_text", "stock_zero", "photo_small",
               "photo_offsquare", "photo_cluttered", "photo_one")
DECENT_CRAFT = ("title_no_size", "title_overlong", "no_care", "no_size", "no_material",
                "price_text", "orig_big_discount", "weight_text", "stock_zero", "photo_small",
                "photo_offsquare", "photo_cluttered", "photo_one")
# What goes wrong with the photo of a weak listing, and with each photo of a poor one.
WEAK_PHOTO = ("dark", "blurred", "cluttered", "offsquare", "tiny", "overexposed")
POOR_PHOTO = (("promo",), ("collage",), ("tiny", "blurred"), ("dark", "cluttered"),
              ("overexposed", "offsquare"), ("blurred", "cluttered"), ("tiny",),
              ("promo", "cluttered"))


# ---------------------------------------------------------------------------------------------
# planning: who gets which product, tier and problems


def plan(rng: random.Random) -> list[Item]:
    cells = [(cat, tier) for cat, counts in SPLIT.items()
             for tier, n in zip(TIERS, counts, strict=True) for _ in range(n)]
    rng.shuffle(cells)
    decks = {"kuliner": Deck(rng, FOODS),
             "kriya": Deck(rng, [c for c in CRAFTS if c.category == "kriya"]),
             "busana": Deck(rng, [c for c in CRAFTS if c.category == "busana"])}
    problems = {"kuliner": Deck(rng, DECENT_FOOD), "craft": Deck(rng, DECENT_CRAFT)}
    weak_photo, poor_photo = Deck(rng, WEAK_PHOTO), Deck(rng, POOR_PHOTO)
    items = []
    for i, (cat, tier) in enumerate(cells, start=1):
        tpl = decks[cat].deal()
        variant = rng.choice(tpl.variants)
        if isinstance(tpl, Food):
            city = tpl.origin.get(variant) or rng.choice(tpl.cities)
            main, accent = rng.choice(tpl.packs)
            look = Look(main, accent, food_colour(tpl, variant))
        else:
            city = rng.choice(tpl.cities)
            look = Look(*rng.choice(tpl.looks))
        item = Item(f"UMKM-{i:03d}", tier, cat, tpl, variant, rng.choice(tpl.sizes),
                    rng.choice(tpl.brands), city, look)
        deal_flags(item, rng, problems["kuliner" if cat == "kuliner" else "craft"])
        plan_photos(item, rng, weak_photo, poor_photo)
        items.append(item)
    return items


def food_colour(tpl: Food, variant: str) -> tuple[int, int, int]:
    for word, col in (("Coklat", (110, 60, 35)), ("Putri Salju", (246, 243, 236)),
                      ("Keju", (240, 200, 80)), ("Hitam", (60, 40, 40)),
                      ("Ubi Ungu", (120, 60, 120)), ("Rosella", (150, 30, 50))):
        if word in variant:
            return col
    return tpl.content


def deal_flags(item: Item, rng: random.Random, deck: Deck) -> None:
    f = item.flags
    if item.tier == "excellent":
        if rng.random() < 0.25:
            f.add("orig_discount")
        if rng.random() < 0.15:
            f.add("price_text")
    elif item.tier == "decent":
        for _ in range(rng.choice((1, 1, 2))):
            f.add(deck.deal())
    elif item.tier == "weak":
        f.update({"title_weak", "desc_weak"})
        for flag, p in (("price_text", 0.65), ("orig_below", 0.12), ("weight_text", 0.15),
                        ("weight_empty", 0.1), ("stock_empty", 0.15), ("brand_empty", 0.4),
                        ("orig_discount", 0.15)):
            if rng.random() < p:
                f.add(flag)
    else:
        f.update({"title_poor", "desc_poor"})
        f.add("price_placeholder" if rng.random() < 0.55 else "price_text")
        roll = rng.random()
        f.add("orig_big_discount" if roll < 0.25 else "orig_below" if roll < 0.4 else "")
        roll = rng.random()
        f.add("weight_empty" if roll < 0.35 else "weight_text" if roll < 0.55 else "")
        roll = rng.random()
        f.add("stock_empty" if roll < 0.3 else "stock_zero" if roll < 0.45 else
              "stock_9999" if roll < 0.55 else "")
        if rng.random() < 0.7:
            f.add("brand_empty")
    f.discard("")
    if "orig_below" in f or "orig_big_discount" in f:
        f.discard("orig_discount")
    if not isinstance(item.tpl, Food) or net_grams(item) is None:
        f.discard("weight_below_netto")


VIEWS_FOOD = ("hero", "label", "props", "lineup", "hero")
VIEWS_CRAFT = ("hero", "detail", "scale", "props", "lineup")


def plan_photos(item: Item, rng: random.Random, weak_deck: Deck, poor_deck: Deck) -> None:
    """(view, size, background, defects, extension) for each photo of the listing."""
    views = VIEWS_FOOD if item.category == "kuliner" else VIEWS_CRAFT
    f, plan_ = item.flags, item.photo_plan
    if item.tier in ("excellent", "decent"):
        n = rng.choice((3, 3, 3, 3, 4, 5) if item.tier == "excellent" else (2, 2, 2, 2, 3))
        if "photo_one" in f:
            n = 1
        for k in range(n):
            side = rng.choice((800, 800, 800, 900, 1000)) if k == 0 else 720 if n <= 3 else 640
            if views[k] == "label":  # a close-up of the back label needs no more
                side = 640
            bg = ("white", "white", "table", "grey", "grey")[k]
            ext = "png" if views[k] in ("label", "detail") and rng.random() < 0.1 else "jpg"
            plan_.append((views[k], (side, side), bg, (), ext))
        if "photo_small" in f:
            view, _, bg, d, _ = plan_[-1]
            plan_[-1] = (view, (480, 480), bg, d, "jpg")
        if "photo_offsquare" in f:
            plan_[0] = ("hero", (1200, 675), "grey", (), "jpg")
        if "photo_cluttered" in f:
            plan_[0] = ("hero", plan_[0][1], "cluttered", (), "jpg")
    elif item.tier == "weak":
        defect = weak_deck.deal()
        size = {"tiny": rng.choice(((320, 240), (240, 240))), "offsquare": (1200, 500)}.get(
            defect, (640, 640))
        bg = "cluttered" if defect == "cluttered" else rng.choice(("white", "grey", "table"))
        plan_.append(("hero", size, bg, (defect,) if defect in (
            "dark", "blurred", "tiny", "overexposed") else (), "jpg"))
        if rng.random() < 0.35:
            plan_.append((views[1], (700, 700), "grey", (), "jpg"))
    else:
        for _ in range(rng.choice((0, 1, 1, 1, 2, 2))):
            recipe = poor_deck.deal()
            view = "collage" if "collage" in recipe else "hero"
            size = (1200, 500) if "offsquare" in recipe else (
                rng.choice(((240, 240), (320, 240))) if "tiny" in recipe else (720, 720))
            bg = "cluttered" if "cluttered" in recipe else "white"
            defects = tuple(d for d in recipe if d in ("dark", "blurred", "tiny", "overexposed",
                                                       "promo"))
            plan_.append((view, size, bg, defects, "jpg"))


# ---------------------------------------------------------------------------------------------
# deliberate catalog-level defects, chosen before the text is written


def pick(rng: random.Random, items: list[Item], tiers: tuple[str, ...], n: int,
         need_photos: int = 0, cat: str = "") -> list[Item]:
    cand = [it for it in items if it.tier in tiers and not it.special
            and len(it.photo_plan) >= need_photos and (not cat or it.category == cat)]
    return sorted(rng.sample(cand, n), key=lambda it: it.id)


def copy_product(src: Item, dst: Item) -> None:
    dst.tpl, dst.variant, dst.size, dst.brand = src.tpl, src.variant, src.size, src.brand
    dst.city, dst.look, dst.category = src.city, src.look, src.category


def pick_specials(rng: random.Random, items: list[Item], log: dict[str, list[str]]) -> None:
    """Same seller listing one product twice, a photo reused for another flavour, photo
    references that point nowhere, and files that are empty or cut short. Sources and targets
    are never reused, so each listing carries at most one of these."""
    for tier, cat, kind in (("decent", "kuliner", "exact"), ("weak", "kuliner", "near"),
                            ("decent", "kriya", "near"), ("poor", "kuliner", "title")):
        src, dst = pick(rng, items, (tier,), 2, 1, cat)
        copy_product(src, dst)
        if kind == "exact":
            dst.flags = set(src.flags)
        src.special, dst.special = "source-of-dup", f"dup-{kind}:{src.id}"
        log[f"duplicate_{kind}"].append(f"{src.id}+{dst.id}")
    for tier in ("decent", "weak"):
        by_tpl: dict[str, list[Item]] = defaultdict(list)
        for it in items:
            if it.tier == tier and not it.special and it.photo_plan:
                by_tpl[it.tpl.key].append(it)
        group = next(g for k, g in sorted(by_tpl.items()) if len(g) >= 2)
        src, dst = group[0], group[1]
        if dst.variant == src.variant:  # another flavour/motif, so the titles differ
            dst.variant = next(v for v in src.tpl.variants if v != src.variant)
        if isinstance(src.tpl, Food):
            dst.city = src.tpl.origin.get(dst.variant, dst.city)
        dst.brand, dst.look = src.brand, src.look
        src.special, dst.special = "source-of-shared", f"shared:{src.id}"
        log["shared_photo"].append(f"{src.id}+{dst.id}")
    kinds = ("missing_next", "phone_name", "wrong_ext", "missing_next", "space_name")
    for it, kind in zip(pick(rng, items, ("decent", "weak", "poor"), 5, 1), kinds, strict=True):
        it.special = f"broken:{kind}"
        log["broken_photo_ref"].append(it.id)
    (zero,) = pick(rng, items, ("weak",), 1, 1)
    zero.special = "zero-byte"
    (cut,) = pick(rng, items, ("decent",), 1, 2)
    cut.special = "truncated"


def apply_specials(items: list[Item], rows: dict[str, dict[str, str]],
                   specs: dict[str, list[PhotoSpec]], log: dict[str, list[str]]) -> dict[str, int]:
    """Rewrite rows for duplicates, shared photos and broken references; return the files to
    cut short after drawing ({file name: bytes to keep})."""
    damage: dict[str, int] = {}
    for it in items:
        row, kind, _, src_id = rows[it.id], *it.special.partition(":")
        names = row["photos"].split("|") if row["photos"] else []
        if kind.startswith("dup-"):
            src = rows[src_id]
            if kind == "dup-exact":
                for col in ("title", "description", "price", "original_price", "brand",
                            "weight_g"):
                    row[col] = src[col]
            elif kind == "dup-near":
                row["description"] = src["description"]
                row["title"] = (f"{src['title']} - Ready Stock" if it.category == "kuliner"
                                else src["title"].lower())
            else:
                row["title"] = src["title"]
            if kind != "dup-title":
                names, specs[it.id] = src["photos"].split("|"), []
        elif kind == "shared":
            names[0], specs[it.id] = rows[src_id]["photos"].split("|")[0], specs[it.id][1:]
        elif kind == "broken":
            if src_id == "missing_next" and len(names) < 5:
                names.append(f"{it.id}-{len(names) + 1}.jpg")
            elif src_id == "wrong_ext":
                names[0] = names[0].rsplit(".", 1)[0] + ".jpeg"
            else:
                names[-1] = {"phone_name": "IMG_20240512_103344.jpg",
                             "space_name": "foto produk baru.jpg"}.get(src_id, names[-1])
                specs[it.id] = [s for s in specs[it.id] if s.filename in names]
            log["broken_photo_ref_files"].append(
                next(n for n in names if not any(s.filename == n for s in specs[it.id])))
        elif kind == "zero-byte":
            damage[names[0]] = 0
            log["zero_byte_photo"].append(names[0])
        elif kind == "truncated":
            name = [n for n in names if n.endswith(".jpg")][-1]
            damage[name] = 200
            log["truncated_photo"].append(name)
        row["photos"] = "|".join(names)
    return damage


def main() -> None:
    rng = random.Random(SEED)
    log: dict[str, list[str]] = defaultdict(list)
    items = plan(rng)
    pick_specials(rng, items, log)
    writer = Writer(rng, log)
    rows: dict[str, dict[str, str]] = {}
    specs: dict[str, list[PhotoSpec]] = {}
    for it in items:
        rows[it.id], specs[it.id] = writer.row(it)
    damage = apply_specials(items, rows, specs, log)
    all_specs = [s for it in items for s in specs[it.id]]
    table = [rows[it.id] for it in items]
    write_photos(HERE / "photos", all_specs, damage)
    write_csv(HERE / "catalog.csv", table)
    write_xlsx(HERE / "catalog_tokopedia.xlsx", table)
    write_readme(HERE / "README.md", items, table, all_specs, log)
    print(f"{len(table)} listings, {len(all_specs)} photos -> {HERE}")


if __name__ == "__main__":
    main()

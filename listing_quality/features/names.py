"""Every feature a rubric may name, with what it means.

Rubric validation checks `feature:` and `when:` against this table, so a typo in a rubric
fails at load time; `listing-quality rules --features` prints it for curators.
"""

from __future__ import annotations

FEATURES: dict[str, str] = {
    # data: problems with the row itself
    "data.row_error": "why the input row could not be read completely, or None",
    "data.truncated": "fields cut at the maximum text length",
    "data.weight_invalid": "the weight_g value when it is not a number of grams",
    "data.stock_invalid": "the stock value when it is not a whole number",
    "data.measure_error": "a measurement that failed on this row (a bug to report), or None",
    # title
    "title.text": "the title, normalised (NFKC, single spaces)",
    "title.clean": "the title without promo words and symbol runs (what describes the product)",
    "title.missing": "True when the title is empty",
    "title.chars": "title length in characters",
    "title.words": "title length in words",
    "title.upper_ratio": "share of letters-only words of 4+ letters written in CAPITALS",
    "title.promo_words": "promo and spam words found in the title (lexicon promo.txt)",
    "title.symbol_runs": "runs of 2+ repeated symbols or emoji in the title",
    "title.quantity": "the first net quantity written in the title, or None",
    "title.slots": "slot -> text found in the title (more slots come with the title issue)",
    "description.words": "description length in words",
    # photos (lists hold one value per photo, in the seller's order)
    "photos.count": "number of photos listed",
    "photos.readable_count": "number of photos that could be opened",
    "photos.readable": "per photo: True when it could be opened",
    "photos.errors": "per photo: why it could not be opened, or None",
    "photos.refused": "per photo: why its path was refused (outside images_root, URL), or None",
    "photos.width": "per photo: width in pixels, from the file header",
    "photos.height": "per photo: height in pixels, from the file header",
    "photos.short_side": "per photo: the shorter side in pixels",
    "photos.aspect": "per photo: width / height",
    "photos.bytes": "per photo: file size in bytes",
    # packaging (label facts read from title + description)
    "packaging.net_g": "total net mass for the pack in grams, or None",
    "packaging.net_ml": "total net volume for the pack in ml, or None",
    "packaging.pack_count": "pieces in the pack (isi 10, 2 x 250 g -> 2), or None",
    "packaging.net_text": "the text the net quantity was read from",
    "packaging.net_stated": "True when a net mass, volume or count is stated",
    "packaging.sizes": "sizes stated (2 m x 1,15 m, 30 x 25 cm)",
    "packaging.amount_stated": "True when a net quantity or a size is stated",
    "packaging.pirt": "P-IRT number as digits, or None",
    "packaging.bpom": "BPOM registration (MD/ML + 12 digits), or None",
    "packaging.registration": "True when a P-IRT or BPOM number is stated",
    "packaging.halal": "True when halal certification is stated",
    "packaging.expiry": "True when an expiry date or shelf life is stated",
    "packaging.shipping_ratio": "shipping weight_g / net grams (below 1 is impossible)",
    # price
    "price.raw": "the price as the seller wrote it",
    "price.value": "the price in IDR, or None",
    "price.missing": "True when no price was given",
    "price.unparseable": "why a given price could not be read as rupiah, or None",
    "price.placeholder": "the price as text when it looks like a placeholder (Rp0, Rp1, 99999999)",
    "price.original": "the strike-through (original) price in IDR, or None",
    "price.discount": "discount in percent, 100 * (1 - price / original_price), or None",
    "price.per_100g": "price per 100 g (or per 100 ml) of net quantity, or None",
    # catalog: computed once per catalog (features/catalog.py)
    "catalog.title_duplicates": "ids of other listings with the same title (case, spaces ignored)",
    # model
    "model.probability": "the classifier's P(a curator accepts this listing), or None",
}

FEATURE_NAMES = frozenset(FEATURES)

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
    "title.slots": "slot -> text found in the title: jenis, merek, varian, berat, ukuran, bahan, "
                   "teknik, asal (features/title_slots.py)",
    "title.type": "the product type (jenis) named in the title, or None",
    "title.brand": "the brand (merek) named in the title, or None",
    "title.variant": "the variant (rasa, level, warna, motif, model) in the title, or None",
    "title.material": "the material (bahan) or technique (teknik) in the title, or None",
    "title.size": "the size (ukuran) or else the net quantity in the title, or None",
    "title.origin": "the region of origin in the title (khas Kediri), or None",
    "title.repeated_words": "words written more than once, exactly or almost (rapidfuzz)",
    "title.separators": "list separators (| ; , and spaced / -) in the title",
    "title.type_count": "how many different product types the title names",
    "title.claims": "unsupported claims in the title (100% ori, no. 1, terbaik)",
    "title.contacts": "phone numbers, links, @handles and other platforms in the title",
    "description.words": "description length in words",
    # photos. "per photo" features are lists of records {"file": name, "value": v}, one per
    # photo in the seller's order (the `photo` rule kind names the file in its findings);
    # quality metrics come from one reduced decode (features/photo_metrics.py)
    "photos.count": "number of photos listed",
    "photos.readable_count": "number of photos that could be opened",
    "photos.readable": "per photo (plain list): True when it could be opened",
    "photos.files": "per photo (plain list): the file name, without folders",
    "photos.errors": "per photo: why it could not be opened, or None",
    "photos.refused": "per photo: why its path was refused (outside images_root, URL), or None",
    "photos.width": "per photo: width in pixels, from the file header (EXIF orientation applied)",
    "photos.height": "per photo: height in pixels, from the file header (EXIF orientation applied)",
    "photos.short_side": "per photo: the shorter side in pixels",
    "photos.aspect": "per photo: width / height",
    "photos.bytes": "per photo: file size in bytes",
    "photos.sharpness": "per photo: Laplacian/gradient at the strongest edges (blur < ~0.8)",
    "photos.brightness": "per photo: mean luma 0-255",
    "photos.highlights": "per photo: share of pixels blown to white (None on white backgrounds)",
    "photos.shadows": "per photo: share of pixels clipped to black",
    "photos.contrast": "per photo: RMS contrast (standard deviation of luma, 0-255)",
    "photos.colour_cast": "per photo: channel spread of a plain light background, or None",
    "photos.background_white": "per photo: share of the border ring that is white",
    "photos.background_light": "per photo: share of the border ring that is plain and light",
    "photos.text_overlay": "per photo: share of columns crossed by text strokes (densest band)",
    "photos.panels": "per photo: collage panels counted from straight gutters (1 = one photo)",
    "photos.signature": "per photo: perceptual dHash + mean colour, 'hex:rrggbb'",
    "photos.duplicate_of": "per photo: the earlier photo of this listing it repeats, or None",
    "photos.main_background_light": "main photo only: share of the border plain and light",
    "photos.main_fill": "main photo only: product bounding box / frame (longer side), or None",
    "photos.main_clutter": "main photo only: edge share in the outer ring of a busy background",
    "catalog.photo_reuse": "per photo: ids of other listings showing the same photo "
                           "(features/catalog_photos.py), or None",
    # packaging (label facts read from title + description + label_text)
    "packaging.net_g": "total net mass for the pack in grams, or None",
    "packaging.net_ml": "total net volume for the pack in ml, or None",
    "packaging.pack_count": "pieces in the pack (isi 10, 2 x 250 g -> 2), or None",
    "packaging.net_text": "the text the net quantity was read from",
    "packaging.net_stated": "True when a net mass, volume or count is stated",
    "packaging.sizes": "sizes stated (2 m x 1,15 m, 30 x 25 cm)",
    "packaging.amount_stated": "True when a net quantity or a size is stated",
    "packaging.pirt": "P-IRT number as digits (valid structure, PerBPOM 22/2018), or None",
    "packaging.pirt_problem": "why a stated P-IRT number is malformed, or None",
    "packaging.pirt_expiry_year": "year the P-IRT certificate ends (digits 14-15), or None",
    "packaging.pirt_years_left": "P-IRT expiry year minus this year (negative: expired)",
    "packaging.bpom": "BPOM registration (MD/ML + 12 or 15 digits), or None",
    "packaging.registration": "True when a P-IRT (even malformed) or BPOM number is stated",
    "packaging.halal_id": "halal certificate number (BPJPH ID..., or MUI...), or None",
    "packaging.halal": "True when halal certification is stated",
    "packaging.nib": "NIB (Nomor Induk Berusaha, 13 digits), or None",
    "packaging.expiry": "True when an expiry date or shelf life is stated",
    "packaging.composition": "True when the composition (komposisi/bahan) is stated",
    "packaging.storage": "True when storage instructions are stated",
    "packaging.producer": "True when the producer's name and place are stated",
    "packaging.pack_types": "pack types named (standing pouch, toples, botol, ...)",
    "packaging.protection": "shipping protection named (bubble wrap, packing kayu, ...)",
    "packaging.gift": "gift-ready packaging named (gift box, kotak hadiah, ...)",
    "packaging.protected": "True when shipping protection or gift packaging is named",
    "packaging.materials": "materials named (pandan, rotan, katun, ...)",
    "packaging.care": "True when care instructions are stated",
    "packaging.garment": "True when the title names a garment (baju, kemeja, gamis, ...)",
    "packaging.size_chart": "True when a size chart or body measurements are stated",
    "packaging.net_conflict": "two sources stating different net quantities, or None",
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
    "price.high": "the high end of a price range (variant exports), else the price",
    "price.is_range": "True when the price was written as a range (Rp10.000 - Rp25.000)",
    "price.per_piece": "price per piece of a counted pack (isi 10, 5 bungkus), or None",
    "price.charm": "the charm ending of the price ('900' of Rp19.900), or None (information)",
    "price.round": "True when the price is a round number (a multiple of Rp100.000)",
    "price.type": "product-type key for peer groups when title.slots has no 'jenis'",
    "price.category": "the category, case-folded, that groups price peers",
    "price.brand": "the brand, case-folded, that matches a multipack with its single pack",
    "catalog.price_peers": "price vs listings of the same category and type: robust z, "
                           "peer median, 80% range, n (features/catalog_prices.py)",
    "catalog.unit_price_peers": "the same comparison for the price per 100 g (or ml)",
    "catalog.multipack_ratio": "a multipack's unit price / the median unit price of its "
                               "single packs (same category, type, brand), or None",
    # catalog: computed once per catalog (features/catalog.py)
    "catalog.title_duplicates": "ids of other listings with the same title (case, spaces ignored)",
    "catalog.title_near_duplicates": "ids of other listings with an almost identical title "
                                     "(features/catalog_titles.py)",
    # model
    "model.probability": "the classifier's P(a curator accepts this listing), or None",
}

FEATURE_NAMES = frozenset(FEATURES)

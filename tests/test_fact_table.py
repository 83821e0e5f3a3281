"""Facts as columns (`FactTable`) read and judge exactly as one dict per listing does.

A streamed run's pass 2 reads its spilled facts as columns and judges them without a
dict per listing; every reader must see the values the dicts held, a missing fact as
None, and every score must be the same.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import listing_quality as lq
from listing_quality import features, spill
from listing_quality.fact_columns import FactTable, fact_columns
from listing_quality.features.catalog import CatalogContext, apply_keys, catalog_keys
from listing_quality.judge_frame import judge_frame
from listing_quality.partition import adapt, measure_all

ROOT = Path(__file__).resolve().parent.parent
PHOTOS = str(ROOT / "data" / "samples" / "photos")
NAMES = ["a", "b", "c", "d"]
VALUES = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.text(max_size=3),
                   st.lists(st.integers(0, 3), max_size=2))
ROWS = st.lists(st.fixed_dictionaries({name: VALUES for name in NAMES}), max_size=12)


def _table(rows: list[dict]) -> FactTable:
    return FactTable.from_rows(NAMES, [[row[name] for name in NAMES] for row in rows])


@settings(max_examples=200, deadline=None)
@given(ROWS, st.data())
def test_a_table_reads_like_its_rows(rows: list[dict], data: st.DataObject) -> None:
    table = _table(rows)
    asked = data.draw(st.lists(st.sampled_from([*NAMES, "absent"]), max_size=5))
    assert fact_columns(table, asked) == fact_columns(rows, asked)
    assert list(table) == rows and len(table) == len(rows)
    picked = data.draw(st.lists(st.integers(0, max(len(rows) - 1, 0)), max_size=len(rows)))
    picked = sorted(set(picked)) if rows else []
    taken = table.take(picked)
    assert fact_columns(taken, asked) == fact_columns([rows[i] for i in picked], asked)
    assert list(taken) == [rows[i] for i in picked]


def test_a_taken_table_keeps_its_own_columns_apart() -> None:
    table = _table([{"a": 1, "b": 2, "c": 3, "d": 4}, {"a": 5, "b": 6, "c": 7, "d": 8}])
    assert table.take([0, 1]) is table  # every listing, in order: nothing to copy
    one = table.take([1])
    one.set("model.probability", [0.5])
    assert one[0] == {"a": 5, "b": 6, "c": 7, "d": 8, "model.probability": 0.5}
    assert table.get("model.probability") is None and "model.probability" not in table[1]
    assert one.column("absent") == [None] and table.get("absent", "x") == "x"
    with pytest.raises(ValueError, match="'a': 1 values for 2 listings"):
        table.set("a", [1])


def test_spilled_rows_read_as_a_table_equal_the_rows(tmp_path: Path) -> None:
    rows = [(str(i), "kuliner", f"Keripik {i}", {"x": i, "y": [i], "z": None})
            for i in range(3)]
    rows.insert(1, ("odd", "", "", {"y": ["own"], "measure": "failed"}))  # its own facts
    path = str(tmp_path / "r.json.gz")
    spill.write(path, rows)
    ids, categories, titles, table = spill.read_table(path)
    assert ids == ["0", "odd", "1", "2"] and categories[1] == "" and titles[3] == "Keripik 2"
    plain = [facts for *_, facts in spill.read(path)]
    names = ["x", "y", "z", "measure"]
    assert fact_columns(table, names) == fact_columns(plain, names)  # missing: None
    empty = str(tmp_path / "e.json.gz")
    spill.write(empty, [])
    assert spill.read_table(empty)[3].n == 0


@pytest.fixture(scope="module")
def measured(catalog: pd.DataFrame) -> tuple[list, list[dict]]:
    options = lq.Options(images_root=PHOTOS)
    listings = adapt(catalog)
    return listings, measure_all(listings, options)


def _as_table(facts: list[dict]) -> FactTable:
    names = list(dict.fromkeys(name for row in facts for name in row))
    return FactTable.from_rows(names, [[row.get(name) for name in names] for row in facts])


def _judged(listings: list, facts: list[dict] | FactTable, model: object = None) -> pd.DataFrame:
    keys = catalog_keys(list(facts), [li.id for li in listings])
    context = CatalogContext.from_keys(keys)
    context.apply(facts, apply_keys(facts, range(len(listings))))
    return judge_frame(listings, facts, lq.Options(images_root=PHOTOS), model)


def test_judging_a_table_equals_judging_dicts(measured: tuple[list, list[dict]]) -> None:
    listings, facts = measured
    rows = [dict(row) for row in facts]
    table = _as_table(facts)
    expected = _judged(listings, rows)
    pd.testing.assert_frame_equal(_judged(listings, table), expected)
    assert len({id(r) for r in lq.Options().rubrics_for(listings)}) > 1  # groups take rows
    assert table.column("model.probability") == [row["model.probability"] for row in rows]
    assert table.column("catalog.price_peers") == [row["catalog.price_peers"] for row in rows]


def test_a_custom_model_sees_each_listing_as_a_dict(measured: tuple[list, list[dict]]) -> None:
    listings, facts = measured
    seen: list[type] = []

    def model(row: dict) -> float:
        seen.append(type(row))
        return 0.1 if row.get("title.text") else 0.9

    expected = _judged(listings, [dict(row) for row in facts], model)
    pd.testing.assert_frame_equal(_judged(listings, _as_table(facts), model), expected)
    assert set(seen) == {dict}


def test_a_failed_measure_streams_like_one_pass(catalog: pd.DataFrame, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A listing whose measure failed spills its own, fewer facts; read back as columns
    they are None, which judges as the missing facts of the dict did."""
    real = dict(features.MEASURES)["price"]

    def flaky(listing, context, texts):  # type: ignore[no-untyped-def]
        if listing.id.endswith("3"):
            raise ValueError("price column unreadable")
        return real(listing, context, texts)

    monkeypatch.setattr(features, "MEASURES", tuple(
        (name, flaky if name == "price" else m) for name, m in features.MEASURES))
    whole = lq.score_frame(catalog, images_root=PHOTOS)
    path = tmp_path / "catalog.csv"
    catalog.to_csv(path, index=False)
    streamed = pd.concat(lq.stream.score_chunks(str(path), lq.Options(images_root=PHOTOS),
                                                 chunk_size=50))
    assert whole["id"].str.endswith("3").sum() > 5
    pd.testing.assert_frame_equal(streamed.reset_index(drop=True),
                                  whole.reset_index(drop=True))

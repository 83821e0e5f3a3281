"""Spilled facts read back exactly as plain JSON lines would give them."""

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from listing_quality import spill

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.sampled_from([0.0, -0.0, 1.5]),
                    st.text(max_size=3), st.just(math.nan))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=2), inner, max_size=3)),
    max_leaves=6)
KEYS = st.sampled_from(["title.text", "title.promo_words", "photos.count", "photos.width",
                        "packaging.pirt", "price.value", "catalog.x", "data.measure_error"])
FACTS = st.dictionaries(KEYS, VALUES, max_size=8)


def _plain_json(facts: dict) -> dict:
    return json.loads(json.dumps(facts, default=spill.plain))


def _same(a: object, b: object) -> bool:
    """Equal, with NaN equal to NaN and JSON's text compared (so False is not 0)."""
    return json.dumps(a) == json.dumps(b)


@settings(max_examples=300, deadline=None)
@given(st.lists(FACTS, max_size=12))
def test_rows_come_back_as_plain_json_gives_them(tmp_path_factory: object, rows: list) -> None:
    path = str(Path(tmp_path_factory.mktemp("spill")) / "rows.json.gz")  # type: ignore[attr-defined]
    spill.write(path, [(f"id{i}", "kuliner", "Keripik", facts) for i, facts in enumerate(rows)])
    back = list(spill.read(path))
    assert [r[0] for r in back] == [f"id{i}" for i in range(len(rows))]
    for (_, category, title, facts), original in zip(back, rows, strict=True):
        expected = _plain_json(original)
        assert (category, title) == ("kuliner", "Keripik")
        assert list(facts) == list(expected)  # same keys, same order
        assert _same(facts, expected)
    ids, categories, titles, table = spill.read_table(path)
    assert ids == [r[0] for r in back] and len(table) == len(rows)
    assert categories == ["kuliner"] * len(rows) and titles == ["Keripik"] * len(rows)
    plain = [_plain_json(facts) for facts in rows]
    for name in dict.fromkeys(name for facts in rows for name in facts):
        assert _same(table.column(name), [facts.get(name) for facts in plain])  # missing: None


def test_left_out_lists_are_fresh_per_row(tmp_path: Path) -> None:
    rows = [(str(i), "", "", {"a": [], "b": {}, "c": None, "d": ""}) for i in range(3)]
    path = str(tmp_path / "r.json.gz")
    spill.write(path, rows)
    back = [facts for *_, facts in spill.read(path)]
    back[0]["a"].append("x")
    back[0]["b"]["k"] = 1
    assert back[1] == {"a": [], "b": {}, "c": None, "d": ""} == back[2]


def test_names_are_written_once_and_values_by_fact(tmp_path: Path) -> None:
    rows = [(str(i), "kuliner", "Keripik", {"photos.width": [], "flag": False, "n": 0,
                                            "score": np.float64(1.5)}) for i in range(3)]
    rows.append(("odd", "", "", {"n": False, "flag": 0, "extra": [640]}))
    path = str(tmp_path / "r.json.gz")
    spill.write(path, rows)
    back = {item: facts for item, _, _, facts in spill.read(path)}
    assert back["0"] == {"photos.width": [], "flag": False, "n": 0, "score": 1.5}
    odd = back["odd"]
    assert list(odd) == ["n", "flag", "extra"] and odd == {"n": False, "flag": 0, "extra": [640]}
    assert type(odd["flag"]) is int and type(odd["n"]) is bool  # 0 is not False
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    assert json.loads(lines[0]) == ["photos.width", "flag", "n", "score", "extra"]
    assert json.loads(lines[1]) == ["0", "1", "2", "odd"]
    assert json.loads(lines[2]) == ["kuliner"] * 3 + [""]
    assert json.loads(lines[4]) == [4, {"3": ["n", "flag", "extra"]}]  # its own names, order
    assert json.loads(lines[6]) == [False, False, False, 0]  # one line per fact
    assert json.loads(lines[9]) == [None, None, None, [640]]
    assert len(lines) == 10


def test_an_empty_slice_writes_and_reads_nothing(tmp_path: Path) -> None:
    path = str(tmp_path / "r.json.gz")
    spill.write(path, [])
    assert list(spill.read(path)) == []


def test_tables_come_back_column_by_column(tmp_path: Path) -> None:
    import pandas as pd

    table = pd.DataFrame({"type": ["keripik", "madu"], "n": [3, 1],
                          "low": [1.5, float("nan")], "has_g": [True, False]})
    path = str(tmp_path / "groups.json")
    spill.write_tables(path, {"t": table, "empty": table.iloc[:0]})
    back = spill.read_tables(path)
    assert back["t"]["type"].tolist() == ["keripik", "madu"]
    assert back["t"]["n"].tolist() == [3, 1] and back["t"]["has_g"].tolist() == [True, False]
    assert back["t"]["low"].iloc[0] == 1.5 and math.isnan(back["t"]["low"].iloc[1])
    assert back["empty"].empty and list(back["empty"].columns) == list(table.columns)

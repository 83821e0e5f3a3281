"""`listing-quality score`: a streamed score table, a summary, check's exit codes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import listing_quality as lq
from listing_quality.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"


def test_scores_match_score_frame_and_bar_sets_the_exit_code(tmp_path: Path, capsys) -> None:
    out = tmp_path / "scores.csv"
    args = ["score", str(SAMPLES / "catalog.csv"), "--images", str(SAMPLES / "photos"),
            "-o", str(out), "--chunk-size", "70"]
    assert main([*args, "--fail-under", "60"]) == 1
    summary = capsys.readouterr().err
    assert "scored 200 listings" in summary and "below 60:" in summary
    assert main([*args, "--fail-under", "0"]) == 0
    written = pd.read_csv(out, dtype={"id": str})
    frame = pd.read_csv(SAMPLES / "catalog.csv", dtype=str, keep_default_na=False)
    expected = lq.score_frame(frame, images_root=SAMPLES / "photos")
    assert list(written["id"]) == list(expected["id"])
    assert written["overall"].round(2).tolist() == expected["overall"].round(2).tolist()
    assert written["codes"].tolist() == expected["codes"].tolist()


def test_parquet_output_keeps_the_schema(tmp_path: Path) -> None:
    out = tmp_path / "scores.parquet"
    assert main(["score", str(SAMPLES / "catalog.csv"), "-o", str(out)]) == 0
    back = pd.read_parquet(out)
    assert len(back) == 200 and back["overall"].dtype == "float64"


def test_formula_in_a_title_is_escaped_in_the_csv(tmp_path: Path, capsys) -> None:
    catalog = tmp_path / "c.csv"
    catalog.write_text('id,title,price\n=HYPERLINK("x"),=1+1 keripik,Rp10.000\n',
                       encoding="utf-8")
    assert main(["score", str(catalog)]) == 0
    printed = capsys.readouterr().out
    assert "'=HYPERLINK" in printed and "\n=HYPERLINK" not in printed


@pytest.mark.parametrize("argv", [["score", "missing.csv"],
                                  ["score", str(SAMPLES / "catalog.csv"), "--rubric", "nope"]])
def test_bad_input_exits_2_with_one_clear_line(argv: list[str], capsys) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("listing-quality: error:")

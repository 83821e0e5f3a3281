"""End-to-end CLI: real files in, reports and exit codes out (ruff's contract: 0 / 1 / 2)."""

from __future__ import annotations

import csv
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import make_photo

from listing_quality.cli import main

HEADER = ["id", "title", "description", "price", "category", "weight_g", "photos"]
DESC = ("Keripik singkong balado dari Kediri. Netto 250 g. P-IRT No. 2063578010123-26. "
        "Halal. Kedaluwarsa 6 bulan. Simpan di tempat kering dan sejuk setelah kemasan "
        "dibuka agar keripik tetap renyah sampai habis dinikmati bersama keluarga di rumah.")


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    photos = tmp_path / "foto"
    photos.mkdir()
    for name in ("a.jpg", "b.jpg", "c.jpg"):
        make_photo(photos, name, {"size": [1000, 1000]})
    rows = [
        ["K-1", "Keripik Singkong Balado Pedas Mbok Sri 250 g", DESC, "Rp18.000", "kuliner",
         "300", "a.jpg|b.jpg|c.jpg"],
        ["K-2", "KERIPIK MURAH PROMO!!!", "enak", "", "kuliner", "", ""],
        ["=cmd|' /C calc'!A0", "Keripik Pisang", "manis", "nego", "kuliner", "abc", "../x.jpg"],
    ]
    path = tmp_path / "katalog.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def run(*args: str) -> tuple[int, str]:
    from contextlib import redirect_stdout
    from io import StringIO

    buffer = StringIO()
    with redirect_stdout(buffer):
        code = main(list(args))
    return code, buffer.getvalue()


def test_text_report_names_file_row_and_column(catalog: Path) -> None:
    code, out = run("check", str(catalog), "--images", str(catalog.parent / "foto"))
    assert code == 1  # K-2 has no price and no photo: perlu-perbaikan
    assert f"{catalog}:3:4: H101 [K-2]" in out          # price is column 4, K-2 is row 3
    assert f"{catalog}:4:7: D007 [" in out               # the refused ../x.jpg photo
    assert "saran:" in out and "Ringkasan" in out


def test_json_is_one_object_per_row_in_order(catalog: Path) -> None:
    _, out = run("check", str(catalog), "--images", str(catalog.parent / "foto"),
                 "--format", "json", "--lang", "en")
    data = json.loads(out)
    ids = [r["id"] for r in data["results"]]
    assert ids == ["K-1", "K-2", "=cmd|' /C calc'!A0"]
    for result in data["results"]:
        points = sum(f["points"] for f in result["findings"])
        assert math.isclose(points, 100 - result["overall"], abs_tol=0.02)


def test_csv_escapes_formula_injection(catalog: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    run("check", str(catalog), "--images", str(catalog.parent / "foto"), "--format", "csv",
        "--output", str(target))
    rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
    assert [r["id"] for r in rows][:2] == ["K-1", "K-2"]
    assert rows[2]["id"].startswith("'=")


def test_fail_under_compares_the_displayed_score(catalog: Path) -> None:
    code, _ = run("check", str(catalog), "--fail-under", "0", "--format", "json")
    assert code == 0
    code, _ = run("check", str(catalog), "--fail-under", "100", "--format", "json")
    assert code == 1
    code, _ = run("check", str(catalog), "--fail-under", "100", "--exit-zero")
    assert code == 0


def test_select_and_ignore(catalog: Path) -> None:
    _, out = run("check", str(catalog), "--select", "H", "--format", "json")
    codes = {f["code"] for r in json.loads(out)["results"] for f in r["findings"]}
    assert codes and all(c.startswith("H") for c in codes)
    _, out = run("check", str(catalog), "--ignore", "T,P,K", "--format", "json")
    codes = {f["code"] for r in json.loads(out)["results"] for f in r["findings"]}
    assert not any(c[0] in "TPK" for c in codes)


@pytest.mark.parametrize("args", [
    ("check", "no-such-file.csv"),
    ("check", "{catalog}", "--rubric", "no-such-rubric"),
    ("check", "{catalog}", "--marketplace", "bukalapak"),
    ("check", "{catalog}", "--images", "/no/such/folder"),
    ("explain", "X999"),
])
def test_usage_and_input_errors_exit_2(args: tuple[str, ...], catalog: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(*(a.format(catalog=catalog) for a in args))
    assert code == 2
    assert "error" in capsys.readouterr().err


def test_missing_title_column_is_a_clear_error(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("sku,harga\n1,2000\n", encoding="utf-8")
    assert run("check", str(path))[0] == 2
    err = capsys.readouterr().err
    assert "bad.csv" in err and "sku" in err and "harga" in err


def test_rules_and_explain() -> None:
    code, out = run("rules")
    assert code == 0 and "T102" in out and "K101" in out and "K201" in out
    code, out = run("explain", "t102", "--lang", "en")
    assert code == 0 and "title-too-short" in out and "Why is this bad?" in out
    code, out = run("rules", "--rubric", "kuliner", "--marketplace", "shopee",
                    "--format", "json")
    rules = {r["code"]: r for r in json.loads(out)}
    assert rules["T103"]["params"]["max"] == 120


def test_console_script_runs_as_a_module(catalog: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "listing_quality.cli", "check", str(catalog),
                           "--format", "json"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and json.loads(proc.stdout)["results"]


def test_explain_leads_each_listing_with_its_fixes(catalog: Path) -> None:
    _, out = run("check", str(catalog), "--images", str(catalog.parent / "foto"), "--explain")
    blocks = [b for b in out.split("\n\n") if b.startswith(("K-1", "K-2"))]
    assert len(blocks) == 2
    for block in blocks:
        lead = block.splitlines()[1]
        assert lead.startswith("  => ") and ("Perbaiki" in lead or "Tidak ada" in lead)
    _, plain = run("check", str(catalog), "--images", str(catalog.parent / "foto"))
    assert "  => " not in plain


def test_how_the_file_was_read_is_said_on_stderr(catalog: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    run("check", str(catalog), "--format", "json")
    err = capsys.readouterr().err
    assert "listing-quality: note:" in err and "';'" in err  # the sniffed separator

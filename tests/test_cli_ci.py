"""The CLI as CI uses it: every format end to end, --fail-on, --statistics, stdin,
[tool.listing-quality] defaults, the GitHub step summary and the HTML report folder."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from conftest import make_photo

from listing_quality.cli import main
from listing_quality.report import FORMATS

GOLDEN = Path(__file__).parent / "golden"
PHOTOS = {"a.jpg": [1000, 1000], "b.jpg": [900, 900], "c.jpg": [1200, 800],
          "d.jpg": [1000, 1000], "kecil.jpg": [200, 150]}


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The golden catalog and its photos in a fresh folder, which is also the cwd."""
    shutil.copy(GOLDEN / "katalog.csv", tmp_path / "katalog.csv")
    for name, size in PHOTOS.items():
        make_photo(tmp_path, name, {"size": size})
    make_photo(tmp_path.parent, "x.jpg", {"size": [800, 800]})  # outside: must stay unread
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        code = main(list(args))
    return code, buffer.getvalue()


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_runs_end_to_end(fmt: str, workdir: Path) -> None:
    code, out = run("check", "katalog.csv", "--format", fmt, "--isolated")
    assert code == 1  # K-002 has no price and no photo
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(out)
    elif fmt == "jsonl":
        assert len([json.loads(line) for line in out.splitlines()]) == 4
    elif fmt == "junit":
        ET.fromstring(out.encode("utf-8"))
    elif fmt == "csv":
        assert len(list(csv.reader(io.StringIO(out, newline="")))) == 5
    elif fmt == "github":
        assert out.startswith("::")
    elif fmt == "html":
        assert out.count('<article class="card"') == 4
    else:
        assert "katalog.csv:3:4: H101 [K-002]" in out


def test_fail_on(workdir: Path) -> None:
    assert run("check", "katalog.csv", "--fail-under", "0", "--isolated")[0] == 0
    assert run("check", "katalog.csv", "--fail-under", "0", "--fail-on", "error",
               "--isolated")[0] == 1
    assert run("check", "katalog.csv", "--fail-under", "0", "--fail-on", "warning",
               "--select", "T", "--isolated")[0] == 1
    assert run("check", "katalog.csv", "--fail-under", "0", "--fail-on", "error",
               "--select", "T105", "--isolated")[0] == 0  # T105 is only a warning
    assert run("check", "katalog.csv", "--fail-on", "error", "--exit-zero",
               "--isolated")[0] == 0


def test_statistics(workdir: Path) -> None:
    code, out = run("check", "katalog.csv", "--statistics", "--isolated")
    lines = out.splitlines()
    assert code == 1 and lines and all(len(line.split()) >= 4 for line in lines)
    _, data = run("check", "katalog.csv", "--statistics", "--format", "json", "--isolated")
    table = json.loads(data)
    _, report = run("check", "katalog.csv", "--format", "json", "--isolated")
    total = sum(len(r["findings"]) for r in json.loads(report)["results"])
    assert sum(row["count"] for row in table) == total


def test_stdin_is_read_as_csv(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = (workdir / "katalog.csv").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code, out = run("check", "-", "--stdin-filename", "kiriman.csv", "--format", "json",
                    "--isolated")
    doc = json.loads(out)
    assert code == 1 and [r["id"] for r in doc["results"]][:2] == ["K-001", "K-002"]
    assert doc["results"][0]["source"]["file"] == "kiriman.csv"
    assert doc["results"][0]["features"]["photos.readable_count"] == 3  # cwd = images


def write_config(folder: Path, body: str) -> None:
    (folder / "pyproject.toml").write_text(f"[tool.listing-quality]\n{body}", encoding="utf-8")


def test_pyproject_defaults_and_flags_win(workdir: Path) -> None:
    write_config(workdir, 'format = "json"\nfail-under = 0\nlang = "en"\nselect = ["H"]\n')
    code, out = run("check", "katalog.csv")
    doc = json.loads(out)
    codes = {f["code"] for r in doc["results"] for f in r["findings"]}
    assert code == 0 and codes and all(c.startswith("H") for c in codes)
    code, _ = run("check", "katalog.csv", "--fail-under", "100")
    assert code == 1  # the flag beats the file
    code, out = run("check", "katalog.csv", "--isolated")
    assert code == 1 and "Ringkasan" in out  # config ignored: text, Indonesian


def test_config_is_found_upward_and_paths_are_relative_to_it(workdir: Path,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    write_config(workdir, 'format = "csv"\noutput = "out/hasil.csv"\n')
    (workdir / "out").mkdir()
    sub = workdir / "sub"
    sub.mkdir()
    monkeypatch.chdir(sub)
    run("check", "../katalog.csv", "--images", str(workdir))
    assert (workdir / "out" / "hasil.csv").read_text(encoding="utf-8").startswith("id,")


@pytest.mark.parametrize(("body", "needle"), [
    ('fail-under = "tinggi"\n', "fail-under"),
    ("colour = true\n", "colour"),
    ('fail-on = "fatal"\n', "fail-on"),
    ("this is not toml", "TOML"),
])
def test_bad_config_is_exit_2_naming_file_and_key(body: str, needle: str, workdir: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    if body.startswith("this"):
        (workdir / "pyproject.toml").write_text(body, encoding="utf-8")
    else:
        write_config(workdir, body)
    assert run("check", "katalog.csv")[0] == 2
    err = capsys.readouterr().err
    assert "pyproject.toml" in err and needle in err


def test_unknown_format_is_exit_2(workdir: Path) -> None:
    assert run("check", "katalog.csv", "--format", "xml", "--isolated")[0] == 2


def test_github_step_summary(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = workdir / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out = run("check", "katalog.csv", "--format", "github", "--isolated")
    text = summary.read_text(encoding="utf-8")
    assert code == 1 and text.startswith("earlier step\n### listing-quality: 4 listing")
    assert "| K-002 | katalog.csv:3 | 18.8 |" in text or "| K-002 |" in text
    assert out.count("\n::") + 1 >= 10


def test_html_report_folder_with_confined_thumbnails(workdir: Path) -> None:
    code, _ = run("check", "katalog.csv", "--format", "html", "--output", "laporan/",
                  "--isolated")
    page = (workdir / "laporan" / "index.html").read_text(encoding="utf-8")
    assert code == 1 and page.count('<article class="card"') == 4
    assert page.count('src="data:image/jpeg;base64,') == 5  # a, b, c, kecil, d; never ../x
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<script>alert" not in page
    assert "http://" not in page and "https://" not in page  # offline: no CDN, no link out
    assert "Dapur Mbok Sri" in page and "Perbaiki" in page


def test_xlsx_output_escapes_formulas(workdir: Path) -> None:
    from openpyxl import load_workbook

    assert run("check", "katalog.csv", "--format", "xlsx", "--isolated")[0] == 2  # no --output
    code, _ = run("check", "katalog.csv", "--format", "xlsx", "--output", "hasil.xlsx",
                  "--isolated")
    book = load_workbook(workdir / "hasil.xlsx")
    listings = list(book["listings"].iter_rows(values_only=True))
    assert code == 1 and len(listings) == 5 and listings[0][0] == "id"
    assert listings[4][0] == "'=cmd|' /C calc'!A0"  # text, never a formula
    assert all(cell.data_type != "f" for row in book["listings"].iter_rows() for cell in row)
    findings = list(book["findings"].iter_rows(values_only=True))
    _, report = run("check", "katalog.csv", "--format", "json", "--isolated")
    total = sum(len(r["findings"]) for r in json.loads(report)["results"])
    assert len(findings) == total + 1 and isinstance(findings[1][5], float)

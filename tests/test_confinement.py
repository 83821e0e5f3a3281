"""Confinement: a photo path in a catalog can never make the library read outside
`images_root`, and a URL is never fetched without network permission.

Each case is refused with a D007 finding on that photo, and a Python audit hook records
every file the process opens and every socket it connects while scoring, so the test
proves the file outside the folder was not *opened* — not only that no finding used it.
(tests/rules/D007.yml holds the rubric-level cases; these add symlinks, nesting, URLs of
every scheme and the HTML report's thumbnails.)
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

import listing_quality as lq
from listing_quality.cli import main
from listing_quality.report.thumbs import thumbnail

_RECORD: list[tuple[str, Any]] | None = None


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if _RECORD is not None and event in ("open", "socket.connect", "urllib.Request"):
        _RECORD.append((event, args[0]))


sys.addaudithook(_hook)  # hooks cannot be removed; it records only inside `watched()`


@contextmanager
def watched() -> Iterator[list[tuple[str, Any]]]:
    """Every file opened and every connection attempted inside the block."""
    global _RECORD
    _RECORD = seen = []
    try:
        yield seen
    finally:
        _RECORD = None


@pytest.fixture
def place(tmp_path: Path) -> dict[str, Path]:
    """images/ (the root) with one photo, and a secret photo beside it, outside the root."""
    root, outside = tmp_path / "images", tmp_path / "private"
    root.mkdir()
    outside.mkdir()
    for path in (root / "inside.jpg", outside / "secret.jpg"):
        Image.new("RGB", (400, 400), (200, 120, 40)).save(path)
    return {"root": root, "outside": outside, "secret": outside / "secret.jpg"}


def _opened_outside(seen: list[tuple[str, Any]], place: dict[str, Path]) -> list[str]:
    files = [os.fspath(a) for e, a in seen if e == "open" and isinstance(a, (str, Path))]
    return [f for f in files if os.path.realpath(f).startswith(str(place["outside"]))]


def _refused(ref: str, place: dict[str, Path], network: bool = False) -> lq.Result:
    """Score one photo `ref`; assert D007 names it and nothing outside was opened."""
    with watched() as seen:
        result = lq.score({"id": "c", "title": "Keripik", "price": 1000, "photos": [ref]},
                          images_root=place["root"], allow_network=network)
    assert "D007" in result.codes, result.codes
    finding = next(f for f in result.findings if f.code == "D007")
    assert finding.field == "photos[1]" and finding.message("en")
    assert result.features["photos.readable"] == [False]
    assert _opened_outside(seen, place) == []
    assert not [a for e, a in seen if e != "open"], "a connection was attempted"
    return result


def test_inside_photo_is_read_and_the_hook_sees_it(place: dict[str, Path]) -> None:
    """The control: the audit hook does see Pillow open a photo, so an empty list below
    means 'not opened', not 'not watched'."""
    with watched() as seen:
        result = lq.score({"id": "ok", "title": "x", "photos": ["inside.jpg"]},
                          images_root=place["root"])
    assert result.features["photos.readable"] == [True]
    opened = [os.path.realpath(os.fspath(a)) for e, a in seen if e == "open"
              and isinstance(a, (str, Path))]
    assert str((place["root"] / "inside.jpg").resolve()) in opened


@pytest.mark.parametrize("ref", ["../private/secret.jpg", "sub/../../private/secret.jpg",
                                 "./../private/secret.jpg", "inside.jpg/../../private/secret.jpg"])
def test_dot_dot_is_refused(ref: str, place: dict[str, Path]) -> None:
    result = _refused(ref, place)
    assert "'..'" in result.features["photos.refused"][0]["value"]


def test_absolute_path_outside_is_refused(place: dict[str, Path]) -> None:
    _refused(str(place["secret"]), place)


def test_absolute_path_even_inside_is_refused(place: dict[str, Path]) -> None:
    """Photos are named relative to the folder; an absolute one is refused wherever it
    points, so a catalog cannot probe the disk by trying paths."""
    _refused(str(place["root"] / "inside.jpg"), place)


def test_symlink_to_a_file_outside_is_refused(place: dict[str, Path]) -> None:
    (place["root"] / "link.jpg").symlink_to(place["secret"])
    result = _refused("link.jpg", place)
    assert "outside" in result.features["photos.refused"][0]["value"]


def test_symlinked_folder_leading_outside_is_refused(place: dict[str, Path]) -> None:
    (place["root"] / "shared").symlink_to(place["outside"], target_is_directory=True)
    _refused("shared/secret.jpg", place)


def test_symlink_chain_ending_outside_is_refused(place: dict[str, Path]) -> None:
    (place["root"] / "b.jpg").symlink_to(place["secret"])
    (place["root"] / "a.jpg").symlink_to(place["root"] / "b.jpg")
    _refused("a.jpg", place)


def test_symlink_staying_inside_is_read(place: dict[str, Path]) -> None:
    (place["root"] / "alias.jpg").symlink_to(place["root"] / "inside.jpg")
    result = lq.score({"id": "ok", "title": "x", "photos": ["alias.jpg"]},
                      images_root=place["root"])
    assert result.features["photos.readable"] == [True]


@pytest.mark.parametrize("url", [
    "http://example.com/a.jpg", "https://example.com/a.jpg", "HTTPS://EXAMPLE.COM/A.JPG",
    "ftp://example.com/a.jpg", "file:///etc/passwd", "data:image/png;base64,iVBORw0KGgo=",
    "  https://example.com/space.jpg"])
def test_urls_are_not_fetched_without_network(url: str, place: dict[str, Path]) -> None:
    result = _refused(url, place)
    assert "allow_network" in result.features["photos.refused"][0]["value"]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/a.jpg",
                                 "data:image/png;base64,iVBORw0KGgo="])
def test_only_http_is_fetched_even_with_network(url: str, place: dict[str, Path]) -> None:
    _refused(url, place, network=True)


def test_nul_byte_is_refused(place: dict[str, Path]) -> None:
    _refused("inside.jpg\x00../private/secret.jpg", place)


@pytest.mark.parametrize("ref", ["..\\private\\secret.jpg", "~/secret.jpg",
                                 "%2e%2e/private/secret.jpg"])
def test_other_spellings_stay_literal_names_inside(ref: str, place: dict[str, Path]) -> None:
    """Backslashes, '~' and %-escapes are not path syntax here: a missing file (D006)."""
    with watched() as seen:
        result = lq.score({"id": "c", "title": "x", "photos": [ref]}, images_root=place["root"])
    assert "D006" in result.codes and _opened_outside(seen, place) == []


def test_html_thumbnails_are_confined_too(place: dict[str, Path]) -> None:
    (place["root"] / "link.jpg").symlink_to(place["secret"])
    assert (thumbnail("inside.jpg", place["root"]) or "").startswith("data:image/jpeg")
    with watched() as seen:
        for ref in ("../private/secret.jpg", str(place["secret"]), "link.jpg",
                    "https://example.com/a.jpg"):
            assert thumbnail(ref, place["root"]) is None
    assert _opened_outside(seen, place) == [] and all(e == "open" for e, _ in seen)


def test_cli_default_images_folder_is_the_catalog_folder(place: dict[str, Path],
                                                        tmp_path: Path) -> None:
    catalog = place["root"] / "katalog.csv"
    catalog.write_text("id,title,price,photos\nA,Keripik,1000,inside.jpg\n"
                       "B,Keripik,1000,../private/secret.jpg\n", encoding="utf-8")
    out = tmp_path / "out.json"
    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()), watched() as seen:
        code = main(["check", str(catalog), "--format", "json", "--output", str(out)])
    results = json.loads(out.read_text(encoding="utf-8"))["results"]
    assert code in (0, 1) and [r["id"] for r in results] == ["A", "B"]
    assert [f["code"] == "D007" for f in results[1]["findings"]].count(True) == 1
    assert "D007" not in [f["code"] for f in results[0]["findings"]]
    assert _opened_outside(seen, place) == []


def test_without_images_root_the_working_folder_is_the_boundary(
        place: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(place["root"])
    with watched() as seen:
        result = lq.score({"id": "c", "title": "x",
                           "photos": ["inside.jpg", "../private/secret.jpg"]})
    assert result.features["photos.readable"] == [True, False]
    assert "D007" in result.codes and _opened_outside(seen, place) == []

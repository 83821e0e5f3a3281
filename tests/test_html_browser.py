"""The HTML report in a real headless Chromium: cards, filtering, escaping, a screenshot.

Needs Debian's `chromium` (/usr/bin/chromium; `.ci/run` installs it where apt-get works).
Without it these tests skip with a message saying so. The page is loaded from a file://
URL with networking off, as a curator would open it offline.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import make_photo

from listing_quality.cli import main

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium"
                                        if Path("/usr/bin/chromium").exists() else None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium not found (/usr/bin/chromium): install "
    "Debian's `chromium` package (apt-get install -y chromium) to run the browser tests")

PAYLOAD = ('<script>document.title="pwned"</script><img src=x '
           'onerror="document.body.dataset.pwned=1">')
ROWS = [
    ("S-1", "Keripik Singkong Balado Pedas 250 g", "Rp18.000", "a.jpg|b.jpg", "Dapur Sri"),
    ("S-2", "KERIPIK MURAH PROMO!!!", "", "", "Dapur Sri"),
    ("S-3", f"Kopi Bubuk Robusta {PAYLOAD}", "Rp25.000", "c.jpg", "Kopi Lampung"),
]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("html")
    for name in ("a.jpg", "b.jpg", "c.jpg"):
        make_photo(folder, name, {"size": [800, 800], "color": [200, 160, 90]})
    lines = ["id,title,description,price,category,photos,toko"]
    for rid, title, price, photos, seller in ROWS:
        title = title.replace('"', '""')
        lines.append(f'{rid},"{title}",deskripsi,{price},kuliner,{photos},{seller}')
    (folder / "k.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    main(["check", str(folder / "k.csv"), "--format", "html", "--output",
          str(folder / "out") + "/", "--exit-zero", "--isolated"])
    return folder / "out" / "index.html"


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run",
             f"--user-data-dir={profile}"]
    return subprocess.run([str(CHROMIUM), *flags, *args], capture_output=True, text=True,
                          timeout=120, check=False)


def dom(report: Path, tmp_path: Path, fragment: str = "") -> str:
    url = report.as_uri() + (f"#{fragment}" if fragment else "")
    proc = chromium("--dump-dom", url, profile=tmp_path / "profile")
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def visible_cards(page: str) -> list[str]:
    cards = re.findall(r'<article class="card( first-shown)?" id="card-(\d+)" '
                       r'data-index="\d+"( hidden="")?>', page)
    return [first + index for first, index, hidden in cards if not hidden]


def test_one_card_per_listing_and_scripts_ran(report: Path, tmp_path: Path) -> None:
    page = dom(report, tmp_path)
    assert len(re.findall(r'<article class="card', page)) == 3
    assert len(visible_cards(page)) == 3
    assert '<b id="shown">3</b>' in page  # set by the report's script: JS ran under the CSP


def test_seller_text_is_inert(report: Path, tmp_path: Path) -> None:
    page = dom(report, tmp_path)
    assert "pwned" not in re.search(r"<title>(.*?)</title>", page).group(1)
    assert "data-pwned" not in page
    assert "&lt;script&gt;document.title=\"pwned\"&lt;/script&gt;" in page  # shown as text


def test_filter_by_text_and_by_seller(report: Path, tmp_path: Path) -> None:
    page = dom(report, tmp_path, "q=s-2")
    assert len(visible_cards(page)) == 1 and '<b id="shown">1</b>' in page
    page = dom(report, tmp_path, "seller=Dapur%20Sri&lang=en")
    assert visible_cards(page) == [" first-shown0", "1"] and 'data-lang="en"' in page
    assert '<p id="print-title">Dapur Sri</p>' in page
    assert 'placeholder="Search (id, title, code, seller)"' in page  # switched by the script
    page = dom(report, tmp_path, "seller=Kopi%20Lampung")
    assert visible_cards(page) == [" first-shown2"]  # the printed page starts with it


def test_per_seller_page_prints(report: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "seller.pdf"
    proc = chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                    report.as_uri() + "#seller=Kopi%20Lampung", profile=tmp_path / "profile")
    assert proc.returncode == 0 and pdf.read_bytes()[:5] == b"%PDF-"


def test_screenshot(report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    proc = chromium("--window-size=1280,1600", f"--screenshot={shot}", report.as_uri(),
                    profile=tmp_path / "profile")
    assert proc.returncode == 0 and shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

"""Rebuild the golden files: score katalog.csv with the real library, render every format.

    python tests/golden/make_golden.py              # rescore, then re-render
    python tests/golden/make_golden.py --render     # re-render the stored results only

Scoring and rendering are split on purpose: `results.json` is the fixed renderer input,
so a rubric change elsewhere in the project does not churn the per-format goldens; rerun
without flags when you want them to follow the rules. Read every diff before committing.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/ (conftest.make_photo)

from conftest import make_photo  # noqa: E402

from listing_quality.adapters import read_catalog  # noqa: E402
from listing_quality.api import Options, score_catalog  # noqa: E402
from listing_quality.report import FORMATS, render  # noqa: E402

META = {"path": "katalog.csv", "rubric": "auto", "fail_under": 80.0, "version": "0.1.0",
        "sellers": ["Dapur Mbok Sri", "Dapur Mbok Sri", 'Toko <b>Kopi</b>, "Asli"',
                    "Rajapolah Craft"],
        "bands": {name: {"grades": [["A", 90], ["B", 80], ["C", 70], ["D", 60]],
                         "ready": 75, "local": 40} for name in ("kuliner", "kriya")}}
PHOTOS = {"a.jpg": [1000, 1000], "b.jpg": [900, 900], "c.jpg": [1200, 800],
          "d.jpg": [1000, 1000], "kecil.jpg": [200, 150]}
EXTENSIONS = {"html": "html", "junit": "xml", "sarif": "sarif.json", "gitlab": "gitlab.json"}


def golden_name(fmt: str, lang: str) -> str:
    return f"output_{lang}.{EXTENSIONS.get(fmt, fmt)}"


def score() -> list[dict]:
    """The real pipeline on katalog.csv, with photos drawn into a throwaway folder."""
    with tempfile.TemporaryDirectory() as tmp:
        for name, size in PHOTOS.items():
            make_photo(Path(tmp), name, {"size": size})
        cwd = os.getcwd()
        os.chdir(HERE)  # so SourceRef.file is the relative "katalog.csv"
        try:
            results = score_catalog(read_catalog("katalog.csv"), Options(images_root=tmp))
        finally:
            os.chdir(cwd)
    return [r.to_dict() for r in results]


def main(argv: list[str]) -> None:
    if "--render" not in argv:
        rows = score()
        text = json.dumps(rows, ensure_ascii=False, indent=1, sort_keys=True)
        (HERE / "results.json").write_text(text + "\n", encoding="utf-8")
    rows = json.loads((HERE / "results.json").read_text(encoding="utf-8"))
    for fmt in FORMATS:
        for lang in ("id", "en"):
            out = render(rows, format=fmt, lang=lang, meta=META)
            (HERE / fmt).mkdir(exist_ok=True)
            with (HERE / fmt / golden_name(fmt, lang)).open("w", encoding="utf-8",
                                                             newline="") as handle:
                handle.write(out)
    print(f"golden files written under {HERE}")


if __name__ == "__main__":
    main(sys.argv[1:])

"""Every output format on real Tokopedia rows (shared/realdata, evaluation only).

Reads the first 300 rows of tokopedia-general in place (nothing is copied into the
project) and checks what CI consumers need: SARIF valid against the official schema,
JUnit parseable, GitLab fingerprints unique, one HTML card per listing, GitHub lines
well formed. Skips cleanly when shared/ is absent.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pandas as pd
import pytest

import listing_quality as lq
from listing_quality.report import render

SHARED = Path(__file__).resolve().parents[2] / "shared"
GENERAL = SHARED / "realdata" / "tokopedia-general" / "dagdo03_tokopedia_data.csv"
SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    if not GENERAL.is_file():
        pytest.skip(f"real data not available: {GENERAL}")
    frame = pd.read_csv(GENERAL, dtype=str, keep_default_na=False, nrows=300)
    catalog = lq.read_catalog(frame)
    return [r.to_dict() for r in lq.score_catalog(catalog)]


def test_real_rows_in_every_ci_format(rows: list[dict]) -> None:
    findings = sum(len(r["findings"]) for r in rows)
    assert len(rows) == 300 and findings > 300
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(json.loads(render(rows, format="sarif")))
    root = ET.fromstring(render(rows, format="junit").encode("utf-8"))
    assert root.get("failures") == str(findings)
    prints = [i["fingerprint"] for i in json.loads(render(rows, format="gitlab"))]
    assert len(prints) == findings == len(set(prints))
    github = render(rows, format="github", lang="en").split("\n")[:-1]
    assert all(line.startswith(("::", "warning: ", "error: ", "notice: ")) or
               "not annotated" in line for line in github)
    assert sum(line.startswith("::") for line in github) <= 30
    page = render(rows, format="html")
    assert page.count('<article class="card"') == 300

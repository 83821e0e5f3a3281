"""Every rule, judged on listings that must trigger it and listings that must not.

Cases are data (`tests/rules/<CODE>.yml`, as proselint/sqlfluff do): each starts from the
complete good listing of its rubric (`_base.yml`) and changes only what matters.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import build_listing

import listing_quality as lq
from listing_quality.rubric import builtin_names

CASES = Path(__file__).parent / "rules"
BASE = yaml.safe_load((CASES / "_base.yml").read_text(encoding="utf-8"))


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("[A-Z]*.yml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for outcome in ("fail", "pass"):
            for i, case in enumerate(spec.get(outcome) or []):
                params.append(pytest.param(path.stem, spec, outcome, case,
                                           id=f"{path.stem}-{outcome}-{i}"))
    return params


def _score(spec: dict, case: dict, folder: Path) -> lq.Result:
    rubric = case.pop("_rubric", spec.get("rubric", "umum"))
    marketplace = case.pop("_marketplace", spec.get("marketplace"))
    others = case.pop("_catalog", [])
    base = BASE[rubric] if rubric in BASE else BASE["umum"]
    listing = build_listing({**base, **case}, folder)
    if not others:
        return lq.score(listing, rubric=rubric, marketplace=marketplace, images_root=folder)
    rows = [listing] + [build_listing({**base, **other}, folder) for other in others]
    options = lq.Options(rubric=rubric, marketplace=marketplace, images_root=str(folder))
    return lq.score_catalog(lq.read_catalog(rows), options)[0]


@pytest.mark.parametrize(("code", "spec", "outcome", "case"), _cases())
def test_rule_case(code: str, spec: dict, outcome: str, case: dict, images: Path) -> None:
    result = _score(spec, dict(case), images)
    if outcome == "fail":
        assert code in result.codes, f"{code} should fire; got {result.codes}"
        finding = next(f for f in result.findings if f.code == code)
        assert finding.message("id") and finding.message("en")
        assert "{" not in finding.message("id") + finding.suggestion("en")
    else:
        assert code not in result.codes, f"{code} should not fire; got {result.codes}"


def test_base_listings_are_clean(images: Path) -> None:
    """The bases are good listings: if one triggers a rule, every pass case is meaningless."""
    for rubric, data in BASE.items():
        result = lq.score(build_listing(data, images), rubric=rubric, images_root=images,
                          model=False)  # the rules' view; the model's M001 is tested apart
        codes = [c for c in result.codes if c != "P105"]  # 1000 px photos are zoom-sized
        assert codes == [], f"base {rubric} triggers {codes}"


def test_every_rule_has_cases() -> None:
    """A rule without examples that trigger it and examples that don't is not tested."""
    missing = []
    for name in builtin_names():
        for rule in lq.load_rubric(name).rules:
            path = CASES / f"{rule.code}.yml"
            spec = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
            if not spec.get("fail") or not spec.get("pass"):
                missing.append(f"{name}:{rule.code}")
    assert missing == [], f"rules without pass+fail cases: {missing}"

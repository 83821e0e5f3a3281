"""Rubric loading: built-ins load, `extends` and profiles resolve, mistakes name file+line+key."""

from __future__ import annotations

from pathlib import Path

import pytest

import listing_quality as lq
from listing_quality.rubric import builtin_names, rubric_dir

GOOD_RULE = """
  - code: T901
    name: custom-title-rule
    dimension: title
    kind: length
    feature: title.text
    min: 10
    severity: warning
    weight: 5
    message: {id: "Judul pendek ({observed})", en: "Short title ({observed})"}
    suggestion: {id: "Perpanjang judul", en: "Make the title longer"}
"""


def write(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", builtin_names())
@pytest.mark.parametrize("marketplace", [None, *builtin_names(marketplaces=True)])
def test_builtins_load_with_every_profile(name: str, marketplace: str | None) -> None:
    rubric = lq.load_rubric(name, marketplace)
    assert rubric.rules and len({r.code for r in rubric.rules}) == len(rubric.rules)
    for rule in rubric.rules:
        assert rule.message["id"] and rule.message["en"]
        assert all(not str(v).startswith("$") for v in rule.params.values())


def test_profile_overrides_params() -> None:
    assert lq.load_rubric("kuliner").rule("T103").params["max"] == 150
    assert lq.load_rubric("kuliner", "shopee").rule("T103").params["max"] == 120
    assert lq.load_rubric("kuliner", "lokal").rule("T103").params["max"] == 80
    assert lq.load_rubric("kuliner", "tokopedia").name == "kuliner+tokopedia"


def test_extends_chain_and_disable() -> None:
    busana = lq.load_rubric("busana")
    codes = {r.code for r in busana.rules}
    assert "K201" in codes and "K001" not in codes and "T101" in codes
    assert "cloth" in busana.rule("K201").message["en"]   # overridden text
    assert busana.rule("K201").weight == 25                # inherited weight


def test_user_rubric_extends_builtin(tmp_path: Path) -> None:
    path = write(tmp_path, "name: mine\nextends: kuliner\nrules:" + GOOD_RULE)
    rubric = lq.load_rubric(path)
    assert rubric.rule("T901").params == {"min": 10}
    assert rubric.rule("K101")  # inherited


def _error(tmp_path: Path, text: str) -> str:
    with pytest.raises(lq.RubricError) as info:
        lq.load_rubric(write(tmp_path, text))
    return str(info.value)


def test_typo_in_rule_key_names_file_line_and_key(tmp_path: Path) -> None:
    text = "name: mine\nextends: umum\nrules:" + GOOD_RULE.replace("    message:", "    mesage:")
    message = _error(tmp_path, text)
    assert "mine.yaml:12" in message and "mesage" in message


def test_typo_in_top_level_key(tmp_path: Path) -> None:
    message = _error(tmp_path, "name: mine\nextends: umum\nwieghts: {}\n")
    assert "mine.yaml:3" in message and "wieghts" in message


@pytest.mark.parametrize(("change", "expected"), [
    (("kind: length", "kind: lenght"), "unknown kind"),
    (("name: custom-title-rule", "name: title-too-short"), "already used"),
    (('en: "Short title ({observed})"', 'en: ""'), "message.en"),
    (('en: "Short title ({observed})"', 'en: "Short {banana}"'), "{banana}"),
    (('en: "Short title ({observed})"', 'en: "Short {observed.__class__}"'), "placeholder"),
    (("min: 10", "min: ten"), "expected a number"),
    (("dimension: title", "dimension: photos"), "belongs to dimension"),
    (("feature: title.text", "feature: title.txt"), "unknown feature"),
    (("min: 10", "min: $nope"), "unknown parameter"),
])
def test_invalid_rules_are_refused(tmp_path: Path, change: tuple[str, str],
                                   expected: str) -> None:
    rule = GOOD_RULE.replace(*change)
    message = _error(tmp_path, "name: mine\nextends: umum\nrules:" + rule)
    assert expected in message and "mine.yaml:" in message


def test_duplicate_code_in_one_file(tmp_path: Path) -> None:
    message = _error(tmp_path, "name: mine\nextends: umum\nrules:" + GOOD_RULE + GOOD_RULE)
    assert "duplicate code 'T901'" in message


def test_python_tags_are_refused(tmp_path: Path) -> None:
    message = _error(tmp_path, "name: !!python/object/apply:os.system ['echo hi']\n")
    assert "mine.yaml:1" in message


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    bomb = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: [*c,*c]\n'
    assert "aliases" in _error(tmp_path, bomb)


def test_extends_loop(tmp_path: Path) -> None:
    write(tmp_path, "name: b\nextends: a.yaml\n", "b.yaml")
    with pytest.raises(lq.RubricError, match="loops"):
        lq.load_rubric(write(tmp_path, "name: a\nextends: b.yaml\n", "a.yaml"))


def test_profile_with_unknown_param(tmp_path: Path) -> None:
    profile = write(tmp_path, "name: x\nparams:\n  title_max_chr: 10\n", "x.yaml")
    with pytest.raises(lq.RubricError, match=r"x.yaml:3.*title_max_chr"):
        lq.load_rubric("umum", profile)


def test_unknown_builtin_lists_known_names() -> None:
    with pytest.raises(lq.RubricError, match="kuliner"):
        lq.load_rubric("kulinerr")


def test_rubric_dir_holds_every_builtin() -> None:
    assert {"umum", "kuliner", "kriya", "busana"} <= set(builtin_names())
    assert {"tokopedia", "shopee", "lazada", "tiktok", "lokal"} <= set(
        builtin_names(marketplaces=True))
    assert (rubric_dir() / "categories.yaml").is_file()


@pytest.mark.parametrize(("section", "expected"), [
    ("readiness:\n  marketplce: 70\n", "mine.yaml:4: readiness.marketplce"),
    ("model:\n  blnd: 0.3\n", "mine.yaml:4: model.blnd"),
    ("dimensions:\n  titel: 30\n", "mine.yaml:4: dimensions.titel"),
    ("grades:\n  A: ninety\n", "mine.yaml:4: grades.A"),
    ("description:\n  id: Rubrik\n  fr: Rubrique\n", "mine.yaml:5: description.fr"),
])
def test_typos_in_sections_name_file_line_and_key(tmp_path: Path, section: str,
                                                  expected: str) -> None:
    assert expected in _error(tmp_path, "name: mine\nextends: umum\n" + section)


def test_sections_merge_key_by_key(tmp_path: Path) -> None:
    """A child that raises the marketplace bar keeps its parent's local floor and model."""
    rubric = lq.load_rubric(write(tmp_path, "name: mine\nextends: kuliner\n"
                                            "readiness:\n  marketplace: 85\n"))
    assert (rubric.ready, rubric.local_bar, rubric.model_blend) == (85.0, 40.0, 0.15)
    assert rubric.dimensions == lq.load_rubric("kuliner").dimensions

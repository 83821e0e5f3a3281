"""Untrusted configuration: a rubric, a marketplace profile or a pyproject table handed
over by someone else is refused with a clear error naming the file — never executed,
never expanded, never a traceback.

tests/test_rubric.py already covers one `!!python/object/apply` tag and a small alias
bomb; this file adds every Python tag spelling (proving the side effect did not happen),
the full "billion laughs", merge keys, deep nesting, giant numbers, oversize and
non-UTF-8 files, profiles given by path, the CLI's exit code 2, and the regex question:
no rule kind takes a pattern, so a `pattern:` key is refused at load.
"""

from __future__ import annotations

import io
import json
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

import listing_quality as lq
from listing_quality import kinds
from listing_quality.cli import main
from listing_quality.yamlsafe import MAX_YAML_BYTES

RULE = """name: mine
extends: umum
rules:
  - code: T901
    name: custom-rule
    dimension: title
    kind: {kind}
    feature: title.text
{extra}    severity: info
    weight: 1
    message: {{id: pesan, en: message}}
    suggestion: {{id: saran, en: suggestion}}
"""
LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8))


def _refused(tmp_path: Path, text: str, name: str = "mine.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(lq.RubricError) as caught:
        lq.load_rubric(str(path))
    message = str(caught.value)
    assert str(path) in message or name in message
    return message


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.mkdir", "!!python/object/new:os.mkdir",
                                 "!!python/object:os.mkdir", "!!python/name:os.mkdir",
                                 "!!python/module:os", "!python/object/apply:os.mkdir",
                                 "!<tag:yaml.org,2002:python/object/apply:os.mkdir>"])
def test_python_tags_are_never_constructed(tag: str, tmp_path: Path) -> None:
    target = tmp_path / "made-by-yaml"
    message = _refused(tmp_path, f"name: {tag} ['{target}']\n")
    assert not target.exists()
    assert "mine.yaml:1" in message


def test_python_tag_in_a_marketplace_profile_given_by_path(tmp_path: Path) -> None:
    target = tmp_path / "made-by-profile"
    profile = tmp_path / "evil.yaml"
    profile.write_text(f"name: !!python/object/apply:os.mkdir ['{target}']\n", encoding="utf-8")
    with pytest.raises(lq.RubricError, match=r"evil\.yaml:1"):
        lq.load_rubric("umum", marketplace=str(profile))
    assert not target.exists()


def test_billion_laughs_is_refused_at_once(tmp_path: Path) -> None:
    started = time.perf_counter()
    assert "aliases" in _refused(tmp_path, LAUGHS)
    assert time.perf_counter() - started < 1.0


def test_merge_keys_are_refused(tmp_path: Path) -> None:
    text = "name: mine\nparams:\n  base: {a: 1}\n  more:\n    <<: {b: 2}\n"
    assert "merge keys" in _refused(tmp_path, text)


@pytest.mark.parametrize("depth", [40, 5_000, 50_000])
def test_deep_nesting_is_an_error_not_a_recursion_crash(depth: int, tmp_path: Path) -> None:
    assert "nested deeper" in _refused(tmp_path, "name: x\nparams:\n  a: "
                                       + "[" * depth + "]" * depth + "\n")


def test_giant_integer_is_an_error_naming_the_file(tmp_path: Path) -> None:
    _refused(tmp_path, "name: x\nparams: {a: " + "9" * 50_000 + "}\n")


def test_oversize_and_non_utf8_files(tmp_path: Path) -> None:
    assert "larger than" in _refused(tmp_path, "#" * (MAX_YAML_BYTES + 1))
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"name: caf\xe9\n")
    with pytest.raises(lq.RubricError, match=r"latin\.yaml"):
        lq.load_rubric(str(path))


def test_no_rule_kind_takes_a_pattern() -> None:
    """Rubrics cannot hold regexes today, so there is no regex work to bound in them."""
    for name in kinds.KINDS:
        for param, spec in kinds.params_of(name).items():
            assert spec.type in ("number", "string", "bool", "list")
            assert spec.type != "string" or spec.choices, f"{name}.{param} takes free text"


@pytest.mark.parametrize("kind", sorted(kinds.KINDS))
def test_a_catastrophic_regex_is_refused_at_load(kind: str, tmp_path: Path) -> None:
    text = RULE.format(kind=kind, extra="    pattern: '(a+)+$'\n")
    assert "unknown key 'pattern'" in _refused(tmp_path, text)


@pytest.mark.parametrize("text", [LAUGHS, "name: !!python/name:os.system\n",
                                  "name: x\nrules: " + "[" * 5000 + "]" * 5000 + "\n"])
def test_cli_exits_2_with_the_file_named(text: str, tmp_path: Path) -> None:
    rubric = tmp_path / "evil.yaml"
    rubric.write_text(text, encoding="utf-8")
    catalog = tmp_path / "k.csv"
    catalog.write_text("id,title\n1,Keripik\n", encoding="utf-8")
    err = io.StringIO()
    with redirect_stdout(io.StringIO()), redirect_stderr(err):
        code = main(["check", str(catalog), "--rubric", str(rubric), "--isolated"])
    assert code == 2 and "evil.yaml" in err.getvalue() and "Traceback" not in err.getvalue()


@pytest.mark.parametrize("table", ["[tool.listing-quality\nrubric = 1",
                                   "[tool.listing-quality]\nexec = 'rm -rf /'\n",
                                   "[tool.listing-quality]\nfail-under = 'high'\n"])
def test_bad_pyproject_table_exits_2(table: str, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text(table + "\n", encoding="utf-8")
    (tmp_path / "k.csv").write_text("id,title\n1,Keripik\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    err = io.StringIO()
    with redirect_stdout(io.StringIO()), redirect_stderr(err):
        code = main(["check", "k.csv"])
    assert code == 2 and "pyproject.toml" in err.getvalue()


def _shipped_model() -> Path:
    """The shipped model.json, or a skip while the classifier is not in the package."""
    model = pytest.importorskip("listing_quality.model")
    if not hasattr(model, "load_model") or not hasattr(model, "ModelError"):
        pytest.skip("listing_quality.model has no load_model/ModelError yet")
    path = Path(model.__file__).with_name("model.json")
    if not path.is_file():
        pytest.skip("no shipped model.json yet")
    return path


@pytest.mark.parametrize("edit", ["coef", "intercept", "sha256"])
def test_a_model_file_whose_hash_does_not_match_is_refused(edit: str, tmp_path: Path) -> None:
    from listing_quality.model import ModelError, load_model

    payload = json.loads(_shipped_model().read_text(encoding="utf-8"))
    load_model(_shipped_model())  # the control: the shipped file verifies
    if edit == "coef":
        payload["coef"][0] = payload["coef"][0] + 0.5
    elif edit == "intercept":
        payload["intercept"] = payload["intercept"] + 1.0
    else:
        payload["sha256"] = "0" * 64
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(ModelError, match="sha256") as caught:
        load_model(tampered)
    assert "tampered.json" in str(caught.value)


def test_a_model_file_that_is_not_json_is_refused(tmp_path: Path) -> None:
    from listing_quality.model import ModelError, load_model

    _shipped_model()
    broken = tmp_path / "model.json"
    broken.write_bytes(b"\x80\x04\x95 a pickle, not JSON")
    with pytest.raises(ModelError, match=r"model\.json"):
        load_model(broken)

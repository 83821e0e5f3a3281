"""The README tells the truth: two set-up commands, CI runs the same test command, and the
generated blocks (sample report, rule table) match what the code produces today."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def setup_commands() -> list[str]:
    section = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.*?)\n```", section, re.DOTALL)


def test_exactly_two_setup_commands() -> None:
    commands = setup_commands()
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)
    assert "listing-quality check data/samples/" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    install_and_test = setup_commands()[1].split(". .venv/bin/activate && ", 1)[1]
    assert install_and_test in ci


def test_generated_blocks_are_up_to_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import update_readme
    finally:
        sys.path.remove(str(ROOT / "tools"))
    assert update_readme.run(["--check"]) == 0, (
        "README.md is out of date: run `python tools/update_readme.py`")


def test_sample_catalog_is_small_and_present() -> None:
    samples = ROOT / "data" / "samples"
    total = sum(p.stat().st_size for p in samples.rglob("*") if p.is_file())
    assert total < 10 * 1024 * 1024
    assert (samples / "catalog.csv").is_file() and (samples / "catalog_tokopedia.xlsx").is_file()
    assert os.path.isdir(samples / "photos")


def test_python_example_prints_what_the_readme_says(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    section = README.split("## Python", 1)[1]
    code = re.search(r"```python\n(.*?)\n```", section, re.DOTALL).group(1)
    expected = re.search(r"```text\n(.*?)\n```", section, re.DOTALL).group(1)
    monkeypatch.chdir(ROOT)
    exec(compile(code, "README.md", "exec"), {})
    assert capsys.readouterr().out.strip() == expected.strip()

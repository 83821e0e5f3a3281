"""The scanner under quantities and sizes: every number with the word after it (an "atom").

`quantities` turns atoms into net contents and `sizes` into dimensions; both read the same
atoms of the same text, so the scan is cached here once. Units and number words are data
(`units.yaml`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .normalize import Unit, alternation, label_before, read_amount, text_data, unit_table

SEP_RE = re.compile(r"\s{0,3}[x×X*@]\s{0,3}")
"""What joins atoms into a multipack or a size: "2 x 250 g", "30x25 cm", "10 sachet @ 25 g"."""


@dataclass(frozen=True)
class Atom:
    """A number as written, its unit (None when bare) and where a count label starts."""

    start: int
    end: int
    value: float
    unit: Unit | None  # None: a bare number ("isi 10", the 2 of "2 x 250 gr")
    lead: int | None  # start of a count label before it ("isi 10"), else None


@functools.lru_cache(maxsize=1)
def _atom_re() -> re.Pattern[str]:
    words = alternation(text_data()["number_words"])
    initials = "".join(sorted({str(w)[0] for w in text_data()["number_words"]}))
    return re.compile(
        rf"(?=[0-9½¼¾{initials}])"  # cheap first test: most positions start no number
        r"(?:(?<![\w.,/])(?<![^\W_]-)|(?<=(?<![^\W\d_])[xX×])|(?<=[^\W\d_],)|(?<=(?<![^\W\d_])[iI][sS][iI]))"
        r"(?P<num>[0-9]{1,6}\s?/\s?[0-9]{1,6}(?![0-9/])"  # 1/2
        r"|[0-9]+(?:[.,][0-9]+)*(?:\s?[½¼¾])?|[½¼¾]"  # 1.000, 1,5, 1½, ½
        rf"|(?:{words})(?![^\W_]))"  # setengah
        r"(?:\s{0,2}(?P<unit>[^\W\d_]+))?",
        re.IGNORECASE,
    )


@functools.lru_cache(maxsize=256)
def scan(text: str) -> tuple[Atom, ...]:
    """Numbers not glued to a code ("A455L", not "2x250g"), with their unit; cached (shared)."""
    skip = frozenset(str(s) for s in text_data()["not_quantities"])
    atoms: list[Atom] = []
    for match in _atom_re().finditer(text):
        value = read_amount(match.group("num"))
        if value is None:
            continue
        unit = unit_table().get((match.group("unit") or "").lower())
        glued = text[match.end() : match.end() + 1].isdigit()  # "G2", "G40": model codes
        if glued or (unit and value > (unit.max_value or float("inf"))):  # "868L": not litres
            unit = None
        if unit is None and match.group("num")[0].isalpha():
            continue  # a number word means nothing without its unit
        end = match.end() if unit else match.end("num")
        if text[match.start() : end] not in skip:
            lead = label_before(text, match.start(), "count_labels")
            atoms.append(Atom(match.start(), end, value, unit, lead))
    return tuple(atoms)

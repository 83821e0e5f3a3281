"""Does the listing agree with itself? Netto in the title, the description and the label.

A title saying 250 g over a description saying 500 g misleads the buyer and breaks the
price per 100 g; a shipping weight below the net weight is physically impossible. Variant
lists ("100 gr / 250 gr / 500 gr") are not conflicts: a value counts as confirmed when the
other text mentions it anywhere, as a total or as one pack of a multipack.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

from ..text.atoms import Atom
from ..text.normalize import text_data, unit_table
from ..text.parsed import Parsed
from ..text.quantities import NetQuantity, net_quantity

_MEASURES = ("mass", "volume")
_DIGIT = re.compile("[0-9\u00bd\u00bc\u00be]")  # what a number the scan reads starts with
_LETTERS = re.compile(r"[^\W\d_]+")  # a unit word, as the scan reads it after a number


def _stated(net: NetQuantity) -> tuple[str, float] | None:
    """("g", 250.0) or ("ml", 500.0) for a net mass or volume, else None."""
    if net.net_g:
        return "g", net.net_g
    if net.net_ml:
        return "ml", net.net_ml
    return None


def _mentioned(text: Parsed, net: NetQuantity) -> set[float]:
    """Every mass and volume `text` mentions, plus its net total and per-pack amount."""
    amounts = {q.amount for q in text.quantities if q.kind in _MEASURES}
    extras = (net.net_g, net.net_ml, net.per_unit_g, net.per_unit_ml)
    return amounts | {a for a in extras if a}


def _show(unit: str, amount: float) -> str:
    return f"{amount:g} {unit}"


@functools.lru_cache(maxsize=1)
def _measure_units() -> frozenset[str]:
    """Every spelling of a mass or volume unit in `units.yaml`, lower case."""
    return frozenset(word for word, unit in unit_table().items() if unit.kind in _MEASURES)


def _measures(atoms: Iterable[Atom]) -> bool:
    return any(atom.unit is not None and atom.unit.kind in _MEASURES for atom in atoms)


def _may_state(text: Parsed, joined: Parsed | None = None) -> bool:
    """False when `text` certainly states no net mass or volume: `net_quantity` takes its
    total from a mass or volume number, so a text without one needs no net parse.

    A text without a digit or fraction sign can only write one as a number word and a
    unit word ("setengah kilo"); when none of its words is a mass or volume unit, it is
    not scanned at all (half the titles: the title is the text asked most). A text that
    begins `joined` (the title, in its label text) is not scanned either (`_begins`).
    """
    if _DIGIT.search(text.text) is None and _measure_units().isdisjoint(
            map(str.lower, _LETTERS.findall(text.text))):
        return False
    if joined is not None and _begins(text.text, joined.text):
        end = len(text.text)
        return _measures(atom for atom in joined.atoms if atom.start < end)
    return _measures(text.atoms)


def _begins(text: str, joined: str) -> bool:
    """Whether `joined` is `text`, or `text`, a space and more: then every mass or volume
    the scan finds in `text` alone, it finds at the same place in `joined`.

    The scan reads left to right and looks no further back than the text before a number;
    a match in `text` ends at its end at the latest, where `joined` has a space, which
    ends a number's digits and its unit word alike. So `joined`'s matches starting in
    `text` are `text`'s own, but for the last, which may run on ("Gula 1" + " ½ kg": a
    mass in `joined` only): no mass among them, none in `text`.
    """
    return joined.startswith(text) and joined[len(text) : len(text) + 1] in ("", " ")


def _prefix_atoms(text: str, joined: Parsed) -> tuple[Atom, ...] | None:
    """The atoms of `text` alone (`atoms.scan`), read off those of `joined` when `text`
    begins it (`_begins`); None when a number may run on from `text` into what follows.

    Only the last match starting in `text` may run on, and only from a digit at its end
    ("Gula 1" + " ½ kg", "Teh 1" + " /2"): then it is either an atom ending past `text`
    or, unreadable, none, where `text` alone has one. A number word running on into a
    unit word makes an atom ending past `text` too; into another word, none in either.
    """
    end = len(text)
    if not _begins(text, joined.text) or text[-1:].isdigit():
        return None
    atoms = tuple(atom for atom in joined.atoms if atom.start < end)
    return None if atoms and atoms[-1].end > end else atoms


def _after(head: str, text: str, joined: Parsed) -> bool | None:
    """Whether `text` may state a mass or volume, read off `joined`'s atoms when `joined`
    is `head`, a space and `text` (a title and its description); None when unsure.

    From the space on, both scans see the same text and the same few characters behind
    (a space ends any number's look back), so `text` alone holds a mass only where
    `joined` does, unless a match from `head` runs on over the space and swallows the
    start of `text`: an atom ending past `head`, or one none (unreadable, or a number word
    with no unit after it), which needs a digit or a number word at the end of `head`.
    """
    start = len(head) + 1
    if len(joined.text) != start + len(text) or not joined.text.endswith(text) or not (
            _begins(head, joined.text)) or head[-1:].isdigit() or head.lower().endswith(
            _number_words()):
        return None
    before = [atom for atom in joined.atoms if atom.start < start]
    if before and before[-1].end >= start:
        return None
    return _measures(atom for atom in joined.atoms if atom.start >= start)


@functools.lru_cache(maxsize=1)
def _number_words() -> tuple[str, ...]:
    """Every word of every number word ("tiga perempat": both), lower case."""
    return tuple(sorted({word.lower() for spoken in text_data()["number_words"]
                         for word in str(spoken).split()}))


def _stated_in(text: Parsed, joined: Parsed | None = None,
               head: str | None = None) -> tuple[str, float] | None:
    """`_stated(text.net)`, parsing the net only when a mass or volume is written; read
    off the label text's atoms when the caller has that: the title's (`_prefix_atoms`),
    and whether the description after it holds a mass at all (`_after`)."""
    if not text.text:
        return None
    atoms = None if joined is None else _prefix_atoms(text.text, joined)
    if atoms is not None:
        return _stated(net_quantity(text.text, atoms)) if _measures(atoms) else None
    if joined is not None and head is not None and _after(head, text.text, joined) is False:
        return None
    return _stated(text.net) if _may_state(text, joined) else None


def _all_stated(parsed: dict[str, Parsed],
                joined: Parsed | None) -> dict[str, tuple[str, float] | None] | None:
    """What each text states, or None when at most one can state a net quantity (so none
    can conflict). Reads the short ones first: when the title and the pack label state
    none, the long description is never scanned (it has nothing to disagree with)."""
    order = sorted(parsed, key=lambda name: len(parsed[name].text))
    stated = {name: _stated_in(parsed[name], joined) for name in order[:-1]}
    if not any(stated.values()):
        return None
    last, title = order[-1], parsed.get("title")
    head = title.text if title is not None and last != "title" else None
    stated[last] = _stated_in(parsed[last], joined, head)
    return {name: stated[name] for name in parsed}


def net_conflict(texts: Mapping[str, str | Parsed], joined: Parsed | None = None) -> str | None:
    """A warning text when two sources state different net quantities, else None.

    `texts` maps a source name ("title", "description", "label") to its text, or to that
    text already `Parsed` (then its scan is reused); the first pair that disagrees is
    reported, e.g. "title 250 g, description 500 g". `joined`: the label text, parsed,
    when the caller has it: the title and description are read off its atoms where that
    is exact (`_prefix_atoms`, `_after`) rather than scanned again.
    """
    parsed = {name: text if isinstance(text, Parsed) else Parsed(text)
              for name, text in texts.items()}
    stated = _all_stated(parsed, joined)
    if stated is None:
        return None
    names = [name for name, value in stated.items() if value]
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            (unit_a, a), (unit_b, b) = stated[first], stated[second]  # type: ignore[misc]
            if unit_a != unit_b or abs(a - b) <= 0.01 * max(a, b):
                continue
            if a in _mentioned(parsed[second], parsed[second].net):
                continue
            if b in _mentioned(parsed[first], parsed[first].net):
                continue
            return f"{first} {_show(unit_a, a)}, {second} {_show(unit_b, b)}"
    return None


def shipping_ratio(shipping_g: float | None, net_g: float | None) -> float | None:
    """Shipping weight over net grams; below 1 the parcel weighs less than its contents."""
    if not shipping_g or not net_g:
        return None
    return round(shipping_g / net_g, 4)

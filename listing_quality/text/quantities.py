"""Net quantities ("250 gr", "isi 10 x 25 g") and sizes ("30 x 25 cm") in titles.

A price per 100 g is only fair when every seller's net quantity is read the same way. One
scanner finds each number with the word after it (an "atom") and looks the word up in
`units.yaml`; atoms joined by "x" make multipacks or, with lengths, sizes (never net content).
Offsets refer to the text as given (cut to MAX_TEXT_CHARS): normalize() full-width text first.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .atoms import SEP_RE as _SEP_RE
from .atoms import SEP_WIDTH as _SEP_WIDTH
from .atoms import Atom as _Atom
from .atoms import scan as _atoms
from .normalize import bounded, label_before, unit_table
from .sizes import find_sizes

__all__ = ["NetQuantity", "Quantity", "find_quantities", "find_sizes", "first_quantity_text",
           "net_quantity"]


@dataclass(frozen=True)
class Quantity:
    """One mass, volume or count as written: "1,5 kg" -> value 1.5, unit "kg", amount 1500."""

    value: float  # as written, in its own unit
    unit: str  # canonical spelling of the written unit: "g", "kg", "ml", "l", "pcs", ...
    amount: float  # grams for mass, ml for volume, items for count
    kind: str  # "mass" | "volume" | "count"
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class NetQuantity:
    """What is in the pack: total net mass or volume, pack count, and the text it came from."""

    net_g: float | None
    net_ml: float | None
    pack_count: int | None
    per_unit_g: float | None
    per_unit_ml: float | None
    text: str
    labelled: bool


class _Net(NamedTuple):  # a named tuple for the reason `Atom` is one
    start: int
    end: int
    per: _Atom  # the mass/volume atom
    count: int | None  # items in a multipack, None for a single quantity


def _is_measure(atom: _Atom) -> bool:
    return atom.unit is not None and atom.unit.kind in ("mass", "volume")


def _count_of(atom: _Atom) -> int | None:
    """Items an atom stands for: bare "10", "10 pcs", "1 lusin" (12); None if not a count."""
    if atom.unit is not None and atom.unit.kind != "count":
        return None
    items = atom.value * (atom.unit.factor if atom.unit else 1.0)
    return int(items) if items.is_integer() and 1 <= items <= 10_000 else None


def _quantity(text: str, atom: _Atom, start: int) -> Quantity:
    unit = atom.unit or unit_table()["pcs"]  # a bare number after "isi" counts pieces
    amount, span = round(atom.value * unit.factor, 6), text[start : atom.end]
    return Quantity(atom.value, unit.name, amount, unit.kind, span, start, atom.end)


def find_quantities(text: str, atoms: Sequence[_Atom] | None = None) -> list[Quantity]:
    """Every mass, volume and count in order ("isi 10" counts 10 pcs); lengths are sizes.

    `atoms`: the scan of this very text when the caller has it (see `parsed.Parsed`).
    """
    text = bounded(text)
    found: list[Quantity] = []
    for atom in _atoms(text) if atoms is None else atoms:
        counted = atom.unit is None and atom.lead is not None  # "isi 10"
        if counted or (atom.unit is not None and atom.unit.kind != "length"):
            found.append(_quantity(text, atom, atom.lead if counted else atom.start))
    return found


def first_quantity_text(text: str, atoms: Sequence[_Atom], kinds: tuple[str, ...]) -> str | None:
    """The `text` of the first of `find_quantities(text, atoms)` of one of `kinds`, or None.

    A title's berat slot reads only that: the atoms say it without a `Quantity` (a frozen
    dataclass, costly to build) for every number before it. `text` is bounded, as the
    `Parsed` text it comes from.
    """
    for atom in atoms:
        if atom.unit is None:
            if atom.lead is None:
                continue
            unit, start = unit_table()["pcs"], atom.lead  # "isi 10", as `_quantity` reads it
        elif atom.unit.kind == "length":
            continue
        else:
            unit, start = atom.unit, atom.start
        if unit.kind in kinds:
            return text[start : atom.end]
    return None


def _packs(text: str, atoms: Sequence[_Atom]) -> list[_Net]:
    """Multipacks: "2 x 250 gr", "isi 10 x 25 g", "250 gr x 2", "10 sachet @ 25 g"."""
    packs: list[_Net] = []
    for a, b in itertools.pairwise(atoms):
        if b.start - a.end > _SEP_WIDTH or not _SEP_RE.fullmatch(text, a.end, b.start):
            continue
        if _is_measure(b) and (items := _count_of(a)):
            packs.append(_Net(a.start, b.end, b, items))
        elif _is_measure(a) and (items := _count_of(b)):
            packs.append(_Net(a.start, b.end, a, items))
    return packs


def _frame(text: str, net: _Net) -> tuple[int, bool]:
    """Where the expression starts ("isi"/"Netto" included) and whether a net label leads it."""
    start = label_before(text, net.start, "count_labels")
    start = net.start if start is None else start
    label = label_before(text, start, "net_labels")
    return (start, False) if label is None else (label, True)


def _choose(text: str, atoms: Sequence[_Atom]) -> tuple[_Net | None, int, bool]:
    """A labelled quantity first, then the first multipack, then the first single one."""
    if not any(map(_is_measure, atoms)):
        return None, 0, False  # (every candidate holds a mass or volume)
    packs = _packs(text, atoms)
    used = {pack.per for pack in packs}
    singles = [_Net(a.start, a.end, a, None) for a in atoms if _is_measure(a) and a not in used]
    nets = sorted([*packs, *singles], key=lambda n: n.start)
    framed = [(net, *_frame(text, net)) for net in nets]
    # stable, so by start within a rank; milligrams are a dose ("3mg"), rarely the contents
    dose = {net.per for net in nets if net.per.unit is not None and net.per.unit.name == "mg"}
    ranked = sorted(framed, key=lambda f: (not f[2], f[0].per in dose, f[0].count is None))
    return ranked[0] if ranked else (None, 0, False)


def _pack_count(text: str, atoms: Sequence[_Atom]) -> tuple[int | None, int, int]:
    """Items from "isi 10" / "isi 20 bks" first, else from the first "10 pcs"-style count."""
    for atom in atoms:
        if atom.lead is not None and (items := _count_of(atom)):
            return items, atom.lead, atom.end
    for atom in atoms:
        if atom.unit is not None and (items := _count_of(atom)):
            return items, atom.start, atom.end
    return None, 0, 0


def net_quantity(text: str, atoms: Sequence[_Atom] | None = None) -> NetQuantity:
    """The net contents of the pack: "isi 10 x 25 g" -> 250 g in 10 items of 25 g.

    Of several, a labelled one ("Netto", "Berat bersih") wins, then the first multipack, then
    the first single mass or volume; sizes (lengths) never count. Never raises. `atoms`:
    the scan of this very text when the caller has it.
    """
    text = bounded(text)
    atoms = _atoms(text) if atoms is None else atoms
    choice, start, labelled = _choose(text, atoms)
    count, count_start, count_end = _pack_count(text, atoms)
    if choice is None:
        return NetQuantity(None, None, count, None, None, text[count_start:count_end], False)
    unit = choice.per.unit or unit_table()["g"]
    each = round(choice.per.value * unit.factor, 6)
    total = round(each * (choice.count or 1), 6)
    count = choice.count if choice.count is not None else count
    per_unit = each if choice.count is not None else None
    if unit.kind == "mass":
        return NetQuantity(total, None, count, per_unit, None, text[start : choice.end], labelled)
    return NetQuantity(None, total, count, None, per_unit, text[start : choice.end], labelled)

"""Net quantities ("250 gr", "isi 10 x 25 g") and sizes ("30 x 25 cm") in titles.

A price per 100 g is only fair when every seller's net quantity is read the same way. One
scanner finds each number with the word after it (an "atom") and looks the word up in
`units.yaml`; atoms joined by "x" make multipacks or, with lengths, sizes (never net content).
Offsets refer to the text as given (cut to MAX_TEXT_CHARS): normalize() full-width text first.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from .normalize import Unit, alternation, bounded, label_before, read_amount, text_data, unit_table

_SEP_RE = re.compile(r"\s{0,3}[x×X*@]\s{0,3}")


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


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    value: float
    unit: Unit | None  # None: a bare number ("isi 10", the 2 of "2 x 250 gr")
    lead: int | None  # start of a count label before it ("isi 10"), else None


@dataclass(frozen=True)
class _Net:
    start: int
    end: int
    per: _Atom  # the mass/volume atom
    count: int | None  # items in a multipack, None for a single quantity


@functools.lru_cache(maxsize=1)
def _atom_re() -> re.Pattern[str]:
    words = alternation(text_data()["number_words"])
    return re.compile(
        r"(?:(?<![\w.,/])|(?<=(?<![^\W\d_])[xX×]))"
        r"(?P<num>[0-9]{1,6}\s?/\s?[0-9]{1,6}(?![0-9/])"  # 1/2
        r"|[0-9]+(?:[.,][0-9]+)*(?:\s?[½¼¾])?|[½¼¾]"  # 1.000, 1,5, 1½, ½
        rf"|(?:{words})(?![^\W_]))"  # setengah
        r"(?:\s{0,2}(?P<unit>[^\W\d_]+))?",
        re.IGNORECASE,
    )


def _atoms(text: str) -> list[_Atom]:
    """Numbers not glued to a code ("A455L"; the x of "2x250g" is fine), with their unit."""
    skip = frozenset(str(s) for s in text_data()["not_quantities"])
    atoms: list[_Atom] = []
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
            atoms.append(_Atom(match.start(), end, value, unit, lead))
    return atoms


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


def find_quantities(text: str) -> list[Quantity]:
    """Every mass, volume and count in order ("isi 10" counts 10 pcs); lengths are sizes."""
    text = bounded(text)
    found: list[Quantity] = []
    for atom in _atoms(text):
        if atom.unit is not None and atom.unit.kind != "length":
            found.append(_quantity(text, atom, atom.start))
        elif atom.unit is None and atom.lead is not None:
            found.append(_quantity(text, atom, atom.lead))
    return found


def _packs(text: str, atoms: list[_Atom]) -> list[_Net]:
    """Multipacks: "2 x 250 gr", "isi 10 x 25 g", "250 gr x 2", "10 sachet @ 25 g"."""
    packs: list[_Net] = []
    for a, b in itertools.pairwise(atoms):
        if not _SEP_RE.fullmatch(text, a.end, b.start):
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


def _choose(text: str, atoms: list[_Atom]) -> tuple[_Net | None, int, bool]:
    """A labelled quantity first, then the first multipack, then the first single one."""
    packs = _packs(text, atoms)
    used = {pack.per for pack in packs}
    singles = [_Net(a.start, a.end, a, None) for a in atoms if _is_measure(a) and a not in used]
    nets = sorted([*packs, *singles], key=lambda n: n.start)
    framed = [(net, *_frame(text, net)) for net in nets]
    ranked = sorted(framed, key=lambda f: (not f[2], f[0].count is None))  # stable: by start
    return ranked[0] if ranked else (None, 0, False)


def _pack_count(text: str, atoms: list[_Atom]) -> tuple[int | None, int, int]:
    """Items from "isi 10" / "isi 20 bks" first, else from the first "10 pcs"-style count."""
    for atom in atoms:
        if atom.lead is not None and (items := _count_of(atom)):
            return items, atom.lead, atom.end
    for atom in atoms:
        if atom.unit is not None and (items := _count_of(atom)):
            return items, atom.start, atom.end
    return None, 0, 0


def _split(value: float | None, mass: bool) -> tuple[float | None, float | None]:
    """(grams, ml) for a value of the given kind."""
    return (value, None) if mass else (None, value)


def net_quantity(text: str) -> NetQuantity:
    """The net contents of the pack: "isi 10 x 25 g" -> 250 g in 10 items of 25 g.

    Of several, a labelled one ("Netto", "Berat bersih") wins, then the first multipack, then
    the first single mass or volume; sizes (lengths) never count. Never raises.
    """
    text = bounded(text)
    atoms = _atoms(text)
    choice, start, labelled = _choose(text, atoms)
    count, count_start, count_end = _pack_count(text, atoms)
    if choice is None:
        return NetQuantity(None, None, count, None, None, text[count_start:count_end], False)
    unit = choice.per.unit or unit_table()["g"]
    each = round(choice.per.value * unit.factor, 6)
    total = round(each * (choice.count or 1), 6)
    count = choice.count if choice.count is not None else count
    per_unit = each if choice.count is not None else None
    mass = unit.kind == "mass"
    span = text[start : choice.end]
    return NetQuantity(*_split(total, mass), count, *_split(per_unit, mass), span, labelled)


@functools.lru_cache(maxsize=1)
def _letters_re() -> re.Pattern[str]:
    """Letter sizes: "XL" anywhere, "S"/"M"/"L" only after a label ("ukuran M", "Size: L")."""
    letters, short, label = (
        alternation(text_data()[key])
        for key in ("letter_sizes", "letter_sizes_after_label", "size_labels")
    )
    return re.compile(
        rf"(?:(?<![^\W\d_])(?:{label})\.?\s{{0,2}}[:=]?\s{{0,2}}(?:{letters}|{short})"
        rf"|(?<![^\W_])(?:{letters}))(?![^\W_])",
        re.IGNORECASE,
    )


def _runs(text: str, atoms: list[_Atom]) -> list[list[_Atom]]:
    """Atoms joined by "x": "30 x 25 x 10 cm" is one run, a lone atom a run of one."""
    runs: list[list[_Atom]] = []
    for atom in atoms:
        if runs and _SEP_RE.fullmatch(text, runs[-1][-1].end, atom.start):
            runs[-1].append(atom)
        else:
            runs.append([atom])
    return runs


def _size_spans(text: str, atoms: list[_Atom]) -> list[tuple[int, int]]:
    spans = [m.span() for m in _letters_re().finditer(text)]
    for run in _runs(text, atoms):
        kinds = {atom.unit.kind if atom.unit else "bare" for atom in run}
        lead = label_before(text, run[0].start, "size_labels")
        # "3M" alone is a brand far more often than three metres
        tail = text[run[0].start : run[0].end]
        brand = len(run) == 1 and tail[-1].isupper() and not tail[-2:-1].isalpha()
        if kinds <= {"bare", "length"} and (lead is not None or ("length" in kinds and not brand)):
            spans.append((run[0].start if lead is None else lead, run[-1].end))
    return spans


def find_sizes(text: str) -> list[str]:
    """Sizes as written: "2 m x 1,15 m", "30x25x10 cm", "ukuran 40 cm", "size 42", "XL".

    Kept apart from net quantities so a rule can ask "is the size stated?" for crafts and
    clothes. A run holding a mass or volume ("2 x 250 gr", "ukuran 250 gr") is no size.
    """
    text = bounded(text)
    sizes: list[str] = []
    last_end = -1
    for start, end in sorted(_size_spans(text, _atoms(text)), key=lambda s: (s[0], -s[1])):
        if start >= last_end:
            sizes.append(text[start:end].strip())
            last_end = end
    return sizes

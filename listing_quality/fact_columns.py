"""Some facts of many listings as columns: the read every columnar step starts from.

Judging a 20,000-listing chunk reads some fifty facts of every listing (the rules) and
eighteen more (the model): a million dictionary look-ups into 20,000 dicts of a hundred
facts each, too many to stay in the processor's cache. Read fact by fact (a column at a
time) nearly every look-up misses the cache; read listing by listing, each dict is loaded
once and all its wanted facts are taken while it is there, then the rows are transposed.
That halves the cost and gives the very same values.

Facts that arrive as rows of values rather than dicts (a streamed run's spill file)
need no dicts at all: `FactTable` holds them as the columns they transpose into, and
every columnar step reads them as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from operator import itemgetter
from typing import Any


class FactTable:
    """The facts of n listings as one list per fact name (a missing fact is None).

    Stands where a sequence of fact dicts stands: `len`, and `table[i]` / iteration give
    each listing's facts as a fresh dict, for the few per-listing steps (a custom model,
    the model's explanation). Columnar steps read `get` / `column` instead, at no cost,
    and write a whole column with `set`. `take` selects listings without copying a
    column before it is read: a rubric's group reads a third of a hundred facts.
    """

    __slots__ = ("_columns", "_parent", "_pick", "_rows", "n")

    def __init__(self, columns: dict[str, list[Any]], n: int) -> None:
        for name, values in columns.items():
            if len(values) != n:
                raise ValueError(f"fact {name!r}: {len(values)} values for {n} listings")
        self._columns = columns
        self._parent: FactTable | None = None
        self._rows: Sequence[int] = ()
        self._pick: Callable[[Sequence[Any]], Any] = tuple  # (a taken table's own)
        self.n = n

    @classmethod
    def from_rows(cls, names: Sequence[str], rows: Sequence[Sequence[Any]]) -> FactTable:
        """Rows of values, each in `names` order, transposed."""
        if not rows:
            return cls({name: [] for name in names}, 0)
        return cls(dict(zip(names, map(list, zip(*rows, strict=True)), strict=True)),
                   len(rows))

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i: int) -> dict[str, Any]:
        row = {} if self._parent is None else self._parent[self._rows[i]]
        row.update((name, values[i]) for name, values in self._columns.items())
        return row

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (self[i] for i in range(self.n))

    def get(self, name: str, default: Any = None) -> Any:
        """The listings' values of one fact (a list callers must not change), or `default`
        when no listing has it."""
        found = self._columns.get(name)
        if found is None and self._parent is not None:
            whole = self._parent.get(name)
            if whole is not None:
                found = self._columns[name] = list(self._pick(whole))
        return default if found is None else found

    def column(self, name: str) -> list[Any]:
        """`get`, with None for every listing when none has the fact."""
        found = self.get(name)
        return [None] * self.n if found is None else found

    def set(self, name: str, values: Sequence[Any]) -> None:
        """Every listing's value of one fact, in listing order."""
        if len(values) != self.n:
            raise ValueError(f"fact {name!r}: {len(values)} values for {self.n} listings")
        self._columns[name] = list(values)

    def take(self, rows: Sequence[int]) -> FactTable:
        """The listings at `rows`, in that order (itself when that is every listing)."""
        if len(rows) == self.n and all(i == k for k, i in enumerate(rows)):
            return self
        taken = FactTable({}, len(rows))
        taken._parent, taken._rows = self, rows
        if len(rows) > 1:  # in C; itemgetter of one index gives the item, not a tuple
            taken._pick = itemgetter(*rows)
        else:
            taken._pick = lambda values: tuple(values[i] for i in rows)
        return taken


Facts = Sequence[Mapping[str, Any]] | FactTable
"""Many listings' facts: one dict per listing, or a `FactTable`."""


def fact_columns(facts: Facts, names: Sequence[str]) -> dict[str, list[Any]]:
    """`{name: [row.get(name) for row in facts] for name in names}` (a missing fact is
    None), read row by row; a `FactTable`'s own columns as they are."""
    names = list(dict.fromkeys(names))
    if isinstance(facts, FactTable):
        return {name: facts.column(name) for name in names}
    if not facts or not names:
        return {name: [None] * len(facts) for name in names}
    rows = [tuple(map(row.get, names)) for row in facts]
    return dict(zip(names, map(list, zip(*rows, strict=True)), strict=True))

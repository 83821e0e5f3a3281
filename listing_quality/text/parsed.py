"""One text, parsed once: its number atoms, net quantity, quantities and sizes, on demand.

A listing's title is read by the title measure (slots), the packaging consistency check and
the price measure; its description and pack label by packaging twice over. Each of them
used to scan the same text again. A `Parsed` belongs to one listing's measurement and is
dropped with it, so nothing here grows with the catalog (no cache keyed by text).
"""

from __future__ import annotations

import functools
import re

from .atoms import NUMBER_WORDS, Atom, number_word_group, read_atoms, scan, suffix_atoms
from .cues import Cues
from .normalize import bounded
from .quantities import NetQuantity, Quantity, find_quantities, first_quantity_text, net_quantity
from .sizes import SIZE_WORDS, find_sizes, size_word_group
from .trie import trie_regex


@functools.lru_cache(maxsize=1)
def word_starts() -> re.Pattern[str]:
    """A letter run that starts with a number word or a size word (the word groups
    `atoms.number_word_group` and `sizes.size_word_group`), searched in " " + a text's
    `letters` (see `Parsed.know_letters`): there a space stands before every letter run,
    and only there before a letter, so the literal space lets `re` skip to run starts."""
    return re.compile(f" (?:{trie_regex((*number_word_group()[1], *size_word_group()[1]))})")


class Parsed:
    """A (normalised) text and what the measures read from it, each computed on first use.

    Every reading equals the plain function on `text` (`net_quantity(text)`, ...); this
    class only makes sure the number scan under them runs once per text.
    """

    __slots__ = ("_atoms", "_cues", "_net", "_outer", "_quantities", "_sizes", "_wordless",
                 "text")

    def __init__(self, text: str) -> None:
        self.text = bounded(text)
        self._cues: Cues | None = None
        self._outer: tuple[Parsed, int] | None = None
        self._atoms: tuple[Atom, ...] | None = None
        self._net: NetQuantity | None = None
        self._quantities: list[Quantity] | None = None
        self._sizes: list[str] | None = None
        # not None when no letter run starts a number or size word (`know_letters`): then
        # whether the text holds a digit (one slot for both: every text makes a Parsed)
        self._wordless: bool | None = None

    def __repr__(self) -> str:
        return f"Parsed({self.text!r})"

    def within(self, outer: Parsed, offset: int) -> None:
        """This text is `outer.text[offset:]` (a description in its label text): read its
        atoms off `outer`'s where that is certain (`atoms.suffix_atoms`), not scan again."""
        if outer.text[offset:] == self.text:
            self._outer = (outer, offset)

    def share(self, cues: Cues) -> None:
        """The cue scan of this very text (a label's, whose plan holds the word groups
        `atoms.number_word_group` and `sizes.size_word_group`): the atom scan and the size
        search take their word places from it instead of each scanning the text again."""
        if cues.text == self.text:
            self._cues = cues

    def know_letters(self, letters: str, digits: bool) -> None:
        """What a caller read off this very text, printable ASCII (a title's annotation):
        `letters`, the text lower-cased with every character but a letter a space, and
        whether it holds a digit.

        A number word starts a letter run ("dua", or "xdua", "isidua" glued to its count),
        and so does a letter size or size label (`size_word_group`): when no run starts
        with one (most titles, one search in C), the atom scan needs no number-word test
        and the size search no size-word places; and with no digit either, a text holds
        no atom at all (the digits-only scan starts at a digit) and so no size.
        """
        if (self._cues is None and len(letters) == len(self.text) and self.text.isascii()
                and word_starts().search(" " + letters) is None):
            self._wordless = digits

    def _number_words(self) -> bool | None:
        """Whether a number word may start an atom, as the shared cues or the letter runs
        tell (`know_letters`); None: unknown."""
        if self._wordless is not None:
            return False
        places = None if self._cues is None else self._cues.places(NUMBER_WORDS)
        return None if places is None else bool(places)

    @property
    def atoms(self) -> tuple[Atom, ...]:
        """Every number with its unit: the one scan quantities and sizes share."""
        if self._atoms is None:
            read = None
            if self._outer is not None:
                outer, offset = self._outer
                read = suffix_atoms(outer.text, outer.atoms, offset, outer._number_words())
            if read is None and self._wordless is False:
                read = ()  # no digit and no number word: nothing to scan for
            if read is None:
                known = self._number_words()
                read = scan(self.text) if known is None else read_atoms(self.text, known)
            self._atoms = read
        return self._atoms

    @property
    def net(self) -> NetQuantity:
        """`net_quantity(text)`."""
        if self._net is None:
            self._net = net_quantity(self.text, self.atoms)
        return self._net

    @property
    def quantities(self) -> list[Quantity]:
        """`find_quantities(text)`; callers must not mutate the list."""
        if self._quantities is None:
            self._quantities = find_quantities(self.text, self.atoms)
        return self._quantities

    def first_quantity(self, kinds: tuple[str, ...]) -> str | None:
        """The text of the first of `quantities` of one of `kinds` (`first_quantity_text`)."""
        if self._quantities is not None:
            return next((q.text for q in self._quantities if q.kind in kinds), None)
        return first_quantity_text(self.text, self.atoms, kinds)

    @property
    def sizes(self) -> list[str]:
        """`find_sizes(text)`; callers must not mutate the list."""
        if self._sizes is None:
            if self._wordless is False:
                self._sizes = []  # no atom and no size word (`know_letters`): no size
                return self._sizes
            places = [] if self._wordless is not None else (
                None if self._cues is None else self._cues.places(SIZE_WORDS))
            self._sizes = find_sizes(self.text, self.atoms, places)
        return self._sizes

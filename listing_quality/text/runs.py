"""Runs of one ASCII character class, cut out in C: the words of an ASCII text, found fast.

`re.findall(r"[A-Za-z0-9]+", text)` costs a regex search per word (about a microsecond on a
title, most of it setting up each search), and a title is split into words several times
over: its words, its letter runs, its word-character runs. On ASCII text the same runs come
from mapping every byte outside the class to a space and splitting on blanks: four C calls
and no search, about a third of the cost. Other text is left to the regex (None here).
"""

from __future__ import annotations

import re
import string


def _table(kept: str) -> bytes:
    """A `bytes.translate` table keeping the bytes of `kept` and turning the rest to spaces."""
    return bytes(code if chr(code) in kept else 0x20 for code in range(256))


ALNUM = _table(string.ascii_letters + string.digits)  # `[^\W_]` on ASCII text
LETTERS = _table(string.ascii_letters)  # `[^\W\d_]` on ASCII text
WORD = _table(string.ascii_letters + string.digits + "_")  # `\w` on ASCII text


def ascii_runs(text: str, table: bytes) -> list[str] | None:
    """The maximal runs of the characters `table` keeps (`ALNUM`, `LETTERS`, `WORD`), in
    order, as `re.findall` of that class repeated finds them; None unless `text` is ASCII.

    Exact: the kept characters are no blanks, and every other one becomes a space, so the
    blanks `split` cuts at are exactly the gaps between runs.
    """
    if not text.isascii():
        return None
    return text.encode("ascii").translate(table).decode("ascii").split()


def _kinds() -> bytes:
    """Each byte as its `ascii_kinds` kind, read off the regex classes themselves."""
    kinds = [("A", re.compile("[A-Z]")), ("a", re.compile("[a-z]")), ("0", re.compile("[0-9]")),
             ("_", re.compile(r"\w")), (" ", re.compile(r"\s"))]
    return bytes(ord(next((kind for kind, one in kinds if one.fullmatch(chr(code))), "#"))
                 for code in range(256))


KINDS = _kinds()


def ascii_kinds(text: str) -> bytes | None:
    """`text` with each character replaced by its kind: "A" a capital, "a" a small letter,
    "0" a digit, "_" the other word character, " " a blank (`\\s`), "#" a symbol
    (`[^\\w\\s]`); None unless `text` is ASCII.

    A title is asked several questions about its shape: does it hold four capitals in a
    row (`[A-Z]{4}`), two symbols side by side (`[^\\w\\s]{2}`)? Each was a regex search
    trying every position; on the kinds each is one substring test (b"AAAA", b"##"), and
    the kinds themselves are one `bytes.translate`, all in C.
    """
    if not text.isascii():
        return None
    return text.encode("ascii").translate(KINDS)


def ascii_class(char_class: str) -> str:
    """The ASCII characters that the one-character regex `char_class` matches (as `re` reads
    it on str, Unicode rules), written out as a plain class: a regex built of these matches
    ASCII text exactly as the general one does, from a bitmap instead of the character
    database. (Python's `\\s` holds \\x1c-\\x1f, which `re.ASCII` would drop.)"""
    one = re.compile(char_class)
    chars = [chr(code) for code in range(128) if one.fullmatch(chr(code))]
    return "[" + "".join(re.escape(c) if c in "\\]^-[" else c for c in chars) + "]"

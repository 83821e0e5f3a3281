"""A word alternation as a character trie: one branch tried per character, not per word.

A flat alternation of a few hundred words is tried word by word at every place `re`
stops; the trie tries one branch per character. `cues` builds its one-pass scan with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_regex(words: Iterable[str]) -> str:
    """An alternation of `words` as a character trie, longest match first at each place."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict[str, dict]) -> str:
    ends = "" in node
    options = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not options:
        return ""
    body = options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"
    return f"(?:{body})?" if ends else body

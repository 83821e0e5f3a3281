"""A listing's texts, normalised and parsed once for all the measures that read them.

Title, packaging and price all read the title; packaging reads the description and the
pack label (alone, for the consistency check, and joined with the title, for label
facts); price reads the same net quantity as packaging. `extract` makes one `ListingTexts`
per listing and hands it to each measure, so each text is normalised and scanned once.
It lives as long as one listing's measurement: nothing is cached across listings.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..text.normalize import is_missing, normalize
from ..text.parsed import Parsed
from ..types import Listing

MAX_LABEL_TEXT = 20_000


def attribute(listing: Listing, key: str) -> str:
    """An explicit attribute as normalised text; "" when absent, NaN or unprintable."""
    attrs = listing.attributes
    if type(attrs) is not dict and not isinstance(attrs, Mapping):  # (the ABC check is slow)
        attrs = {}
    value = attrs.get(key)
    if value is None:  # (most listings carry none of the four asked for: no call more)
        return ""
    return "" if is_missing(value) else normalize(value)


def label_text(listing: Listing, pack: str | None = None) -> str:
    """Title, description and pack-label text together: sellers put label facts in any.

    `pack`: the listing's normalised `label_text` attribute, when the caller has it.
    """
    pack = attribute(listing, "label_text") if pack is None else pack
    return normalize(f"{listing.title}\n{listing.description}\n{pack}")[:MAX_LABEL_TEXT]


class ListingTexts:
    """The texts of one listing, each normalised and parsed on first use, then kept.

    Plain lazy attributes rather than `functools.cached_property`, which takes a lock on
    every first access (Python 3.11) and cost more than normalising a short title.
    """

    __slots__ = ("_brand", "_description", "_label", "_pack_label", "_title", "listing")

    def __init__(self, listing: Listing) -> None:
        self.listing = listing
        self._title: Parsed | None = None
        self._brand: str | None = None
        self._description: Parsed | None = None
        self._pack_label: Parsed | None = None
        self._label: Parsed | None = None

    @property
    def title(self) -> Parsed:
        if self._title is None:
            self._title = Parsed(normalize(self.listing.title))
        return self._title

    @property
    def brand(self) -> str:
        if self._brand is None:
            self._brand = normalize(self.listing.brand)
        return self._brand

    @property
    def description(self) -> Parsed:
        if self._description is None:
            self._description = Parsed(normalize(self.listing.description))
        return self._description

    @property
    def pack_label(self) -> Parsed:
        """The text read off the pack (`label_text` attribute) alone."""
        if self._pack_label is None:
            self._pack_label = Parsed(attribute(self.listing, "label_text"))
        return self._pack_label

    @property
    def label(self) -> Parsed:
        """Title, description and pack label joined: where label facts are looked for."""
        if self._label is None:
            joined = self._joined()
            self._label = Parsed(label_text(self.listing, self.pack_label.text)
                                 if joined is None else joined)
            if joined and self.title.text and self.description.text and not self.pack_label.text:
                # the label ends with the description: its numbers are read off the label's
                self.description.within(self._label, len(self.title.text) + 1)
        return self._label

    def _joined(self) -> str | None:
        """`label_text` from the texts already normalised, or None when it may differ.

        Normalising is per character except for blanks, which it collapses and strips, so
        normalising "title\ndescription\npack" equals joining the normalised parts with
        one space; not so for a missing title ("None" in the f-string) or a text long
        enough to be cut.
        """
        title, description = self.listing.title, self.listing.description
        if type(title) is not str or type(description) is not str:
            return None
        pack = self.pack_label.text
        if len(title) + len(description) + len(pack) + 2 > MAX_LABEL_TEXT:
            return None
        parts = (self.title.text, self.description.text, normalize(pack) if pack else "")
        joined = " ".join(part for part in parts if part)
        return joined if len(joined) <= MAX_LABEL_TEXT else None

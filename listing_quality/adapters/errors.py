"""The adapters' two whole-input errors, apart so every adapter module can raise them."""

from __future__ import annotations


class AdapterError(ValueError):
    """A whole-input problem: unreadable file, no title column, unknown format."""


class SourceError(AdapterError):
    """A bad `source=` or `columns=` argument (a usage/config error, exit code 2)."""

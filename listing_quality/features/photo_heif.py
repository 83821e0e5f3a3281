"""HEIC/HEIF support through the optional `pillow-heif` extra (`pip install .[heif]`).

Phones shoot HEIC by default, so sellers upload it. Without the extra a HEIC file is
simply "not a readable image" (a finding on that photo), never a crash; with it, Pillow
opens HEIC like any other format.
"""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def register_heif() -> bool:
    """Register the HEIF opener once per process; True when HEIC can be read."""
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        return False
    register_heif_opener()
    return True

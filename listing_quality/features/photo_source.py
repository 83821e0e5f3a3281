"""Find a photo's file safely: inside `images_root`, never by following a path out of it.

A catalog is untrusted input. A photo path like `../../etc/passwd`, an absolute path, or a
symlink leading out of the images folder must not be opened, and a URL must not be
fetched unless the caller asked for network access. Each refusal is a reason string that
becomes a finding on that photo.
"""

from __future__ import annotations

import os
from pathlib import Path

URL_PREFIXES = ("http://", "https://", "ftp://", "file:", "data:")


def resolve(ref: str, root: Path | None, allow_network: bool) -> tuple[Path | None, str | None]:
    """Return (path, None) when `ref` may be opened, else (None, reason)."""
    ref = (ref or "").strip()
    if not ref:
        return None, "empty photo reference"
    if ref.lower().startswith(URL_PREFIXES):
        if not allow_network:
            return None, "URL not fetched: network access is off (allow_network=False)"
        return None, "URL photos are not supported yet"
    if "\x00" in ref:
        return None, "photo path contains a NUL byte"
    base = (root or Path.cwd()).resolve()
    candidate = Path(ref)
    if candidate.is_absolute() or candidate.drive:
        return None, f"absolute path refused: photos must be relative to {base}"
    if ".." in candidate.parts:
        return None, "path with '..' refused: photos must stay inside the images folder"
    try:
        real = Path(os.path.realpath(base / candidate))
    except (OSError, ValueError) as exc:
        return None, f"cannot resolve path: {exc}"
    if real != base and base not in real.parents:
        return None, "path leads outside the images folder (symlink?): refused"
    return real, None

"""Find a photo's file safely: inside `images_root`, never by following a path out of it.

A catalog is untrusted input. A photo path like `../../etc/passwd`, an absolute path, or a
symlink leading out of the images folder must not be opened, and a URL must not be
fetched unless the caller asked for network access. Each refusal is a reason string that
becomes a finding on that photo.

It sits at the bottom layer (standard library only, beside `types`) because both the
measuring code (`features/photos.py`) and a renderer (`report/thumbs.py`, for HTML
thumbnails) must open photos the same confined way.
"""

from __future__ import annotations

import os
import urllib.request
from pathlib import Path

URL_PREFIXES = ("http://", "https://", "ftp://", "file:", "data:")
FETCHABLE = ("http://", "https://")
FETCH_TIMEOUT_S = 10.0
FETCH_MAX_BYTES = 20 * 1024 * 1024  # a product photo larger than this is not a photo


class FetchError(Exception):
    """A photo URL that could not be fetched within the time and size limits."""


def is_url(ref: str) -> bool:
    return (ref or "").strip().lower().startswith(URL_PREFIXES)


def fetch(url: str, timeout: float = FETCH_TIMEOUT_S, max_bytes: int = FETCH_MAX_BYTES) -> bytes:
    """Download a photo, refusing anything slower than `timeout` or larger than `max_bytes`.

    Only called when the caller passed allow_network=True. The size is checked against
    Content-Length first and enforced while reading, so a lying server cannot stream more.
    """
    request = urllib.request.Request(url.strip(), headers={"User-Agent": "listing-quality"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            declared = int(response.headers.get("Content-Length") or 0)
            if declared > max_bytes:
                raise FetchError(f"photo URL is {declared // 2**20} MB, over the size cap")
            data = response.read(max_bytes + 1)
    except FetchError:
        raise
    except (OSError, ValueError) as exc:  # URLError, timeouts and HTTP errors are OSErrors
        raise FetchError(f"photo URL not fetched ({type(exc).__name__})") from exc
    if len(data) > max_bytes:
        raise FetchError(f"photo URL is over the {max_bytes // 2**20} MB size cap")
    return data


def resolve(ref: str, root: Path | None, allow_network: bool) -> tuple[Path | None, str | None]:
    """Return (path, None) when `ref` may be opened, else (None, reason).

    (None, None) means an http(s) URL that network access allows: fetch it with `fetch`.
    """
    ref = (ref or "").strip()
    if not ref:
        return None, "empty photo reference"
    if ref.lower().startswith(URL_PREFIXES):
        if not allow_network:
            return None, "URL not fetched: network access is off (allow_network=False)"
        if not ref.lower().startswith(FETCHABLE):
            return None, "only http(s) photo URLs are fetched"
        return None, None  # the caller fetches it with `fetch`
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

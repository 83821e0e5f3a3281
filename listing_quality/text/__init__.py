"""Indonesian text tools: normalise titles, read net quantities, sizes and rupiah prices.

Everything here is a pure function of its input (plus the package's own data files), never
raises on odd text, and looks at no more than MAX_TEXT_CHARS characters.
"""

from .normalize import MAX_TEXT_CHARS, fold, normalize, tokens
from .quantities import NetQuantity, Quantity, find_quantities, find_sizes, net_quantity
from .rupiah import RupiahParse, parse_rupiah

__all__ = [
    "MAX_TEXT_CHARS",
    "NetQuantity",
    "Quantity",
    "RupiahParse",
    "find_quantities",
    "find_sizes",
    "fold",
    "net_quantity",
    "normalize",
    "parse_rupiah",
    "tokens",
]

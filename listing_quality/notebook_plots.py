"""Three charts a curator asks for first, each returned as a matplotlib Figure.

matplotlib is an optional extra (`notebook`) and is imported inside each function, so
importing the library never pays for it. The charts only draw numbers the library has
already computed: the score table (`score_frame`), the findings table
(`findings_frame`), and the catalog's price-peer features (`catalog.price_peers`: the
listing's price, its peer group's median and 80% range). They use matplotlib's
object-oriented API (`Figure`, not pyplot), so no global figure state is left behind and
they work under the Agg backend in tests.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

DIMENSION_COLUMNS = (("overall", "overall"), ("score_title", "title"),
                     ("score_photos", "photos"), ("score_packaging", "packaging"),
                     ("score_price", "price"))


@functools.lru_cache(maxsize=1)
def _plots() -> dict[str, Any]:
    path = Path(__file__).with_name("notebook.yaml")
    return dict(yaml.safe_load(path.read_text("utf-8"))["plots"])


def _figure(height: float) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(float(_plots()["figure_width"]), height), layout="constrained")


def plot_scores(scores: pd.DataFrame) -> Any:
    """One histogram per dimension (and the overall), 0-100; empty dimensions say so."""
    fig = _figure(2.8)
    axes = fig.subplots(1, len(DIMENSION_COLUMNS), sharey=True)
    bins = [i * 100 / int(_plots()["score_bins"]) for i in range(int(_plots()["score_bins"]) + 1)]
    for ax, (column, name) in zip(axes, DIMENSION_COLUMNS, strict=True):
        values = pd.to_numeric(scores.get(column, pd.Series(dtype=float)), errors="coerce")
        values = values.dropna()
        if len(values):
            ax.hist(values, bins=bins, color="#1b7f3b", edgecolor="white")
        else:
            ax.text(0.5, 0.5, "-", ha="center", va="center", transform=ax.transAxes)
        ax.set_title(f"{name} (n={len(values)})")
        ax.set_xlim(0, 100)
    axes[0].set_ylabel("listings")
    fig.suptitle("Score distribution per dimension")
    return fig


def plot_findings(findings: pd.DataFrame, top: int | None = None) -> Any:
    """Horizontal bars: how many listings each code hit, most frequent on top."""
    top = int(top or _plots()["top_findings"])
    if len(findings):
        labels = findings["code"].astype(str) + " " + findings["name"].astype(str)
        counts = labels.groupby(findings["id"].astype(str)).unique().explode().value_counts()
        counts = counts.head(top).iloc[::-1]
    else:
        counts = pd.Series(dtype=int)
    fig = _figure(0.6 + 0.3 * max(len(counts), 1))
    ax = fig.subplots()
    if len(counts):
        ax.barh(list(counts.index), list(counts.values), color="#b26a00")
    else:
        ax.text(0.5, 0.5, "no findings", ha="center", va="center", transform=ax.transAxes)
    ax.set_xlabel("listings with this finding")
    ax.set_title(f"Most frequent findings (top {top})")
    return fig


def plot_price_peers(results: Sequence[Any]) -> Any:
    """Each listing's price against its peer group's median (log-log), with the group's
    80% range; points far from the diagonal are the ones the price rules question."""
    points = [_peer_point(r) for r in results]
    points = [p for p in points if p is not None]
    fig = _figure(5.0)
    ax = fig.subplots()
    if points:
        median = [p["median"] for p in points]
        price = [p["value"] for p in points]
        spread = [[max(0.0, p["median"] - p["low"]) for p in points],
                  [max(0.0, p["high"] - p["median"]) for p in points]]
        ax.errorbar(median, price, xerr=spread, fmt="o", ms=4, alpha=0.7, color="#1b7f3b",
                    ecolor="#bbbbbb", elinewidth=1)
        edge = [min(min(median), min(price)), max(max(median), max(price))]
        ax.plot(edge, edge, ls="--", color="#b3261e", lw=1, label="price = peer median")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.legend(loc="upper left")
    else:
        ax.text(0.5, 0.5, "no listing has enough price peers", ha="center", va="center",
                transform=ax.transAxes)
    ax.set_xlabel("peer median price (IDR)")
    ax.set_ylabel("listing price (IDR)")
    ax.set_title(f"Price vs peers ({len(points)} listings with peers)")
    return fig


def _peer_point(result: Any) -> Mapping[str, float] | None:
    """The listing's peer record when its group is big enough and every number is there."""
    features = getattr(result, "features", None) or {}
    record = features.get("catalog.price_peers")
    if not isinstance(record, Mapping):
        return None
    keys = ("value", "median", "low", "high")
    numbers = {k: record.get(k) for k in keys}
    if any(not isinstance(v, (int, float)) or not v > 0 for v in numbers.values()):
        return None
    if int(record.get("n") or 0) < int(_plots()["min_peers"]):
        return None
    return {k: float(v) for k, v in numbers.items()}

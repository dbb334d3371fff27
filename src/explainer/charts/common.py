"""Pieces every chart shares: the schema id, titles with captions, clock axes, wrappers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import altair as alt
import pandas as pd

CHART_WIDTH = 640
ROW_HEIGHT = 24
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"  # an identifier; never fetched

#: Hours after midnight as hh:mm on a 24-hour clock (25.25 → "01:15"), for axis labels.
CLOCK_LABEL = (
    "format(floor(datum.value + 0.0001) % 24, '02') + ':' + "
    "format(round(datum.value * 60) % 60, '02')"
)


def wrap(text: str, width: int = 90) -> list[str]:
    """Wrap a caption into lines (Vega-Lite does not wrap); Chinese wraps by characters."""
    words = text.split(" ")
    if len(words) < 4:
        step = width // 2
        return [text[i : i + step] for i in range(0, len(text), step)]
    lines, line = [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def title(text: str, subtitle: list[str]) -> dict[str, Any]:
    """A chart title with its caption as the subtitle, left-aligned and large."""
    return {
        "text": text,
        "subtitle": subtitle,
        "anchor": "start",
        "fontSize": 18,
        "subtitleFontSize": 12,
    }


def category_colour(field: str, colours: Mapping[str, str], **legend: Any) -> dict[str, Any]:
    """Colour by a category: ``colours`` maps each label, in the order shown, to its fixed
    colour; the legend sits untitled under the chart."""
    return {
        "field": field,
        "type": "nominal",
        "scale": {"domain": list(colours), "range": list(colours.values())},
        "legend": {"title": None, "orient": "bottom", **legend},
    }


def records(frame: pd.DataFrame, columns: list[str]) -> list[dict[str, Any]]:
    """Rows as plain dictionaries, for inline Vega-Lite data (much faster than Altair's path)."""
    return [dict(zip(columns, row, strict=True)) for row in frame[columns].itertuples(index=False)]


def as_chart(spec: dict[str, Any]) -> alt.TopLevelMixin:
    """A Vega-Lite dictionary as an Altair chart (for notebooks, saving and exports)."""
    for key, kind in (
        ("layer", alt.LayerChart),
        ("hconcat", alt.HConcatChart),
        ("vconcat", alt.VConcatChart),
    ):
        if key in spec:
            return kind.from_dict(spec, validate=False)
    return alt.Chart.from_dict(spec, validate=False)


_TOP_LEVEL = ("$schema", "title", "description", "width", "height", "config", "resolve")


def _views(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """A chart's layers, each carrying its own data (single-view charts are one layer)."""
    if "layer" not in spec:
        return [{k: v for k, v in spec.items() if k not in _TOP_LEVEL}]
    shared = {k: spec[k] for k in ("data", "transform") if k in spec}
    return [{**shared, **layer} for layer in spec["layer"]]


def _fade(view: dict[str, Any], opacity: float) -> dict[str, Any]:
    """A copy of a view drawn faint, behind, without its own axes, legends or scales."""
    if "layer" in view:
        shared = {k: view[k] for k in ("data", "transform") if k in view}
        return {"layer": [_fade({**shared, **layer}, opacity) for layer in view["layer"]]}
    faded = dict(view)
    mark = view.get("mark", {})
    faded["mark"] = {**(mark if isinstance(mark, dict) else {"type": mark}), "opacity": opacity}
    encoding = {}
    for channel, enc in view.get("encoding", {}).items():
        if channel in ("opacity", "tooltip"):
            continue
        if isinstance(enc, dict):
            enc = {k: v for k, v in enc.items() if k not in ("scale", "axis", "sort", "legend")}
            if channel in ("x", "y", "x2", "y2"):
                enc.pop("title", None)
        encoding[channel] = enc
    faded["encoding"] = encoding
    return faded


def overlay(
    current: dict[str, Any], pinned: dict[str, Any], opacity: float = 0.25
) -> dict[str, Any]:
    """Draw ``current`` over a faint copy of ``pinned`` (scenario A behind scenario B)."""
    out = {k: current[k] for k in _TOP_LEVEL if k in current}
    out["layer"] = [_fade(v, opacity) for v in _views(pinned)] + _views(current)
    return out

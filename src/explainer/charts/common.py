"""Pieces every chart shares: the schema id, titles with captions, clock axes, wrappers."""

from __future__ import annotations

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

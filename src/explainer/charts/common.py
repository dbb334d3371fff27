"""Pieces every chart shares: the schema id, titles with captions, encodings, labelled rules,
text layers, clock axes, wrappers."""

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


def wrap(text: str, width: int = 52) -> list[str]:
    """Wrap a caption into lines (Vega-Lite does not wrap); Chinese wraps by characters.

    52 Latin (26 Chinese) characters of 12 px type fit a 360 px phone (see ``responsive``).
    """
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


def chart(
    heading: str, subtitle: list[str], description: str, width: int, height: int, **body: Any
) -> dict[str, Any]:
    """A whole chart: schema, title with caption, screen-reader description, size, then the
    body (``layer=[...]``, or ``data``/``mark``/``encoding`` for a single view)."""
    return {
        "$schema": SCHEMA,
        "title": title(heading, subtitle),
        "description": description,
        "width": width,
        "height": height,
        **body,
    }


def quant(field: str, **extra: Any) -> dict[str, Any]:
    """A quantitative field encoding (``title``, ``scale``, ``axis`` … as keywords)."""
    return {"field": field, "type": "quantitative", **extra}


def nominal(field: str, **extra: Any) -> dict[str, Any]:
    """A nominal field encoding (``title``, ``sort``, ``legend`` … as keywords)."""
    return {"field": field, "type": "nominal", **extra}


#: Opacity read from each row's ``opacity`` column as it is (no scale, no legend).
OPACITY_FIELD = quant("opacity", scale=None)
#: Rows flagged ``faded`` (the status quo behind a reform) drawn faint.
FADED_OPACITY = {"condition": {"test": "datum.faded", "value": 0.3}, "value": 1}


def category(field: str, values: Mapping[str, Any], **legend: Any) -> dict[str, Any]:
    """Encode a category with fixed values (colours, dashes): ``values`` maps each label, in
    the order shown, to its value; the legend sits untitled under the chart."""
    return nominal(
        field,
        scale={"domain": list(values), "range": list(values.values())},
        legend={"title": None, "orient": "bottom", **legend},
    )


#: Colour by a category: ``colours`` maps each label, in the order shown, to its colour.
category_colour = category


def text_layer(encoding: dict[str, Any], text: str = "text", **style: Any) -> dict[str, Any]:
    """A layer of labels: ``encoding`` places them, ``text`` names the field they show,
    ``style`` is the text mark's (align, dx, dy, fontSize …)."""
    return {"mark": {"type": "text", **style}, "encoding": {**encoding, "text": nominal(text)}}


def labelled_rule(
    marks: list[dict[str, Any]],
    field: str,
    dash: list[int],
    opacity: Any = None,
    *,
    channel: str = "x",
    label_at: dict[str, Any] | None = None,
    labelled: bool = True,
) -> dict[str, Any]:
    """A dashed rule at each mark's ``field`` (vertical for ``channel="x"``, horizontal for
    ``"y"``), labelled with the mark's ``text`` at ``label_at`` on the other axis (the top or
    left edge by default), faded by ``opacity`` when given."""
    at = {channel: quant(field)}
    faded = {} if opacity is None else {"opacity": opacity}
    other = "y" if channel == "x" else "x"
    layers = [
        {"mark": {"type": "rule", "strokeDash": dash, "color": "#333"}, "encoding": at | faded}
    ]
    if labelled:
        place = {**at, other: label_at or {"value": 0}}
        label = text_layer(place, align="left", dx=4, dy=-6, fontSize=12)
        label["encoding"].update(faded)
        layers.append(label)
    return {"data": {"values": marks}, "layer": layers}


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


#: Longest caption line, in characters, once a chart fits its container: short enough for a
#: 360 px phone at 12 px type (Chinese characters are about twice as wide as Latin letters).
NARROW_CAPTION = {"en": 52, "zh": 26}


def responsive(spec: dict[str, Any], lang: str) -> dict[str, Any]:
    """A copy of ``spec`` as wide as its container (phone to projector), same height.

    Vega-Lite's ``width: "container"`` with ``autosize: fit-x`` and ``contains: padding``
    makes the whole chart, axes and legend included, fit the width of the element that
    holds it, and follow it when the window is resized (Vega-Lite docs, "Responsive
    Width and Height"). The caption is re-wrapped short so that it never widens the chart.
    Single and layered views only (container width does not apply to concatenations).
    """
    if any(key in spec for key in ("hconcat", "vconcat", "concat", "facet", "repeat")):
        return spec
    out = dict(spec)
    out["width"] = "container"
    out["autosize"] = {"type": "fit-x", "contains": "padding", "resize": True}
    # Two legends under a chart sit side by side, wider than a phone: the first channel's
    # legend goes under the chart, any other above it.
    channels = list(dict.fromkeys(_legend_channels(out)))
    places = {channel: "bottom" if i == 0 else "top" for i, channel in enumerate(channels)}
    if "layer" in out:
        out["layer"] = [_narrow_legends(layer, places) for layer in out["layer"]]
    if "encoding" in out:
        out["encoding"] = _narrow_legends({"encoding": out["encoding"]}, places)["encoding"]
    heading = out.get("title")
    if isinstance(heading, dict) and heading.get("subtitle"):
        lines = heading["subtitle"]
        lines = [lines] if isinstance(lines, str) else list(lines)
        limit = NARROW_CAPTION["zh" if lang == "zh" else "en"]
        narrow = [part for line in lines for part in _rewrap(line, limit, lang)]
        out["title"] = {**heading, "subtitle": narrow}
    return out


def _rewrap(line: str, limit: int, lang: str) -> list[str]:
    """One caption line as lines at most ``limit`` Latin characters wide (a Chinese character
    counts two), broken at a space when the line has one, else anywhere."""
    units = limit * 2 if lang == "zh" else limit

    def width(text: str) -> int:
        return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)

    lines: list[str] = []
    current, used = "", 0  # used == width(current), kept as a running sum (was O(n^2))
    for ch in line:
        wide = width(ch)
        if used + wide > units:
            cut = current.rfind(" ")
            if cut > 0:
                lines.append(current[:cut])
                current = current[cut + 1 :]
                used = width(current)
            else:
                lines.append(current)
                current, used = "", 0
        current += ch
        used += wide
    current = current.rstrip()
    return [*lines, current] if current else lines


#: Below this container width (px) a legend is one column of shorter labels (phones).
NARROW_PX = 640


def _legend_channels(view: dict[str, Any]) -> list[str]:
    """The channels that draw a legend, in the order they first appear (layers included)."""
    found = []
    for layer in view.get("layer", []):
        found += _legend_channels(layer)
    for channel, enc in (view.get("encoding") or {}).items():
        if isinstance(enc, dict) and isinstance(enc.get("legend"), dict):
            found.append(channel)
    return found


def _narrow_legends(view: dict[str, Any], places: dict[str, str]) -> dict[str, Any]:
    """A copy of a view whose legends sit under the chart, one column on a phone.

    A legend keeps its own width however narrow the chart: a row of entries, or a legend on
    the right, would be wider than a phone. ``containerSize()`` is the Vega expression for
    the embedding element's size, so the same spec suits every screen.
    """
    if "layer" in view:
        return {**view, "layer": [_narrow_legends(layer, places) for layer in view["layer"]]}
    encoding = view.get("encoding")
    if not isinstance(encoding, dict):
        return view
    changed = {}
    for channel, enc in encoding.items():
        legend = enc.get("legend") if isinstance(enc, dict) else None
        if not isinstance(legend, dict):
            changed[channel] = enc
            continue
        wide_columns = legend.get("columns", 4)
        wide_limit = legend.get("labelLimit", 260)
        # ``0 * width`` makes Vega re-evaluate the test whenever the chart's width changes
        # (``containerSize()`` alone is read once, when the chart is built, and a chart
        # updated in place, explainer.charts.live, is not built again).
        narrow = f"containerSize()[0] + 0 * width < {NARROW_PX}"
        changed[channel] = {
            **enc,
            "legend": {
                **legend,
                "orient": places.get(channel, "bottom"),
                "columns": {"expr": f"{narrow} ? 1 : {wide_columns}"},
                "labelLimit": {"expr": f"{narrow} ? 240 : {wide_limit}"},
            },
        }
    return {**view, "encoding": changed}

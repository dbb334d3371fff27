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


def wrap(text: str, room: float | None = None, size: float = 12) -> list[str]:
    """Wrap a caption into lines (Vega-Lite does not wrap), each at most ``room`` px wide in
    ``size`` px type (:func:`text_px`); by default what a chart has on the narrowest phone
    (:data:`CAPTION_PX`). Broken at a space when the line has one, else between characters
    (Chinese)."""
    return _rewrap(text, CAPTION_PX if room is None else room, size)


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
    label_align: str = "left",
) -> dict[str, Any]:
    """A dashed rule at each mark's ``field`` (vertical for ``channel="x"``, horizontal for
    ``"y"``), labelled with the mark's ``text`` at ``label_at`` on the other axis (the top or
    left edge by default), after the rule (``label_align="right"``: before it), faded by
    ``opacity`` when given.

    ``label_align="auto"`` (vertical rules): after the rule, or before it for a mark with
    ``"before": True``, unless the label does not fit on that side of the plot: then on
    the side with more room. Each label then ends inside the plot whenever it fits at all
    (with ``autosize: fit-x`` a label ending past the plot's right edge narrows the plot
    by a width-dependent amount at each dataflow run, issue 14)."""
    at = {channel: quant(field)}
    faded = {} if opacity is None else {"opacity": opacity}
    other = "y" if channel == "x" else "x"
    layers = [
        {"mark": {"type": "rule", "strokeDash": dash, "color": "#333"}, "encoding": at | faded}
    ]
    if labelled:
        place = {**at, other: label_at or {"value": 0}}
        align: Any = label_align
        dx: Any = -4 if label_align == "right" else 4
        if label_align == "auto":
            marks = [{"before": False, **m, "room": _label_px(m["text"]) + 6} for m in marks]
            x = f"scale('x', datum[{field!r}])"
            before = (
                f"(datum.before ? {x} >= datum.room || {x} > width / 2"
                f" : width - {x} < datum.room && {x} > width / 2)"
            )
            align, dx = {"expr": f"{before} ? 'right' : 'left'"}, {"expr": f"{before} ? -4 : 4"}
        label = text_layer(place, align=align, dx=dx, dy=-6, fontSize=12)
        label["encoding"].update(faded)
        layers.append(label)
    return {"data": {"values": marks}, "layer": layers}


def _label_px(text: str | list[str], size: float = 12) -> float:
    """How wide a label (a string, or a list of lines) is drawn, at most."""
    return max(text_px(line, size) for line in ([text] if isinstance(text, str) else text))


def bar_label_place(field: str) -> dict[str, Any]:
    """Where a horizontal bar's label goes (``align`` and ``dx`` of its text mark, as Vega
    expressions; the bar's end is at ``field``; each row carries ``room``, its label's
    width in px plus a margin): inside the bar, ending at its end, when the bar holds it;
    else after the bar when the plot has room there; else inside the plot from its left
    edge. So it ends inside the plot whenever the plot is wider than the label (with
    ``autosize: fit-x`` a label ending past the plot's right edge narrows the plot by a
    width-dependent amount at each dataflow run, issue 14)."""
    x = f"scale('x', datum[{field!r}])"
    inside, after = f"{x} >= datum.room", f"width - {x} >= datum.room"
    return {
        "align": {"expr": f"{inside} ? 'right' : 'left'"},
        "dx": {"expr": f"{inside} ? -4 : {after} ? 4 : 4 - {x}"},
    }


def axis_lines(text: str, room: float = 250, size: float = 11) -> str | list[str]:
    """An axis title as one line, or two lines broken at the space nearest the middle when
    it is wider than ``room`` px in bold ``size`` px type (Vega centres an axis title on
    the plot, so a title wider than a phone's plot ends past its right edge); before a
    parenthesis if both lines then fit. Vega-Lite draws a list of strings as lines."""
    text = text.strip()
    if text_px(text, size, bold=True) <= room or " " not in text:
        return text
    spaces = [i for i, ch in enumerate(text) if ch == " "]

    def widest(i: int) -> float:
        return max(text_px(text[:i].strip(), size, True), text_px(text[i:].strip(), size, True))

    fitting = [i for i in spaces if text[i + 1] == "(" and widest(i) <= room]
    cut = fitting[0] if fitting else min(spaces, key=widest)
    return [text[:cut].strip(), text[cut:].strip()]


def records(frame: pd.DataFrame, columns: list[str]) -> list[dict[str, Any]]:
    """Rows as plain dictionaries, for inline Vega-Lite data (much faster than Altair's path).

    Each column is turned into Python values at once (``Series.tolist``), the same values
    ``itertuples`` gives one row at a time at 6-9x the cost (issue 14: the unit page's five
    tables, 2.3 ms a change before, 0.3 ms after; tests/test_refresh_speed.py checks the
    values and their types)."""
    values = [frame[column].tolist() for column in columns]
    return [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]


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


# --- Caption and title widths (issue 15): wrapped to what the narrowest phone shows ---------
#: The narrowest screen the layout is made for, and tested at (tests/e2e: 360 × 740).
PHONE_MIN_PX = 360
#: Room on each side of a chart on a phone: the page's padding (4 px) and the white sheet's
#: (6 px), both set by ui/style.py's phone layout from these names, and JupyterLab's cell
#: padding (5 px, its own stylesheet).
PHONE_PAGE_PAD_PX, PHONE_SHEET_PAD_PX, CELL_PAD_PX = 4, 6, 5
#: The column at a chart's right for its menu (⋯) on a phone: a 44 px button and a gap
#: (ui/style.py reads it).
ACTION_MENU_PX = 50
#: Vega-Lite's default padding around a chart, on each side (the title starts inside it).
VEGA_PADDING_PX = 5
#: The widest title or caption line, in px: a chart's room for text on the narrowest phone.
CAPTION_PX = (
    PHONE_MIN_PX
    - 2 * (PHONE_PAGE_PAD_PX + PHONE_SHEET_PAD_PX + CELL_PAD_PX)
    - ACTION_MENU_PX
    - 2 * VEGA_PADDING_PX
)
#: Type sizes of a chart's title and caption (:func:`title`).
TITLE_PX, CAPTION_FONT_PX = 18, 12

#: Advance widths of the printable ASCII characters (space to ``~``) in DejaVu Sans, regular
#: and bold, in hundredths of an em (read from the font's ``hmtx`` table). DejaVu Sans is the
#: default sans-serif of Debian and most Linux systems and wider than Roboto, Helvetica,
#: Arial or Liberation Sans, so a line measured with it fits on those too.
_ASCII_EM = {
    False: (
        32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64,
        64, 64, 64, 64, 64, 64, 34, 34, 84, 84, 84, 53, 100, 68, 69, 70, 77, 63, 58, 77,
        75, 29, 29, 66, 56, 86, 75, 79, 60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39,
        34, 39, 84, 50, 50, 61, 63, 55, 63, 62, 35, 63, 63, 28, 28, 58, 28, 97, 63, 61,
        63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84,
    ),
    True: (
        35, 46, 52, 84, 70, 100, 87, 31, 46, 46, 52, 84, 38, 42, 38, 37, 70, 70, 70, 70,
        70, 70, 70, 70, 70, 70, 40, 40, 84, 84, 84, 58, 100, 77, 76, 73, 83, 68, 68, 82,
        84, 37, 37, 77, 64, 100, 84, 85, 73, 85, 77, 72, 68, 81, 77, 110, 77, 72, 73, 46,
        37, 46, 84, 50, 50, 67, 72, 59, 72, 68, 44, 72, 71, 34, 34, 67, 34, 104, 71, 69,
        72, 72, 49, 60, 48, 71, 65, 92, 65, 65, 58, 71, 37, 71, 84,
    ),
}  # fmt: skip
#: Other characters captions use (DejaVu Sans, regular and bold, hundredths of an em);
#: any other character counts as wide as a Chinese one (1 em), the widest there is.
_OTHER_EM = {
    "–": (50, 50), "·": (32, 38), "’": (32, 38), "‘": (32, 38), "“": (52, 66),
    "”": (52, 66), "é": (62, 68), "×": (84, 84), "≈": (84, 84), "→": (84, 84),
    "−": (84, 84), "≤": (84, 84), "≥": (84, 84), "•": (59, 64),
}  # fmt: skip
#: Characters that never begin a line (Chinese line-breaking rules, and closing punctuation).
_NO_LINE_START = set("，。、；：？！）》」』”’,.;:?!)]%")


def char_em(ch: str, bold: bool = False) -> float:
    """The width of one character, in em (see :data:`_ASCII_EM`)."""
    code = ord(ch)
    if 32 <= code < 127:
        return _ASCII_EM[bold][code - 32] / 100
    if ch in _OTHER_EM:
        return _OTHER_EM[ch][bold] / 100
    return 1.0


def text_px(text: str, size: float = CAPTION_FONT_PX, bold: bool = False) -> float:
    """How wide ``text`` is drawn in ``size`` px sans-serif type, at most (:func:`char_em`)."""
    return size * sum(char_em(ch, bold) for ch in text)


def responsive(spec: dict[str, Any], lang: str) -> dict[str, Any]:
    """A copy of ``spec`` as wide as its container (phone to projector), same height.

    Vega-Lite's ``width: "container"`` with ``autosize: fit-x`` and ``contains: padding``
    makes the whole chart, axes and legend included, fit the width of the element that
    holds it, and follow it when the window is resized (Vega-Lite docs, "Responsive
    Width and Height"). The title and the caption stay whole (one string per paragraph):
    the page's chart module (serving/jupyterchart.js, ``fitChartText``) wraps them to the
    chart's width on the screen, in the page's type, and :func:`wrapped_text` wraps them for
    a drawing of known width (the brief) or, by default, for the narrowest phone.
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
    return out


def wrapped_text(spec: dict[str, Any], room: float = CAPTION_PX) -> dict[str, Any]:
    """A copy of ``spec`` whose caption lines, and a title wider than ``room``, are wrapped
    to ``room`` px (:func:`text_px`; by default what the narrowest phone has,
    :data:`CAPTION_PX`): for a drawing that no browser wraps (vl-convert's). A wrapped
    title is a list of lines that join into the title (Vega-Lite draws one per line)."""
    heading = spec.get("title")
    if not isinstance(heading, dict):
        return spec
    heading = dict(heading)
    if heading.get("subtitle"):
        lines = heading["subtitle"]
        lines = [lines] if isinstance(lines, str) else list(lines)
        size = heading.get("subtitleFontSize", CAPTION_FONT_PX)
        heading["subtitle"] = [part for line in lines for part in _rewrap(line, room, size)]
    text, size = heading.get("text"), heading.get("fontSize", TITLE_PX)
    if isinstance(text, str) and text_px(text, size, bold=True) > room:
        heading["text"] = _rewrap(text, room, size, bold=True, keep_spaces=True)
    return {**spec, "title": heading}


def _rewrap(
    line: str, room: float, size: float, bold: bool = False, keep_spaces: bool = False
) -> list[str]:
    """One line as lines at most ``room`` px wide in ``size`` px type (:func:`text_px`),
    broken at the last space when the line has one, else before the character that would
    not fit (never before a closing punctuation mark). The space at a cut is dropped, or with
    ``keep_spaces`` kept at the end of its line (the lines then join into the text as it
    was, as a title's ``textContent`` in the browser does)."""
    lines: list[str] = []
    current, used = "", 0.0  # used == text_px(current), kept as a running sum
    for ch in line:
        wide = size * char_em(ch, bold)
        if current and used + wide > room:
            cut = current.rfind(" ")
            if cut > 0:
                lines.append(current[: cut + 1] if keep_spaces else current[:cut])
                current = current[cut + 1 :]
            elif ch in _NO_LINE_START and len(current) > 1:
                lines.append(current[:-1])  # the last character goes down with the mark
                current = current[-1]
            else:
                lines.append(current)
                current = ""
            used = text_px(current, size, bold)
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

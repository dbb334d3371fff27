"""Layers that draw a range on a chart (issue 14): error bars, and the empty *band slot* a
chart carries until its band is known.

A chart whose band is computed later (:mod:`explainer.ui.bands`) declares its band layer
from the start with no rows (:func:`band_slot`); when the band arrives, :func:`fill_band`
puts the rows in that layer and adds the caption line. The chart's layers never change, only
the slot's data, so a chart update can stay data-only. With the pinned scenario A overlaid
(:func:`explainer.charts.common.overlay`), A's faded copy keeps its slot empty: A's ranges
are in the A/B table. Plain Vega-Lite dictionaries, like every chart here.
"""

from __future__ import annotations

from typing import Any

from explainer.core.i18n import t
from explainer.core.spec import Lang

BAND_COLOUR = "#4e79a7"
RANGE_COLOUR = "#222"
#: The ``description`` that marks a chart's band slot (Vega-Lite allows one on any view).
BAND_SLOT = "explainer-band"


def errorbar_layer(
    rows: list[dict[str, Any]],
    at: str | dict[str, Any],
    along: str,
    along2: str,
    horizontal: bool = False,
    offset: int = 0,
) -> dict[str, Any]:
    """Error bars: at each row's ``at`` value, from ``along`` to ``along2`` (with end ticks).

    ``at`` is a field name, or the chart's own encoding of that channel (its sort kept, so
    the bars stay in the chart's order). ``offset`` moves them that many pixels across (off
    a bar's label, or apart from a rule drawn at the same place).
    """
    pos, val = ("y", "x") if horizontal else ("x", "y")
    if isinstance(at, str):
        at = {"field": at, "type": "nominal" if horizontal else "quantitative"}
    at = {k: v for k, v in at.items() if k in ("field", "type", "sort")}
    base = {pos: at, val: {"field": along, "type": "quantitative"}}
    shift = {f"{pos}Offset": offset} if offset else {}
    tick = {"type": "tick", "color": RANGE_COLOUR, "thickness": 2, "size": 10, **shift}
    return {
        "data": {"values": rows},
        "layer": [
            {
                "mark": {"type": "rule", "color": RANGE_COLOUR, "strokeWidth": 2, **shift},
                "encoding": {**base, f"{val}2": {"field": along2}},
            },
            {"mark": tick, "encoding": base},
            {"mark": tick, "encoding": {**base, val: {"field": along2, "type": "quantitative"}}},
        ],
    }


def band_slot(layer: dict[str, Any]) -> dict[str, Any]:
    """``layer`` as a chart's band slot: marked, and with no rows until the band is known."""
    return {**layer, "data": {"values": []}, "description": BAND_SLOT}


def _fill(views: list[dict[str, Any]], rows: list[dict[str, Any]]) -> tuple[list[Any], bool]:
    """``views`` with the last band slot filled with ``rows`` (and whether one was found)."""
    out, done = list(views), False
    for i in range(len(out) - 1, -1, -1):
        view = out[i]
        if view.get("description") == BAND_SLOT:
            out[i], done = {**view, "data": {"values": rows}}, True
        elif "layer" in view:
            inner, done = _fill(view["layer"], rows)
            out[i] = {**view, "layer": inner}
        if done:
            break
    return out, done


def fill_band(spec: dict[str, Any], rows: list[dict[str, Any]], line: str) -> dict[str, Any]:
    """``spec`` with its band slot holding ``rows`` and ``line`` added to its caption.

    The slot filled is the last one (the current scenario's; A's faded copy comes first).
    A chart without a slot is returned as it is.
    """
    layers, found = _fill(spec.get("layer", []), rows)
    if not found:
        return spec
    subtitle = [*spec["title"]["subtitle"], line]
    return {**spec, "layer": layers, "title": {**spec["title"], "subtitle": subtitle}}


def range_caption(marks: str, what: str, lang: Lang) -> str:
    """The caption entry of a chart's band: which marks, what range (both in words), and
    that a range is not a probability."""
    return t("band2_caption", lang, marks=marks, what=what)

"""Charts of ranges (issue 14): the tornado chart, and bands drawn on the pages' charts.

* :func:`tornado_spec` — what one figure depends on: each assumption from the low to the high
  end of its plausible range, the others as set, biggest swing first; each bar names the
  assumption, its range and its source.
* :func:`with_band` — a page's chart with the band of the figure a reader looks for on it
  (bedtime on the night's timeline, the veto's chance on its curve, real output on the effort
  curve, the night's minutes on the reform page's bars; on the unit page each rule's median
  bedtime, each penalty chance and each level's minutes; on the fit page each department's
  complexity and the tool's capability, and the department's output and displaced effort).

Plain Vega-Lite dictionaries, like every chart here (see :mod:`explainer.charts.night`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from explainer.charts import fit as fit_charts
from explainer.charts import unit as unit_charts
from explainer.charts.band_layers import BAND_COLOUR, errorbar_layer
from explainer.charts.common import (
    CHART_WIDTH,
    CLOCK_LABEL,
    NARROW_PX,
    SCHEMA,
    _label_px,
    _views,
    axis_lines,
    title,
)
from explainer.charts.night import timeline_hours
from explainer.core.figures import format_value
from explainer.core.i18n import t
from explainer.core.spec import Lang, bilingual, registry, sources
from explainer.model.night import DAY_MINUTES
from explainer.model.robustness import (
    STATUS_QUO,
    band_only_text,
    method_text,
    range_ends,
    range_text,
)
from explainer.model.uncertainty import Band, Uncertainty

END_COLOURS = ("#76b7b2", "#e15759")  # low end, high end
TORNADO_MIN_HEIGHT = 60


def axis_value(value: float, kind: str) -> float:
    """A figure as the chart's axis reads it: clock minutes → hours, shares → percent."""
    if kind == "clock":
        return value / 60
    if kind == "share":
        return value * 100
    return value


def short_source(param: str, lang: Lang) -> str:
    """Where a range's ends come from, in a few words: the article's section, a paper, ours."""
    found = registry().params[param].plausible
    source = found.source if found is not None else {}
    if "seed" in source:
        return t("range_from_article", lang, n=source["seed"]["section"][1:])
    if "ref" in source:
        name = bilingual(sources()[source["ref"]]["title"], lang)
        for mark in ("，", "；", ",", ";"):
            name = name.split(mark)[0]
        return t("range_from_ref", lang, ref=name)
    return t("range_assumed", lang)


def tornado_rows(unc: Uncertainty, key: str, kind: str, lang: Lang) -> list[dict[str, Any]]:
    """Two rows per assumption (its low and its high end), in the order of the bars."""
    point = axis_value(unc.point(key), kind)
    rows = []
    for rank, bar in enumerate(unc.tornado(key)):
        spec = registry().params[bar.param]
        label = (
            f"{spec.label[lang]}{NAME_BREAK}({range_ends(bar.param, lang)})"
            f" · {short_source(bar.param, lang)}"
        )
        for end, setting, value in (
            ("low", bar.low_setting, bar.at_low),
            ("high", bar.high_setting, bar.at_high),
        ):
            shown = spec.display(setting) if spec.type != "choice" else spec.choices[setting][lang]
            rows.append(
                {
                    "rank": rank,
                    "label": label,
                    "end": t("tornado_end_low" if end == "low" else "tornado_end_high", lang),
                    "setting": shown,
                    "from": point,
                    "to": axis_value(value, kind),
                    "value": format_value(value, kind, lang),
                    "range": range_text(bar.param, lang),
                }
            )
    return rows


def _tornado_x(kind: str, figure: str, lang: Lang) -> dict[str, Any]:
    x: dict[str, Any] = {
        "field": "from",
        "type": "quantitative",
        "title": t("tornado_axis", lang, figure=figure, unit=t(f"band_unit_{kind}", lang)),
        "scale": {"zero": False},
    }
    if kind == "clock":
        x["axis"] = {"labelExpr": CLOCK_LABEL}
    return x


#: A tornado row's height (px) and its bar's share of it: room for a bar and, on a phone,
#: its label in two lines over it, with a gap of 4 px or more on either side of the label.
TORNADO_ROW_PX, TORNADO_BAR = 50, 0.32
LABEL_LINE_PX = 12
#: On a phone (see :func:`tornado_axis`) a bar sits this far (px) below its row's middle, under
#: its label.
PHONE_BAR_SHIFT_PX = 15
#: Between a phone's label (its baseline offset) and the bar under it (px): its descenders
#: take 1 px of it.
PHONE_LABEL_GAP_PX = 6
_PHONE = f"containerSize()[0] + 0 * width < {NARROW_PX}"  # re-read as the width changes
#: Between an assumption's name and its range in a tornado label: a no-break space, where the
#: label breaks on a phone (a name may hold " (" itself).
NAME_BREAK = "\u00a0"


def tornado_axis() -> dict[str, Any]:
    """The tornado's assumption axis. Its labels are long (name, range, source); beside the
    bars they left a phone's chart no room (in Chinese at 360 px the bars and the figure's
    axis title were cut off, issue 15), so below :data:`NARROW_PX` they sit over their bars,
    across the chart's width in two lines (the name; the range and its source). The axis title
    sits above the labels."""
    narrow = _PHONE

    def pick(phone: Any, wider: Any) -> dict[str, str]:
        return {"expr": f"{narrow} ? {phone} : {wider}"}

    return {
        "titleAngle": 0,
        "titleAlign": pick("'left'", "'right'"),
        "titleY": -8,
        # beside the bars: 420 px, or half the chart where it is wider (a projector's larger
        # label type, jupyterchart.js fitChartLabels, needs the room)
        "labelLimit": pick("max(containerSize()[0] - 30, 100)", "max(420, containerSize()[0] / 2)"),
        "labelAlign": pick("'left'", "'right'"),
        "labelBaseline": pick("'bottom'", "'middle'"),
        "labelPadding": pick(-2, 2),  # on a phone just inside the plot (no tick)
        # above the bar: the first line's baseline one line above the second's
        "labelOffset": pick(
            PHONE_BAR_SHIFT_PX
            - TORNADO_ROW_PX * TORNADO_BAR / 2
            - PHONE_LABEL_GAP_PX
            - LABEL_LINE_PX,
            0,
        ),
        "labelExpr": f"{narrow} ? split(datum.label, '{NAME_BREAK}') : datum.label",
        "labelLineHeight": LABEL_LINE_PX,
        "tickSize": pick(0, 5),
    }


def tornado_spec(
    unc: Uncertainty, key: str, kind: str, lang: Lang, stamp: str | None = None
) -> dict[str, Any]:
    """The tornado chart of figure ``key`` (a bar per assumption that moves it); ``stamp``,
    the page's state line, ends its caption as on the page's other charts."""
    rows = tornado_rows(unc, key, kind, lang)
    empty = [] if rows else [t("tornado_empty", lang)]
    described = "; ".join(f"{r['label']} ({r['range']}) {r['end']}: {r['value']}" for r in rows)
    return _tornado(
        rows,
        axis_value(unc.point(key), kind),
        key,
        kind,
        lang,
        [*empty, *_tornado_words(lang), method_text(unc, lang), *_stamp(stamp)],
        described,
        max(TORNADO_MIN_HEIGHT, TORNADO_ROW_PX * len({r["label"] for r in rows})),
    )


def pending_tornado_spec(
    point: float,
    key: str,
    kind: str,
    lang: Lang,
    height: int,
    stamp: str | None = None,
    method: str | None = None,
) -> dict[str, Any]:
    """The tornado chart of figure ``key`` while its one-at-a-time runs are computed: no
    bars (none of another scenario), the figure's value as set, a caption line saying the
    bars are being computed, ``height`` and the caption's ``method`` lines kept (the chart
    on screen does not jump). Its structure is :func:`tornado_spec`'s, so that the bars'
    arrival is a data-only update (explainer.charts.live)."""
    pending = t("tornado_pending", lang)
    return _tornado(
        [],
        axis_value(point, kind),
        key,
        kind,
        lang,
        [pending, *_tornado_words(lang), *([method] if method else []), *_stamp(stamp)],
        pending,
        height,
    )


def _tornado_words(lang: Lang) -> list[str]:
    return [t("tornado_subtitle", lang), t("tornado_caption", lang)]


def _stamp(stamp: str | None) -> list[str]:
    return [stamp] if stamp else []


def _tornado(
    rows: list[dict[str, Any]],
    point: float,
    key: str,
    kind: str,
    lang: Lang,
    subtitle: list[str],
    described: str,
    height: int,
) -> dict[str, Any]:
    figure = t(f"metric_{key}", lang)
    # Sorted by the rows' rank, not by a list of labels: the order of the bars then lives in
    # the data, and a new scenario changes only the data (charts.live: updated in place).
    sort = {"field": "rank", "op": "min", "order": "ascending"}
    y = {"field": "label", "type": "nominal", "title": t("tornado_param", lang), "sort": sort}
    y["axis"] = tornado_axis()
    ends = [t("tornado_end_low", lang), t("tornado_end_high", lang)]
    tooltip = [
        {"field": "label", "type": "nominal", "title": t("tornado_param", lang)},
        {"field": "end", "type": "nominal", "title": t("tornado_end", lang)},
        {"field": "setting", "type": "nominal", "title": t("tornado_setting", lang)},
        {"field": "value", "type": "nominal", "title": t("tornado_value", lang)},
        {"field": "range", "type": "nominal", "title": t("tornado_range", lang)},
    ]
    bars = {
        "mark": {
            "type": "bar",
            "height": {"band": TORNADO_BAR},
            "yOffset": {"expr": f"{_PHONE} ? {PHONE_BAR_SHIFT_PX} : 0"},
        },
        "encoding": {
            "y": y,
            "x": _tornado_x(kind, figure, lang),
            "x2": {"field": "to"},
            "color": {
                "field": "end",
                "type": "nominal",
                "scale": {"domain": ends, "range": list(END_COLOURS)},
                "legend": {"title": None, "orient": "bottom"},
            },
            "tooltip": tooltip,
        },
    }
    return {
        "$schema": SCHEMA,
        "title": title(t("tornado_title", lang, figure=figure), subtitle),
        "description": f"{t('tornado_title', lang, figure=figure)}: {described}",
        "width": CHART_WIDTH - 200,
        "height": height,
        "data": {"values": rows},
        "layer": [bars, *_value_rules(rows, point, y)],
    }


def _value_rules(
    rows: list[dict[str, Any]], point: float, y: dict[str, Any]
) -> list[dict[str, Any]]:
    """The figure's value as set, a dashed line across the bars: a piece per bar's row, as
    tall as the bar on a phone (a line down the whole chart ran through the labels that sit
    over the bars there, issue 15) and the row's band elsewhere; one line down the chart
    while the bars are computed (no rows). Both layers are always there, their data changing
    (a data-only update, explainer.charts.live)."""
    mark = {"type": "rule", "color": "#333", "strokeDash": [6, 4]}
    x = {"field": "from", "type": "quantitative"}
    rank = {}
    for row in rows:
        rank[row["label"]] = min(row["rank"], rank.get(row["label"], row["rank"]))
    pieces = [{"label": label, "rank": r, "from": point} for label, r in rank.items()]
    top, bottom = 0.5 - TORNADO_BAR / 2, 0.5 + TORNADO_BAR / 2
    to_band = f"{top} * bandwidth('y')"  # from the bar's edge to the band's edge
    shift = {"expr": f"{_PHONE} ? {PHONE_BAR_SHIFT_PX} : -{to_band}"}
    shift2 = {"expr": f"{_PHONE} ? {PHONE_BAR_SHIFT_PX} : {to_band}"}
    by_row = {
        "data": {"values": pieces},
        "mark": {**mark, "yOffset": shift, "y2Offset": shift2},
        "encoding": {
            "x": x,
            "y": {**y, "bandPosition": top},
            "y2": {"field": "label", "bandPosition": bottom},
        },
    }
    whole = {"data": {"values": [] if rows else [{"from": point}]}, "mark": mark}
    return [by_row, {**whole, "encoding": {"x": x}}]


# ----------------------------------------------------------------------------- bands on charts
def with_layer(spec: dict[str, Any], layer: dict[str, Any], line: str) -> dict[str, Any]:
    """``spec`` with one more layer on top and ``line`` added to its caption."""
    top = ("$schema", "title", "description", "width", "height", "autosize", "config", "resolve")
    out = {k: spec[k] for k in top if k in spec}
    out["layer"] = [*_views(spec), layer]
    out["title"] = {**spec["title"], "subtitle": [*spec["title"]["subtitle"], line]}
    return out


def span_layer(
    field: str, field2: str, low: float, high: float, text: str, label_at: float | None = None
) -> dict[str, Any]:
    """A shaded stripe across the whole chart from ``low`` to ``high`` on the x axis, its
    label ending at ``label_at`` (``high`` by default; the axis's end when ``high`` is past
    it, so that the label stays inside the plot as the clipped stripe does)."""
    row = {
        field: low,
        field2: high,
        "text": text,
        "label_at": high if label_at is None else label_at,
        "room": _label_px(text, 11) + 8,
        "lines": axis_lines(text, 0),
        "room2": _label_px(axis_lines(text, 0), 11) + 8,
    }
    # In two lines when the plot is narrower than the label; ending at label_at when the plot
    # has room on its left, else from the plot's left edge (a narrow plot drew it left of the
    # axis, or past the chart's right edge, issue 15).
    narrow = "width < datum.room"
    room = f"({narrow} ? datum.room2 : datum.room)"
    at = "scale('x', datum.label_at)"
    x = {"field": field, "type": "quantitative"}
    return {
        "data": {"values": [row]},
        "layer": [
            {
                # x and x2 only: the stripe spans the chart's whole height.
                "mark": {"type": "rect", "color": BAND_COLOUR, "opacity": 0.15, "clip": True},
                "encoding": {"x": x, "x2": {"field": field2}},
            },
            {
                "mark": {
                    "type": "text",
                    "align": {"expr": f"{at} >= {room} ? 'right' : 'left'"},
                    "baseline": "top",
                    "dx": {"expr": f"{at} >= {room} ? -4 : 4 - {at}"},
                    "dy": 4,
                    "fontSize": 11,
                    "color": BAND_COLOUR,
                },
                "encoding": {
                    "x": {"field": "label_at", "type": "quantitative"},
                    "y": {"value": 0},
                    "text": {
                        "field": "text",
                        "type": "nominal",
                        "condition": {"test": narrow, "value": {"expr": "datum.lines"}},
                    },
                },
                "description": "band-label",
            },
        ],
    }


def _line(band: Band, kind: str, key: str, lang: Lang) -> str:
    return t(
        "band_chart_line",
        lang,
        figure=t(f"metric_{key}", lang),
        band=band_only_text(band, kind, lang),
    )


def _timeline(spec: dict[str, Any], result: Any, bands: Mapping[str, Band], lang: Lang) -> Any:
    band = bands["bedtime"]
    text = t("band_label", lang)
    start, end = _x_domain(spec) or timeline_hours(result)  # a label past the axis's end
    # Ending at the band's end, or before the midnight rule when the band spans it (the label
    # sat on the rule, issue 15).
    high = band.high / 60 if band.low >= DAY_MINUTES else min(band.high, DAY_MINUTES) / 60
    label_at = min(max(high, start), end)  # widens the chart (timeline_hours)
    layer = span_layer("start_h", "end_h", band.low / 60, band.high / 60, text, label_at)
    return with_layer(spec, layer, _line(band, "clock", "bedtime", lang))


def _x_domain(spec: dict[str, Any]) -> tuple[float, float] | None:
    """The first literal x domain of ``spec``'s layers (the chart's own, read rather than
    computed again from the result)."""
    for view in spec.get("layer", []):
        domain = view.get("encoding", {}).get("x", {}).get("scale", {}).get("domain")
        if isinstance(domain, list) and len(domain) == 2:
            return float(domain[0]), float(domain[1])
        found = _x_domain(view)
        if found is not None:
            return found
    return None


def _veto(spec: dict[str, Any], result: Any, bands: Mapping[str, Band], lang: Lang) -> Any:
    band = bands["p_unit_veto"]
    row = {"n_staff": result.scenario.n_staff, "percent": band.low * 100, "top": band.high * 100}
    layer = errorbar_layer([row], "n_staff", "percent", "top")
    return with_layer(spec, layer, _line(band, "share", "p_unit_veto", lang))


def _effort(spec: dict[str, Any], result: Any, bands: Mapping[str, Band], lang: Lang) -> Any:
    band = bands["real_output"]
    fit = getattr(result, "reformed", None)
    w = (fit.fit if fit is not None else result).curve_w
    layer = errorbar_layer([{"w": w, "value": band.low, "top": band.high}], "w", "value", "top")
    return with_layer(spec, layer, _line(band, "number", "real_output", lang))


def _minutes(spec: dict[str, Any], result: Any, bands: Mapping[str, Band], lang: Lang) -> Any:
    rows = [
        {"side_label": t(f"side_{side}", lang), "minutes": bands[key].low, "top": bands[key].high}
        for side, key in (("status_quo", "night_minutes" + STATUS_QUO), ("reform", "night_minutes"))
    ]
    layer = errorbar_layer(rows, "side_label", "minutes", "top", horizontal=True)
    return with_layer(spec, layer, _line(bands["night_minutes"], "minutes", "night_minutes", lang))


ChartBand = Callable[[dict[str, Any], Any, Mapping[str, Band], Lang], dict[str, Any]]
#: Which band each page draws on which chart (page, chart CSS class).
CHART_BANDS: dict[tuple[str, str], ChartBand] = {
    ("night", "explainer-chart-timeline"): _timeline,
    ("unit", "explainer-chart-veto"): _veto,
    ("fit", "explainer-chart-effort"): _effort,
    ("reforms", "explainer-chart-effort"): _effort,
    ("reforms", "explainer-chart-minutes"): _minutes,
    # Drawn into the band slot each of these charts carries from the start (band_layers.py):
    ("unit", "explainer-chart-bedtimes"): unit_charts.bedtime_band,
    ("unit", "explainer-chart-risk"): unit_charts.risk_band,
    ("unit", "explainer-chart-cascade"): unit_charts.cascade_band,
    ("fit", "explainer-chart-fit"): fit_charts.quadrant_band,
    ("fit", "explainer-chart-capability"): fit_charts.capability_band,
}
#: The quantities, besides a page's headline figures, that its chart bands are taken over
#: (keys ``chart:…``): evaluated on the same sample as the cards' bands.
CHART_QUANTITIES: dict[str, Callable[[Any], dict[str, float]]] = {
    "unit": unit_charts.band_quantities,
    "fit": fit_charts.band_quantities,
}


def chart_quantities(page: str, result: Any) -> dict[str, float]:
    """The chart-band quantities of ``page`` for ``result`` (none for most pages)."""
    found = CHART_QUANTITIES.get(page)
    return found(result) if found is not None else {}


def with_band(
    page: str, css: str, spec: dict[str, Any], result: Any, bands: Mapping[str, Band], lang: Lang
) -> dict[str, Any]:
    """``spec`` with its band drawn when this chart has one and the band is known."""
    draw = CHART_BANDS.get((page, css))
    if draw is None:
        return spec
    try:
        return draw(spec, result, bands, lang)
    except KeyError:  # that figure's band is not (yet) computed
        return spec

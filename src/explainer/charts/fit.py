"""Charts of task–tool fit and of the effort split under rewards on process metrics.

A :class:`explainer.model.fit.FitResult` in, Vega-Lite dictionaries out. Each chart can carry
a second, faded result (``baseline``) so that the reform page can show the status quo behind
the reform.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from explainer.charts.band_layers import band_slot, errorbar_layer, fill_band, range_caption
from explainer.charts.common import (
    CHART_WIDTH,
    FADED_OPACITY,
    OPACITY_FIELD,
    _label_px,
    axis_lines,
    category,
    chart,
    labelled_rule,
    nominal,
    quant,
    records,
    text_layer,
)
from explainer.core.i18n import sentences, t
from explainer.core.spec import Lang
from explainer.model.fit import TOOLS, FitResult

DEPT_COLOURS = {"regulatory": "#4e79a7", "public_service": "#59a14f", "grassroots": "#e15759"}
SERIES = ("metric", "real", "output", "score")
SERIES_COLOURS = ("#f28e2b", "#4e79a7", "#59a14f", "#b07aa1")
#: Between a department's label and its vertical error bar (px).
LABEL_GAP_PX = 6
#: How far apart (in capability units) the departments' complexity ranges are drawn.
CROSS_APART = 0.012


def _quadrant_points(result: FitResult, lang: Lang, faded: bool) -> pd.DataFrame:
    frame = result.table.copy()
    frame["label"] = [t(f"dept_{d}", lang) for d in frame["department"]]
    frame["text"] = [f"{t('fit_word', lang)} {fit:.2f}" for fit in frame["fit"]]
    frame["described"] = [
        f"{label}: {text}" for label, text in zip(frame["label"], frame["text"], strict=True)
    ]
    # Above the points (below them are the names of the tools just under the chosen one), from
    # the left alternately one and two lines up: neighbours never collide. Each row carries its
    # label's width and the chosen tool's name's (px, ``room``, ``tool_room``) for
    # :func:`_departments`.
    order = frame["complexity"].rank(method="first").astype(int)
    frame["above"] = [rank % 2 == 0 for rank in order]
    frame["room"] = [_label_px(text) + 4 for text in frame["text"]]
    frame["tool_room"] = _label_px(t(f"tool_{result.tool}", lang), 11) * 1.1 + 8
    frame["opacity"] = 0.3 if faded else 1.0
    return frame


def _regions(lang: Lang) -> dict[str, Any]:
    """The two halves of the square either side of the fit diagonal, and the diagonal."""
    x = quant("x", scale={"domain": [0, 1]})
    y = quant("y", scale={"domain": [0, 1]}, title=t("chart_fit_y", lang))
    return {
        "data": {"values": [{"x": 0, "y": 0, "top": 1}, {"x": 1, "y": 1, "top": 1}]},
        "layer": [
            {
                "mark": {"type": "area", "color": "#e15759", "opacity": 0.08},
                "encoding": {
                    "x": {**x, "title": axis_lines(t("chart_fit_x", lang))},
                    "y": y,
                    "y2": {"datum": 0},
                },
            },
            {
                "mark": {"type": "area", "color": "#4e79a7", "opacity": 0.08},
                "encoding": {"x": x, "y": quant("top"), "y2": {"field": "y"}},
            },
            {
                "mark": {"type": "line", "color": "#333", "strokeDash": [6, 4]},
                "encoding": {"x": x, "y": quant("y")},
            },
        ],
    }


def _region_labels(lang: Lang) -> dict[str, Any]:
    """The names of the two regions, in their corners."""
    return {
        "layer": [
            {
                "data": {"values": [{"x": x, "y": y, "text": t(key, lang)}]},
                **text_layer(
                    {"x": quant("x"), "y": quant("y")}, fontSize=12, color="#555", align=align
                ),
            }
            for x, y, key, align in (
                (0.97, 0.05, "region_displacement", "right"),
                (0.03, 0.95, "region_overcontrol", "left"),
            )
        ]
    }


def _tool_data(result: FitResult, lang: Lang) -> dict[str, Any]:
    """Each tool's name, capability and whether it is the chosen one (the lines and the
    names draw the same rows)."""
    rows = [
        {
            "tool": t(f"tool_{k}", lang),
            "capability": result.tools_capability[k],
            "chosen": k == result.tool,
        }
        for k in TOOLS
    ]
    return {"values": rows}


def _tool_lines(tools: dict[str, Any]) -> dict[str, Any]:
    """A dotted line at each tool's capability, the chosen tool's dark."""
    chosen = {"condition": {"test": "datum.chosen", "value": 0.9}, "value": 0.3}
    line = {
        "mark": {"type": "rule", "strokeDash": [2, 3]},
        "encoding": {"y": quant("capability"), "opacity": chosen},
    }
    return {"data": tools, "layer": [line]}


def _tool_names(tools: dict[str, Any]) -> dict[str, Any]:
    """Each tool's name on its line, the chosen tool's in bold, drawn last and over a white
    halo: a department's error bars run through the low tools' names on a phone (issue 15),
    and the halo keeps the name readable where they do."""
    at = {"x": {"datum": 0}, "y": quant("capability")}
    halo = {"stroke": "white", "strokeWidth": 3, "strokeJoin": "round"}
    names = [
        {
            "transform": [{"filter": test}],
            **text_layer(
                at, "tool", align="left", dx=3, dy=-5, fontSize=11, fontWeight=weight, **style
            ),
        }
        for style in (halo, {})
        for test, weight in (("datum.chosen", "bold"), ("!datum.chosen", "normal"))
    ]
    return {"data": tools, "layer": names}


def _dept_colour(lang: Lang) -> dict[str, Any]:
    labels = {t(f"dept_{d}", lang): colour for d, colour in DEPT_COLOURS.items()}
    return category("label", labels, labelLimit=300)


def _departments(points: pd.DataFrame, lang: Lang) -> dict[str, Any]:
    """Each department as a point with its fit, labels above it, alternately one and two
    lines up."""
    at = {"x": quant("complexity"), "y": quant("capability"), "opacity": OPACITY_FIELD}
    columns = ["label", "text", "complexity", "capability", "opacity", "above", "room", "tool_room"]
    # Beside the department's vertical error bar, not across it (issue 15): starting just right
    # of it, or ending just left of it when the label would end past the plot's right edge
    # (never past the plot's edge, issue 14).
    x = "scale('x', datum.complexity)"
    before = f"{x} + {LABEL_GAP_PX} + datum.room > width"
    align = {"expr": f"{before} ? 'right' : 'left'"}
    dx = {"expr": f"{before} ? -{LABEL_GAP_PX} : {LABEL_GAP_PX}"}
    # Two lines up, too, when the label would start within the chosen tool's bold name (at the
    # plot's left, just above the line the points are on; issue 15, a narrow plot).
    left = f"({before} ? {x} - {LABEL_GAP_PX} - datum.room : {x} + {LABEL_GAP_PX})"
    high = f"datum.above || {left} <= datum.tool_room"
    labels = [text_layer(at, align=align, dx=dx, dy={"expr": f"{high} ? -28 : -14"}, fontSize=12)]
    return {
        "data": {"values": records(points, columns)},
        "layer": [
            {
                "mark": {"type": "point", "filled": True, "size": 140},
                "encoding": {**at, "color": _dept_colour(lang)},
            },
            *labels,
        ],
    }


def quadrant_spec(
    result: FitResult, lang: Lang, baseline: FitResult | None = None
) -> dict[str, Any]:
    """Task complexity against tool capability: the fit diagonal, the tools, the departments."""
    points = _quadrant_points(result, lang, faded=False)
    if baseline is not None:
        points = pd.concat([_quadrant_points(baseline, lang, faded=True), points])
    described = "; ".join(points.loc[points["opacity"] == 1.0, "described"])
    tool = t(f"tool_{result.tool}", lang)
    capability = f"{result.capability:.2f}"
    tools = _tool_data(result, lang)
    return chart(
        t("chart_fit_title", lang),
        [
            t("fit_subtitle", lang, tool=tool, capability=capability),
            t("chart_fit_caption", lang),
        ],
        f"{t('chart_fit_title', lang)}: {described}",
        CHART_WIDTH - 120,
        380,
        layer=[
            _regions(lang),
            _region_labels(lang),
            _tool_lines(tools),
            _departments(points, lang),
            band_slot(_cross()),
            _tool_names(tools),
        ],
    )


def _cross() -> dict[str, Any]:
    """Error bars across each department's point, in its colour: its complexity's range
    (horizontal, drawn at ``y_at``, a little apart, as the departments share the tool's
    capability) and the chosen tool's capability's range (vertical)."""
    x, colour = quant("complexity"), nominal("colour", scale=None, legend=None)
    rule = {"type": "rule", "strokeWidth": 2}
    across = {"x": quant("x_low"), "x2": {"field": "x_high"}, "y": quant("y_at")}
    return {
        "layer": [
            {"mark": rule, "encoding": {**across, "color": colour}},
            {
                "mark": rule,
                "encoding": {
                    "x": x,
                    "y": quant("y_low"),
                    "y2": {"field": "y_high"},
                    "color": colour,
                },
            },
        ]
    }


def quadrant_band(spec: Any, result: FitResult, bands: Any, lang: Lang) -> dict[str, Any]:
    """The quadrant with each department's cross of ranges."""
    tool = bands["chart:capability"]
    rows = [
        {
            "complexity": row.complexity,
            "capability": row.capability,
            "y_at": row.capability + CROSS_APART * (i - 1),
            "colour": DEPT_COLOURS[row.department],
            "x_low": band.low,
            "x_high": band.high,
            "y_low": tool.low,
            "y_high": tool.high,
        }
        for i, row in enumerate(result.table.itertuples())
        for band in [bands[f"chart:complexity:{row.department}"]]
    ]
    caption = range_caption(t("band2_marks_cross", lang), t("band2_what_quadrant", lang), lang)
    return fill_band(spec, rows, caption)


def _effort_frame(result: FitResult, lang: Lang, faded: bool) -> pd.DataFrame:
    curve = result.curve.melt(id_vars=["w"], value_vars=list(SERIES), var_name="series")
    curve["label"] = [t(f"effort_{s}", lang) for s in curve["series"]]
    curve["faded"] = faded
    return curve


def scenario_marks(
    field: str, here: float, before: float | None, lang: Lang
) -> list[dict[str, Any]]:
    """The rules of this scenario at ``here`` and, on the reforms page, of the status quo at
    ``before`` (faded), for :func:`labelled_rule` with ``label_align="auto"``: each label on
    the side away from the other rule, so the two never cover each other; at the same value,
    one label that says so on a second line (the faded rule drawn without one)."""
    if before is None:
        return [{field: here, "faded": False, "text": t("effort_here", lang)}]
    if before == here:
        return [
            {field: before, "faded": True, "text": ""},
            {
                field: here,
                "faded": False,
                "text": [t("effort_here", lang), t("effort_here_same", lang)],
            },
        ]
    return [
        {field: before, "faded": True, "text": t("effort_before", lang), "before": before < here},
        {field: here, "faded": False, "text": t("effort_here", lang), "before": here < before},
    ]


def effort_spec(result: FitResult, lang: Lang, baseline: FitResult | None = None) -> dict[str, Any]:
    """Metric and real effort, real output and measured score as the reward on the metric rises."""
    frame = _effort_frame(result, lang, faded=False)
    if baseline is not None:
        frame = pd.concat([_effort_frame(baseline, lang, faded=True), frame])
    marks = scenario_marks("w", result.curve_w, baseline and baseline.curve_w, lang)
    split = result.split
    numbers = {k: f"{getattr(split, k):.2f}" for k in ("metric", "real", "output", "score")}
    subtitle = t("effort_subtitle", lang, **numbers)
    dept, alignment = t(f"dept_{result.department}", lang), f"{result.alignment:.2f}"
    caption = t("fitmodel_effort_caption", lang, dept=dept, alignment=alignment)
    colours = {t(f"effort_{s}", lang): c for s, c in zip(SERIES, SERIES_COLOURS, strict=True)}
    dashes = {"domain": list(SERIES), "range": [[1, 0]] * 3 + [[6, 3]]}
    lines = {
        "data": {"values": records(frame, ["w", "series", "label", "value", "faded"])},
        "mark": {"type": "line", "strokeWidth": 2.5},
        "encoding": {
            "x": quant("w", title=axis_lines(t("chart_effort_x", lang))),
            "y": quant("value", title=t("chart_effort_y", lang)),
            "color": category("label", colours, labelLimit=300),
            "detail": nominal("faded"),
            "strokeDash": nominal("series", scale=dashes, legend=None),
            "opacity": FADED_OPACITY,
        },
    }
    return chart(
        t("chart_effort_title", lang),
        [subtitle, caption],
        f"{t('chart_effort_title', lang)}: {subtitle}",
        CHART_WIDTH - 120,
        280,
        layer=[lines, labelled_rule(marks, "w", [6, 4], FADED_OPACITY, label_align="auto")],
    )


CAPABILITY_MEASURES = ("output", "displaced")


def scenario_values(result: FitResult, lang: Lang) -> dict[str, str]:
    """The scenario's department, tool, capability, alignment and reward, as the chart
    subtitle and the page's summary both quote them."""
    return {
        "dept": t(f"dept_{result.department}", lang),
        "tool": t(f"tool_{result.tool}", lang),
        "capability": f"{result.capability:.2f}",
        "alignment": f"{result.own.alignment:.2f}",
        "reward": f"{result.curve_w:.2f}",
    }


def _capability_frame(result: FitResult, lang: Lang, faded: bool) -> pd.DataFrame:
    curve = result.capabilities.melt(
        id_vars=["department", "capability"],
        value_vars=list(CAPABILITY_MEASURES),
        var_name="measure",
    )
    labels = {d: t(f"dept_{d}", lang) for d in DEPT_COLOURS}
    curve["label"] = curve["department"].map(labels)
    measures = {"output": t("fitmodel_output", lang), "displaced": t("fitmodel_displaced", lang)}
    curve["measure_label"] = curve["measure"].map(measures)
    curve["line"] = curve["department"] + "/" + curve["measure"]
    curve["faded"] = faded
    return curve


def capability_spec(
    result: FitResult, lang: Lang, baseline: FitResult | None = None
) -> dict[str, Any]:
    """Real output and displaced effort for each kind of department as the tool's capability
    changes, at this scenario's reward: the fit → alignment → effort link of the model."""
    frame = _capability_frame(result, lang, faded=False)
    if baseline is not None:
        frame = pd.concat([_capability_frame(baseline, lang, faded=True), frame])
    marks = scenario_marks("capability", result.capability, baseline and baseline.capability, lang)
    own = result.own
    subtitle = t(
        "fitmodel_chart_subtitle",
        lang,
        **scenario_values(result, lang),
        output=f"{own.real_output:.2f}",
        displaced=f"{own.displaced:.2f}",
    )
    # the caption's first sentence: shorter than the description's, for a phone
    line = t(
        "fitmodel_chart_line",
        lang,
        alignment=f"{own.alignment:.2f}",
        output=f"{own.real_output:.2f}",
        displaced=f"{own.displaced:.2f}",
    )
    columns = ["capability", "measure", "measure_label", "label", "line", "value", "faded"]
    dashes = {t("fitmodel_output", lang): [1, 0], t("fitmodel_displaced", lang): [6, 3]}
    lines = {
        "data": {"values": records(frame, columns)},
        "mark": {"type": "line", "strokeWidth": 2.5},
        "encoding": {
            "x": quant(
                "capability",
                scale={"domain": [0, 1]},
                title=axis_lines(t("fitmodel_chart_x", lang)),
            ),
            "y": quant("value", title=t("fitmodel_chart_y", lang)),
            "color": _dept_colour(lang),
            "strokeDash": category("measure_label", dashes, labelLimit=300),
            "detail": [nominal("line"), nominal("faded")],
            "opacity": FADED_OPACITY,
        },
    }
    return chart(
        t("fitmodel_chart_title", lang),
        [sentences(lang, line, t("fitmodel_chart_caption", lang))],
        f"{t('fitmodel_chart_title', lang)}: {subtitle}",
        CHART_WIDTH - 120,
        300,
        layer=[
            lines,
            labelled_rule(marks, "capability", [2, 3], FADED_OPACITY, label_align="auto"),
            band_slot({"layer": [_own_range("output", 7), _own_range("displaced", -7)]}),
        ],
    )


def _own_range(measure: str, offset: int) -> dict[str, Any]:
    """The error bar of one measure, ``offset`` pixels off the "this scenario" rule."""
    found = errorbar_layer([], "capability", "value", "top", offset=offset)
    del found["data"]  # the band slot's rows, filtered
    return {"transform": [{"filter": f"datum.measure === '{measure}'"}], **found}


def capability_band(spec: Any, result: FitResult, bands: Any, lang: Lang) -> dict[str, Any]:
    """The capability chart with error bars at the tool's capability as set: the ranges of
    this department's real output and displaced effort."""
    rows = [
        {"capability": result.capability, "measure": m, "value": band.low, "top": band.high}
        for m, band in (
            ("output", bands["chart:own_output"]),
            ("displaced", bands["chart:own_displaced"]),
        )
    ]
    caption = range_caption(
        t("band2_marks_errorbars", lang), t("band2_what_capability", lang), lang
    )
    return fill_band(spec, rows, caption)


def band_quantities(result: FitResult) -> dict[str, float]:
    """What the fit page's chart bands are taken over (besides its headline figures): each
    department's complexity, the chosen tool's capability, this department's output and
    displaced effort on the capability chart."""
    out = {f"chart:complexity:{d.department}": d.complexity for d in result.departments.values()}
    own = result.own
    out |= {"chart:capability": result.capability}
    return out | {"chart:own_output": own.real_output, "chart:own_displaced": own.displaced}

"""Charts of task–tool fit and of the effort split under rewards on process metrics.

A :class:`explainer.model.fit.FitResult` in, Vega-Lite dictionaries out. Each chart can carry
a second, faded result (``baseline``) so that the reform page can show the status quo behind
the reform.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from explainer.charts.common import CHART_WIDTH, SCHEMA, labelled_rule, records, title, wrap
from explainer.i18n import t
from explainer.model.fit import TOOLS, FitResult
from explainer.spec import Lang

DEPT_COLOURS = {"regulatory": "#4e79a7", "public_service": "#59a14f", "grassroots": "#e15759"}
SERIES = ("metric", "real", "output", "score")
SERIES_COLOURS = ("#f28e2b", "#4e79a7", "#59a14f", "#b07aa1")


def _quadrant_points(result: FitResult, lang: Lang, faded: bool) -> pd.DataFrame:
    frame = result.table.copy()
    frame["label"] = [t(f"dept_{d}", lang) for d in frame["department"]]
    frame["text"] = [f"{t('fit_word', lang)} {fit:.2f}" for fit in frame["fit"]]
    frame["described"] = [
        f"{label}: {text}" for label, text in zip(frame["label"], frame["text"], strict=True)
    ]
    frame["above"] = [i % 2 == 0 for i in range(len(frame))]  # alternate: labels never collide
    frame["opacity"] = 0.3 if faded else 1.0
    return frame


def quadrant_spec(
    result: FitResult, lang: Lang, baseline: FitResult | None = None
) -> dict[str, Any]:
    """Task complexity against tool capability: the fit diagonal, the tools, the departments."""
    scenario_tools = result.tools_capability
    tools = pd.DataFrame(
        {
            "tool": [t(f"tool_{k}", lang) for k in TOOLS],
            "capability": [scenario_tools[k] for k in TOOLS],
            "chosen": [k == result.tool for k in TOOLS],
        }
    )
    points = _quadrant_points(result, lang, faded=False)
    if baseline is not None:
        points = pd.concat([_quadrant_points(baseline, lang, faded=True), points])
    axis = {"field": "x", "type": "quantitative", "scale": {"domain": [0, 1]}}
    regions = {
        "data": {"values": [{"x": 0, "y": 0, "top": 1}, {"x": 1, "y": 1, "top": 1}]},
        "layer": [
            {
                "mark": {"type": "area", "color": "#e15759", "opacity": 0.08},
                "encoding": {
                    "x": {**axis, "title": t("chart_fit_x", lang)},
                    "y": {
                        "field": "y",
                        "type": "quantitative",
                        "scale": {"domain": [0, 1]},
                        "title": t("chart_fit_y", lang),
                    },
                    "y2": {"datum": 0},
                },
            },
            {
                "mark": {"type": "area", "color": "#4e79a7", "opacity": 0.08},
                "encoding": {
                    "x": axis,
                    "y": {"field": "top", "type": "quantitative"},
                    "y2": {"field": "y"},
                },
            },
            {
                "mark": {"type": "line", "color": "#333", "strokeDash": [6, 4]},
                "encoding": {"x": axis, "y": {"field": "y", "type": "quantitative"}},
            },
        ],
    }
    region_labels = {
        "layer": [
            {
                "data": {"values": [{"x": x, "y": y, "text": t(key, lang)}]},
                "mark": {"type": "text", "fontSize": 12, "color": "#555", "align": align},
                "encoding": {
                    "x": {"field": "x", "type": "quantitative"},
                    "y": {"field": "y", "type": "quantitative"},
                    "text": {"field": "text", "type": "nominal"},
                },
            }
            for x, y, key, align in (
                (0.97, 0.05, "region_displacement", "right"),
                (0.03, 0.95, "region_overcontrol", "left"),
            )
        ]
    }
    tool_lines = {
        "data": {"values": records(tools, ["tool", "capability", "chosen"])},
        "layer": [
            {
                "mark": {"type": "rule", "strokeDash": [2, 3]},
                "encoding": {
                    "y": {"field": "capability", "type": "quantitative"},
                    "opacity": {"condition": {"test": "datum.chosen", "value": 0.9}, "value": 0.3},
                },
            },
            *[
                {
                    "transform": [{"filter": test}],
                    "mark": {
                        "type": "text",
                        "align": "left",
                        "dx": 3,
                        "dy": -5,
                        "fontSize": 11,
                        "fontWeight": weight,
                    },
                    "encoding": {
                        "x": {"datum": 0},
                        "y": {"field": "capability", "type": "quantitative"},
                        "text": {"field": "tool", "type": "nominal"},
                    },
                }
                for test, weight in (("datum.chosen", "bold"), ("!datum.chosen", "normal"))
            ],
        ],
    }
    dept = {
        "data": {
            "values": records(
                points, ["label", "text", "complexity", "capability", "opacity", "above"]
            )
        },
        "layer": [
            {
                "mark": {"type": "point", "filled": True, "size": 140},
                "encoding": {
                    "x": {"field": "complexity", "type": "quantitative"},
                    "y": {"field": "capability", "type": "quantitative"},
                    "color": {
                        "field": "label",
                        "type": "nominal",
                        "scale": {
                            "domain": [t(f"dept_{d}", lang) for d in DEPT_COLOURS],
                            "range": list(DEPT_COLOURS.values()),
                        },
                        "legend": {"title": None, "orient": "bottom", "labelLimit": 300},
                    },
                    "opacity": {"field": "opacity", "type": "quantitative", "scale": None},
                },
            },
            *[
                {
                    "transform": [{"filter": test}],
                    "mark": {"type": "text", "align": "center", "dy": dy, "fontSize": 12},
                    "encoding": {
                        "x": {"field": "complexity", "type": "quantitative"},
                        "y": {"field": "capability", "type": "quantitative"},
                        "text": {"field": "text", "type": "nominal"},
                        "opacity": {"field": "opacity", "type": "quantitative", "scale": None},
                    },
                }
                for test, dy in (("datum.above", -14), ("!datum.above", 20))
            ],
        ],
    }
    described = "; ".join(points.loc[points["opacity"] == 1.0, "described"])
    tool_name = t(f"tool_{result.tool}", lang)
    return {
        "$schema": SCHEMA,
        "title": title(
            t("chart_fit_title", lang),
            [
                t("fit_subtitle", lang, tool=tool_name, capability=f"{result.capability:.2f}"),
                *wrap(t("chart_fit_caption", lang)),
            ],
        ),
        "description": f"{t('chart_fit_title', lang)}: {described}",
        "width": CHART_WIDTH - 120,
        "height": 380,
        "layer": [regions, region_labels, tool_lines, dept],
    }


def _effort_frame(result: FitResult, lang: Lang, faded: bool) -> pd.DataFrame:
    curve = result.curve.melt(id_vars=["w"], value_vars=list(SERIES), var_name="series")
    curve["label"] = [t(f"effort_{s}", lang) for s in curve["series"]]
    curve["faded"] = faded
    return curve


def effort_spec(result: FitResult, lang: Lang, baseline: FitResult | None = None) -> dict[str, Any]:
    """Metric and real effort, real output and measured score as the reward on the metric rises."""
    frame = _effort_frame(result, lang, faded=False)
    marks = [{"w": result.curve_w, "faded": False, "text": t("effort_here", lang)}]
    if baseline is not None:
        frame = pd.concat([_effort_frame(baseline, lang, faded=True), frame])
        marks.insert(0, {"w": baseline.curve_w, "faded": True, "text": t("effort_before", lang)})
    split = result.split
    subtitle = t(
        "effort_subtitle",
        lang,
        metric=f"{split.metric:.2f}",
        real=f"{split.real:.2f}",
        output=f"{split.output:.2f}",
        score=f"{split.score:.2f}",
    )
    opacity = {"condition": {"test": "datum.faded", "value": 0.3}, "value": 1}
    return {
        "$schema": SCHEMA,
        "title": title(
            t("chart_effort_title", lang),
            [
                subtitle,
                *wrap(
                    t(
                        "fitmodel_effort_caption",
                        lang,
                        dept=t(f"dept_{result.department}", lang),
                        alignment=f"{result.alignment:.2f}",
                    )
                ),
            ],
        ),
        "description": f"{t('chart_effort_title', lang)}: {subtitle}",
        "width": CHART_WIDTH - 120,
        "height": 280,
        "layer": [
            {
                "data": {"values": records(frame, ["w", "series", "label", "value", "faded"])},
                "mark": {"type": "line", "strokeWidth": 2.5},
                "encoding": {
                    "x": {"field": "w", "type": "quantitative", "title": t("chart_effort_x", lang)},
                    "y": {
                        "field": "value",
                        "type": "quantitative",
                        "title": t("chart_effort_y", lang),
                    },
                    "color": {
                        "field": "label",
                        "type": "nominal",
                        "scale": {
                            "domain": [t(f"effort_{s}", lang) for s in SERIES],
                            "range": list(SERIES_COLOURS),
                        },
                        "legend": {"title": None, "orient": "bottom", "labelLimit": 300},
                    },
                    "detail": {"field": "faded", "type": "nominal"},
                    "strokeDash": {
                        "field": "series",
                        "type": "nominal",
                        "scale": {"domain": list(SERIES), "range": [[1, 0]] * 3 + [[6, 3]]},
                        "legend": None,
                    },
                    "opacity": opacity,
                },
            },
            labelled_rule(marks, "w", [6, 4], opacity),
        ],
    }


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
    marks = [{"capability": result.capability, "faded": False, "text": t("effort_here", lang)}]
    if baseline is not None:
        frame = pd.concat([_capability_frame(baseline, lang, faded=True), frame])
        marks.insert(
            0, {"capability": baseline.capability, "faded": True, "text": t("effort_before", lang)}
        )
    own = result.own
    subtitle = t(
        "fitmodel_chart_subtitle",
        lang,
        **scenario_values(result, lang),
        output=f"{own.real_output:.2f}",
        displaced=f"{own.displaced:.2f}",
    )
    opacity = {"condition": {"test": "datum.faded", "value": 0.3}, "value": 1}
    x_title = t("fitmodel_chart_x", lang)
    return {
        "$schema": SCHEMA,
        "title": title(
            t("fitmodel_chart_title", lang), [subtitle, *wrap(t("fitmodel_chart_caption", lang))]
        ),
        "description": f"{t('fitmodel_chart_title', lang)}: {subtitle}",
        "width": CHART_WIDTH - 120,
        "height": 300,
        "layer": [
            {
                "data": {
                    "values": records(
                        frame,
                        [
                            "capability",
                            "measure",
                            "measure_label",
                            "label",
                            "line",
                            "value",
                            "faded",
                        ],
                    )
                },
                "mark": {"type": "line", "strokeWidth": 2.5},
                "encoding": {
                    "x": {
                        "field": "capability",
                        "type": "quantitative",
                        "scale": {"domain": [0, 1]},
                        "title": x_title,
                    },
                    "y": {
                        "field": "value",
                        "type": "quantitative",
                        "title": t("fitmodel_chart_y", lang),
                    },
                    "color": {
                        "field": "label",
                        "type": "nominal",
                        "scale": {
                            "domain": [t(f"dept_{d}", lang) for d in DEPT_COLOURS],
                            "range": list(DEPT_COLOURS.values()),
                        },
                        "legend": {"title": None, "orient": "bottom", "labelLimit": 300},
                    },
                    "strokeDash": {
                        "field": "measure_label",
                        "type": "nominal",
                        "scale": {
                            "domain": [t("fitmodel_output", lang), t("fitmodel_displaced", lang)],
                            "range": [[1, 0], [6, 3]],
                        },
                        "legend": {"title": None, "orient": "bottom", "labelLimit": 300},
                    },
                    "detail": [
                        {"field": "line", "type": "nominal"},
                        {"field": "faded", "type": "nominal"},
                    ],
                    "opacity": opacity,
                },
            },
            labelled_rule(marks, "capability", [2, 3], opacity),
        ],
    }

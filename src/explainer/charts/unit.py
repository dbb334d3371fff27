"""Charts of a whole unit: bedtimes, penalty risk, the one-vote veto and the cascade.

A :class:`explainer.model.unit.UnitResult` in, Vega-Lite dictionaries out (see
:mod:`explainer.charts.night` for why dictionaries). Titles, axes with units and captions come
from the strings files; each chart carries a text description of its key numbers.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from explainer.charts.common import (
    CHART_WIDTH,
    CLOCK_LABEL,
    SCHEMA,
    category_colour,
    records,
    title,
    wrap,
)
from explainer.i18n import minutes_text, t
from explainer.model.penalties import veto_curve
from explainer.model.unit import UnitResult
from explainer.spec import Lang, format_clock

RULE_COLOURS = {"ranking": "#e15759", "threshold": "#4e79a7"}
RULES = ("ranking", "threshold")


def _rule_colour(lang: Lang) -> dict[str, Any]:
    labels = {t(f"rule_{r}", lang): RULE_COLOURS[r] for r in RULES}
    return category_colour("rule_label", labels, labelLimit=320)


def _pct(value: float) -> str:
    return f"{value:.1%}" if value < 0.995 or value == 1 else f"{value:.2%}"


# ----------------------------------------------------------------------------- bedtimes
def bedtime_axes(lang: Lang) -> dict[str, Any]:
    """x: bedtime on a 24-hour clock; y: share of person-nights (unstacked, so curves overlap)."""
    return {
        "x": {
            "field": "hour",
            "type": "quantitative",
            "title": t("chart_bedtime_x", lang),
            "axis": {"labelExpr": CLOCK_LABEL, "tickMinStep": 0.5},
            "scale": {"nice": False, "zero": False},
        },
        "y": {
            "field": "share",
            "type": "quantitative",
            "title": t("chart_bedtime_y", lang),
            "stack": None,
        },
    }


def bedtime_data(result: UnitResult, lang: Lang) -> pd.DataFrame:
    """Share of person-nights per 5-minute bedtime bin, for each rule."""
    frames = []
    for rule in RULES:
        population = getattr(result, rule).population
        counts = population.bedtime_counts
        total = counts.sum() or 1
        frames.append(
            pd.DataFrame(
                {
                    "rule_label": t(f"rule_{rule}", lang),
                    "hour": population.bedtime_bins() / 60,
                    "clock": [format_clock(m) for m in population.bedtime_bins()],
                    "share": counts / total * 100,
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def _rule_lines(result: UnitResult, lang: Lang) -> list[str]:
    return [
        t(
            "unit_bedtime_line",
            lang,
            rule=t(f"rule_{r}", lang),
            short=_pct(getattr(result, r).population.share_short_sleep),
            late=_pct(getattr(result, r).population.share_after_midnight),
        )
        for r in RULES
    ]


def bedtime_alt_text(result: UnitResult, lang: Lang) -> str:
    return f"{t('chart_bedtime_title', lang)}. " + " ".join(_rule_lines(result, lang))


def bedtime_spec(result: UnitResult, lang: Lang) -> dict[str, Any]:
    """Bedtimes across all staff and nights, ranking against threshold, midnight marked."""
    frame = bedtime_data(result, lang)
    frame = frame[frame["share"] > 0.001]
    limit = (result.active.night.wake_at - result.active.night.sleep_need_min) / 60
    marks = pd.DataFrame(
        {
            "x": [24.0, limit],
            "y": [0, 16],  # pixels from the top, so the two labels never overlap
            "text": [
                f"{t('midnight', lang)} 00:00",
                t("short_sleep_after", lang, clock=format_clock(limit * 60)),
            ],
        }
    )
    area = {
        "mark": {"type": "area", "opacity": 0.45, "interpolate": "step-after", "line": True},
        "data": {"values": records(frame, ["rule_label", "hour", "clock", "share"])},
        "encoding": {
            **bedtime_axes(lang),
            "color": _rule_colour(lang),
            "tooltip": [
                {"field": "rule_label", "type": "nominal", "title": t("rule", lang)},
                {"field": "clock", "type": "nominal", "title": t("tooltip_start", lang)},
                {"field": "share", "type": "quantitative", "title": "%", "format": ".2f"},
            ],
        },
    }
    lines = {
        "data": {"values": records(marks, ["x", "y", "text"])},
        "layer": [
            {
                "mark": {"type": "rule", "strokeDash": [6, 4], "color": "#333"},
                "encoding": {"x": {"field": "x", "type": "quantitative"}},
            },
            {
                "mark": {"type": "text", "align": "left", "dx": 4, "dy": -6, "fontSize": 12},
                "encoding": {
                    "x": {"field": "x", "type": "quantitative"},
                    "y": {"field": "y", "type": "quantitative", "scale": None},
                    "text": {"field": "text", "type": "nominal"},
                },
            },
        ],
    }
    subtitle = [*_rule_lines(result, lang), *wrap(t("chart_bedtime_caption", lang))]
    return {
        "$schema": SCHEMA,
        "title": title(t("chart_bedtime_title", lang), subtitle),
        "description": bedtime_alt_text(result, lang),
        "width": CHART_WIDTH,
        "height": 240,
        "layer": [area, lines],
    }


# ----------------------------------------------------------------------------- penalty risk
def risk_data(result: UnitResult, lang: Lang) -> pd.DataFrame:
    rows = []
    for rule in RULES:
        outcome = getattr(result, rule)
        if rule == "threshold" and result.cumulative_rule and result.deadline is not None:
            # a cumulative target with a deadline: the one risk is missing it (seed §3)
            value = result.deadline.p_miss
            rows.append(
                {
                    "rule_label": t(f"rule_{rule}", lang),
                    "horizon": deadline_horizon(result, lang),
                    "percent": value * 100,
                    "text": _pct(value),
                }
            )
            continue
        for horizon, value in (
            ("period", outcome.p_penalty_period),
            ("year", outcome.p_penalty_year),
        ):
            rows.append(
                {
                    "rule_label": t(f"rule_{rule}", lang),
                    "horizon": t(f"horizon_{horizon}", lang, days=result.scenario.period_days),
                    "percent": value * 100,
                    "text": _pct(value),
                }
            )
    return pd.DataFrame(rows)


def deadline_horizon(result: UnitResult, lang: Lang) -> str:
    """“20 study hours by 2020-08-20”: the cumulative target and its deadline."""
    s = result.scenario
    return t(
        "deadline_horizon",
        lang,
        hours=f"{float(s.study_hours_target):g}",
        date=s.window_end.isoformat(),
    )


def risk_spec(result: UnitResult, lang: Lang) -> dict[str, Any]:
    """A person's chance of a penalty under each rule, per period and over the year."""
    frame = risk_data(result, lang)
    frame["label"] = frame["rule_label"] + " · " + frame["horizon"]
    described = "; ".join(f"{r.label} {r.text}" for r in frame.itertuples())
    y = {
        "field": "label",
        "type": "nominal",
        "title": t("chart_risk_y", lang),
        "sort": list(frame["label"]),
    }
    x = {
        "field": "percent",
        "type": "quantitative",
        "title": t("chart_risk_x", lang),
        "scale": {"domain": [0, 100]},
    }
    return {
        "$schema": SCHEMA,
        "title": title(t("chart_risk_title", lang), wrap(t("chart_risk_caption", lang))),
        "description": f"{t('chart_risk_title', lang)}: {described}",
        "width": CHART_WIDTH - 200,
        "height": 30 * len(frame),
        "data": {"values": records(frame, ["rule_label", "label", "percent", "text"])},
        "layer": [
            {"mark": {"type": "bar"}, "encoding": {"y": y, "x": x, "color": _rule_colour(lang)}},
            {
                "mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 13},
                "encoding": {"y": y, "x": x, "text": {"field": "text", "type": "nominal"}},
            },
        ],
    }


# ----------------------------------------------------------------------------- veto
def veto_spec(result: UnitResult, lang: Lang) -> dict[str, Any]:
    """The unit's chance of losing its award against staff size, for a few personal risks."""
    s = result.scenario
    largest = max(200, 2 * s.n_staff)
    step = max(5, largest // 100)  # about a hundred points per line is smooth enough
    sizes = sorted({*range(5, largest + 1, step), s.n_staff})
    current = result.veto.p_person_fail
    rates = sorted({0.005, 0.01, 0.02, 0.05, round(current, 4)} - {0.0})
    # Each person's failure cancels the award only with chance p_veto_cancels (seed §4,
    # “直接影响甚至取消”), so each line is drawn at the effective rate, labelled by the person's.
    cancels = s.p_veto_cancels
    curve = pd.concat(
        [veto_curve(sizes, [p * cancels], 1).assign(p_fail=p) for p in rates], ignore_index=True
    )
    curve["percent"] = curve["p_unit_veto"] * 100
    curve["series"] = [
        t("veto_series_current", lang, p=_pct(p)) if p == round(current, 4) else _pct(p)
        for p in curve["p_fail"]
    ]
    here = pd.DataFrame(
        [
            {
                "n_staff": s.n_staff,
                "percent": v.p_unit_veto * 100,
                "text": t(f"reading_{reading}", lang, n=s.run_threshold)
                + f": {_pct(v.p_unit_veto)}",
            }
            for reading, v in result.vetoes.items()
        ]
    )
    described = "; ".join(here["text"])
    return {
        "$schema": SCHEMA,
        "title": title(
            t("chart_veto_title", lang),
            [
                t("veto_subtitle", lang, n=s.n_staff, text=described),
                *wrap(t("chart_veto_caption", lang)),
            ],
        ),
        "description": f"{t('chart_veto_title', lang)}: {described}",
        "width": CHART_WIDTH,
        "height": 260,
        "layer": [
            {
                "data": {"values": records(curve, ["n_staff", "percent", "series"])},
                "mark": {"type": "line", "strokeWidth": 2},
                "encoding": {
                    "x": {
                        "field": "n_staff",
                        "type": "quantitative",
                        "title": t("chart_veto_x", lang),
                    },
                    "y": {
                        "field": "percent",
                        "type": "quantitative",
                        "title": t("chart_veto_y", lang),
                        "scale": {"domain": [0, 100]},
                    },
                    "color": {
                        "field": "series",
                        "type": "nominal",
                        "title": t("veto_legend", lang),
                        "legend": {"orient": "right", "labelLimit": 260},
                    },
                },
            },
            {
                "data": {"values": records(here, ["n_staff", "percent", "text"])},
                "layer": [
                    {
                        "mark": {"type": "point", "filled": True, "size": 90, "color": "#222"},
                        "encoding": {
                            "x": {"field": "n_staff", "type": "quantitative"},
                            "y": {"field": "percent", "type": "quantitative"},
                        },
                    },
                    {
                        "mark": {"type": "text", "align": "left", "dx": 8, "fontSize": 12},
                        "encoding": {
                            "x": {"field": "n_staff", "type": "quantitative"},
                            "y": {"field": "percent", "type": "quantitative"},
                            "text": {"field": "text", "type": "nominal"},
                        },
                    },
                ],
            },
        ],
    }


# ----------------------------------------------------------------------------- cascade
def cascade_data(result: UnitResult, lang: Lang) -> pd.DataFrame:
    frame = result.cascade.copy()
    frame["level_label"] = [t(f"level_{k}", lang) for k in frame["level"]]
    frame["detail"] = [" · ".join(_level_parts(row, lang)) for row in frame.itertuples()]
    frame["minutes_text"] = [minutes_text(m, lang) for m in frame["night_minutes"]]
    return frame


def _level_parts(row: Any, lang: Lang) -> list[str]:
    parts = []
    if row.quota_points > 0:
        parts.append(t("cascade_points", lang, quota=row.quota_points))
    if row.study_hours > 0:
        hours = f"{row.study_hours:g}"
        parts.append(t("cascade_hours", lang, hours=hours, deadline=row.deadline.strftime("%m-%d")))
    parts.append(t("cascade_apps", lang, apps=row.n_apps))
    return parts


def cascade_spec(result: UnitResult, lang: Lang) -> dict[str, Any]:
    """Nightly minutes each level's own rule would take, from the top down to the section."""
    frame = cascade_data(result, lang)
    order = list(frame["level_label"])
    ratio = result.escalation_ratio
    described = "; ".join(f"{r.level_label} {r.minutes_text}" for r in frame.itertuples())
    y = {
        "field": "level_label",
        "type": "nominal",
        "title": t("chart_cascade_y", lang),
        "sort": order,
    }
    return {
        "$schema": SCHEMA,
        "title": title(
            t("chart_cascade_title", lang),
            [
                t("cascade_subtitle", lang, ratio=f"{ratio:.2f}" if ratio == ratio else "–"),
                *wrap(t("chart_cascade_caption", lang)),
            ],
        ),
        "description": f"{t('chart_cascade_title', lang)}: {described}",
        "width": CHART_WIDTH - 160,
        "height": 34 * len(order),
        "data": {
            "values": records(frame, ["level_label", "night_minutes", "minutes_text", "detail"])
        },
        "layer": [
            {
                "mark": {"type": "bar", "color": "#f28e2b"},
                "encoding": {
                    "y": y,
                    "x": {
                        "field": "night_minutes",
                        "type": "quantitative",
                        "title": t("chart_cascade_x", lang),
                    },
                    "tooltip": [
                        {
                            "field": "level_label",
                            "type": "nominal",
                            "title": t("chart_cascade_y", lang),
                        },
                        {
                            "field": "minutes_text",
                            "type": "nominal",
                            "title": t("tooltip_minutes", lang),
                        },
                        {"field": "detail", "type": "nominal", "title": t("tooltip_kind", lang)},
                    ],
                },
            },
            {
                "mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 12},
                "encoding": {
                    "y": y,
                    "x": {"field": "night_minutes", "type": "quantitative"},
                    "text": {"field": "detail", "type": "nominal"},
                },
            },
        ],
    }

"""Charts of a whole unit: bedtimes, penalty risk, the one-vote veto and the cascade.

A :class:`explainer.model.unit.UnitResult` in, Vega-Lite dictionaries out (see
:mod:`explainer.charts.night` for why dictionaries). Titles, axes with units and captions come
from the strings files; each chart carries a text description of its key numbers.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from explainer.charts.band_layers import band_slot, errorbar_layer, fill_band, range_caption
from explainer.charts.common import (
    CHART_WIDTH,
    CLOCK_LABEL,
    axis_lines,
    bar_label_place,
    category,
    chart,
    labelled_rule,
    nominal,
    quant,
    records,
    text_layer,
    text_px,
)
from explainer.core.i18n import minutes_text, sentences, t
from explainer.core.spec import Lang, format_clock
from explainer.model.penalties import veto_probability
from explainer.model.population import HIST_STEP
from explainer.model.uncertainty import Band
from explainer.model.unit import UnitResult

RULE_COLOURS = {"ranking": "#e15759", "threshold": "#4e79a7"}
RULES = ("ranking", "threshold")


def _rule_colour(lang: Lang) -> dict[str, Any]:
    labels = {t(f"rule_{r}", lang): RULE_COLOURS[r] for r in RULES}
    return category("rule_label", labels, labelLimit=320)


def _pct(value: float) -> str:
    return f"{value:.1%}" if value < 0.995 or value == 1 else f"{value:.2%}"


# ----------------------------------------------------------------------------- bedtimes
def bedtime_axes(lang: Lang) -> dict[str, Any]:
    """x: bedtime on a 24-hour clock; y: share of person-nights (unstacked, so curves overlap)."""
    return {
        "x": quant(
            "hour",
            title=t("chart_bedtime_x", lang),
            axis={"labelExpr": CLOCK_LABEL, "tickMinStep": 0.5},
            scale={"nice": False, "zero": False},
        ),
        "y": quant("share", title=t("chart_bedtime_y", lang), stack=None),
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


def _rule_shares(result: UnitResult, lang: Lang) -> str:
    """Both rules' shares of short and late nights in one sentence (the caption's first line,
    short enough for a phone)."""
    shares = {}
    for r in RULES:
        population = getattr(result, r).population
        shares[f"short_{r}"] = _pct(population.share_short_sleep)
        shares[f"late_{r}"] = _pct(population.share_after_midnight)
    return t("chart_bedtime_shares", lang, **shares)


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
    marks = [  # y: pixels from the top, so the two labels never overlap
        {"x": 24.0, "y": 0, "text": f"{t('midnight', lang)} 00:00"},
        {
            "x": limit,
            "y": 16,
            "before": True,  # off the midnight rule, which is later
            "text": [
                t("short_sleep_rule_when", lang, clock=format_clock(limit * 60)),
                t("short_sleep_rule_what", lang),
            ],
        },
    ]
    area = {
        "mark": {"type": "area", "opacity": 0.45, "interpolate": "step-after", "line": True},
        "data": {"values": records(frame, ["rule_label", "hour", "clock", "share"])},
        "encoding": {
            **bedtime_axes(lang),
            "color": _rule_colour(lang),
            "tooltip": [
                nominal("rule_label", title=t("rule", lang)),
                nominal("clock", title=t("tooltip_start", lang)),
                quant("share", title="%", format=".2f"),
            ],
        },
    }
    # Each label on the side of its rule that has room for it, in short lines: it ends
    # inside the plot on a phone too (issue 14).
    lines = labelled_rule(marks, "x", [6, 4], label_at=quant("y", scale=None), label_align="auto")
    return chart(
        t("chart_bedtime_title", lang),
        [sentences(lang, _rule_shares(result, lang), t("chart_bedtime_caption", lang))],
        bedtime_alt_text(result, lang),
        CHART_WIDTH,
        240,
        layer=[area, lines, band_slot(_median_ranges())],
    )


def median_bedtime(result: UnitResult, rule: str) -> float:
    """The median bedtime (clock minutes, mid-bin) of all person-nights under ``rule``."""
    population = getattr(result, rule).population
    counts = population.bedtime_counts
    half = np.searchsorted(np.cumsum(counts), counts.sum() / 2)
    bins = population.bedtime_bins()
    return float(bins[min(int(half), len(bins) - 1)] + HIST_STEP / 2)


def _median_ranges() -> dict[str, Any]:
    """Each rule's median bedtime: its range as a rule near the top in the rule's colour (one
    row per rule, at ``y`` pixels), the value as set as a dot. The ranges are written in the
    caption, not beside the rules: a phone's plot is too narrow for a label."""
    x = quant("hour")
    y, colour = quant("y", scale=None), nominal("colour", scale=None, legend=None)
    tick = {"type": "tick", "thickness": 2, "size": 10, "orient": "vertical"}
    return {
        "layer": [
            {
                "mark": {"type": "rule", "strokeWidth": 3},
                "encoding": {"x": x, "x2": {"field": "top"}, "y": y, "color": colour},
            },
            {"mark": tick, "encoding": {"x": x, "y": y, "color": colour}},
            {"mark": tick, "encoding": {"x": quant("top"), "y": y, "color": colour}},
            {
                "mark": {"type": "point", "filled": True, "size": 50},
                "encoding": {"x": quant("value"), "y": y, "color": colour},
            },
        ]
    }


def bedtime_band(spec: Any, result: UnitResult, bands: Any, lang: Lang) -> dict[str, Any]:
    """The bedtime chart with each rule's median bedtime and its range."""
    rows, spans = [], []
    for i, rule in enumerate(RULES):
        band: Band = bands[f"chart:bedtime_median:{rule}"]
        span = f"{format_clock(band.low)}–{format_clock(band.high)}"
        spans.append(t("band2_median_label", lang, rule=t(f"rule_short_{rule}", lang), span=span))
        row = {"hour": band.low / 60, "top": band.high / 60, "value": band.value / 60}
        rows.append({**row, "y": 40 + 16 * i, "colour": RULE_COLOURS[rule]})
    caption = range_caption(t("band2_marks_median", lang), t("band2_what_median", lang), lang)
    return fill_band(spec, rows, f"{caption} {t('list_separator', lang).join(spans)}")


# ----------------------------------------------------------------------------- penalty risk
def risk_chances(result: UnitResult) -> list[tuple[str, str, str, float]]:
    """Each bar of the risk chart: (id, rule, horizon, chance). Under a cumulative target
    with a deadline, the threshold rule's one risk is missing it (seed §3)."""
    out = []
    for rule in RULES:
        outcome = getattr(result, rule)
        if rule == "threshold" and result.cumulative_rule and result.deadline is not None:
            out.append((f"{rule}:deadline", rule, "deadline", result.deadline.p_miss))
            continue
        out += [
            (f"{rule}:period", rule, "period", outcome.p_penalty_period),
            (f"{rule}:year", rule, "year", outcome.p_penalty_year),
        ]
    return out


def risk_data(result: UnitResult, lang: Lang) -> pd.DataFrame:
    days = result.scenario.period_days
    rows = [
        {
            "id": key,
            "rule_label": t(f"rule_{rule}", lang),
            "horizon": deadline_horizon(result, lang)
            if horizon == "deadline"
            else t(f"horizon_{horizon}", lang, days=days),
            "percent": value * 100,
            "text": _pct(value),
        }
        for key, rule, horizon, value in risk_chances(result)
    ]
    frame = pd.DataFrame(rows)
    frame["label"] = frame["rule_label"] + " · " + frame["horizon"]
    return frame


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
    frame["room"] = [text_px(text, 13) + 8 for text in frame["text"]]
    described = "; ".join(f"{r.label} {r.text}" for r in frame.itertuples())
    # The axis title above the labels (beside them, it was drawn over the long labels in
    # presenter type), and no legend: each label names its rule (a legend under the plot
    # started at the plot's left and ended past a phone's chart, issue 15).
    axis = {"titleAngle": 0, "titleAlign": "left", "titleY": -8}
    at = {
        "y": nominal("label", title=t("chart_risk_y", lang), sort=list(frame["label"]), axis=axis),
        "x": quant("percent", title=t("chart_risk_x", lang), scale={"domain": [0, 100]}),
    }
    return chart(
        t("chart_risk_title", lang),
        [t("chart_risk_caption", lang)],
        f"{t('chart_risk_title', lang)}: {described}",
        CHART_WIDTH - 200,
        30 * len(frame),
        data={"values": records(frame, ["rule_label", "label", "percent", "text", "room"])},
        layer=[
            {
                "mark": {"type": "bar"},
                "encoding": {**at, "color": {**_rule_colour(lang), "legend": None}},
            },
            # after the bar, or inside it near 100 %: never past the plot's edge (issue 14)
            text_layer(at, **_after_or_inside("percent"), fontSize=13),
            # below the bar's middle, off its label
            band_slot(errorbar_layer([], at["y"], "percent", "top", horizontal=True, offset=8)),
        ],
    )


def _after_or_inside(field: str) -> dict[str, Any]:
    """A bar's label after the bar where the plot has room for it (``room`` px), else
    inside it, ending at its end (Vega expressions for ``align`` and ``dx``)."""
    after = f"width - scale('x', datum[{field!r}]) >= datum.room"
    return {"align": {"expr": f"{after} ? 'left' : 'right'"}, "dx": {"expr": f"{after} ? 4 : -4"}}


def risk_band(spec: Any, result: UnitResult, bands: Any, lang: Lang) -> dict[str, Any]:
    """The risk chart with an error bar on each bar: its chance's range."""
    rows = [
        {"label": r.label, "percent": band.low * 100, "top": band.high * 100}
        for r in risk_data(result, lang).itertuples()
        for band in [bands[f"chart:risk:{r.id}"]]
    ]
    caption = range_caption(t("band2_marks_errorbars", lang), t("band2_what_risk", lang), lang)
    return fill_band(spec, rows, caption)


# ----------------------------------------------------------------------------- veto
def _veto_curves(result: UnitResult, lang: Lang) -> pd.DataFrame:
    """The unit's chance of a veto against staff size, one line per personal risk."""
    s = result.scenario
    largest = max(200, 2 * s.n_staff)
    step = max(5, largest // 100)  # about a hundred points per line is smooth enough
    sizes = sorted({*range(5, largest + 1, step), s.n_staff})
    current = result.veto.p_person_fail
    rates = sorted({0.005, 0.01, 0.02, 0.05, round(current, 4)} - {0.0})
    # Each person's failure cancels the award only with chance p_veto_cancels (seed §4,
    # “直接影响甚至取消”), so each line is drawn at the effective rate, labelled by the person's.
    # One frame built from plain lists (the numbers of veto_curve, one call per point): five
    # frames joined and cast took ~15 ms of each slider move on the unit page (issue 14).
    cancels = s.p_veto_cancels
    names = {
        p: t("veto_series_current", lang, p=_pct(p)) if p == round(current, 4) else _pct(p)
        for p in rates
    }
    pairs = [(n, p) for p in rates for n in sizes]
    unit = [veto_probability(n, 1, p * cancels) for n, p in pairs]
    return pd.DataFrame(
        {
            "n_staff": [n for n, _ in pairs],
            "p_fail": [p for _, p in pairs],
            "k_items": 1,
            "p_unit_veto": unit,
            "percent": [u * 100 for u in unit],
            "series": [names[p] for _, p in pairs],
        }
    )


def _veto_readings(result: UnitResult, lang: Lang) -> pd.DataFrame:
    """This unit's chance of a veto under each reading of the run rule ("以上")."""
    n, threshold = result.scenario.n_staff, result.scenario.run_threshold
    return pd.DataFrame(
        [
            {
                "n_staff": n,
                "percent": v.p_unit_veto * 100,
                "text": t(f"reading_{reading}", lang, n=threshold) + f": {_pct(v.p_unit_veto)}",
            }
            for reading, v in result.vetoes.items()
        ]
    )


def veto_spec(result: UnitResult, lang: Lang) -> dict[str, Any]:
    """The unit's chance of losing its award against staff size, for a few personal risks."""
    curve, here = _veto_curves(result, lang), _veto_readings(result, lang)
    described = "; ".join(here["text"])
    at = {"x": quant("n_staff"), "y": quant("percent")}
    lines = {
        "data": {"values": records(curve, ["n_staff", "percent", "series"])},
        "mark": {"type": "line", "strokeWidth": 2},
        "encoding": {
            "x": quant("n_staff", title=t("chart_veto_x", lang)),
            "y": quant("percent", title=t("chart_veto_y", lang), scale={"domain": [0, 100]}),
            "color": nominal(
                "series",
                title=t("veto_legend", lang),
                legend={"orient": "right", "labelLimit": 260},
            ),
        },
    }
    point = {"type": "point", "filled": True, "size": 90, "color": "#222"}
    readings = {
        "data": {"values": records(here, ["n_staff", "percent", "text"])},
        "layer": [
            {"mark": point, "encoding": at},
            text_layer(at, align="left", dx=8, fontSize=12),
        ],
    }
    return chart(
        t("chart_veto_title", lang),
        [
            t("veto_subtitle", lang, n=result.scenario.n_staff, text=described),
            t("chart_veto_caption", lang),
        ],
        f"{t('chart_veto_title', lang)}: {described}",
        CHART_WIDTH,
        260,
        layer=[lines, readings],
    )


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
    y = nominal("level_label", title=t("chart_cascade_y", lang), sort=order)
    bars = {
        "mark": {"type": "bar", "color": "#f28e2b"},
        "encoding": {
            "y": y,
            "x": quant("night_minutes", title=axis_lines(t("chart_cascade_x", lang), 180)),
            "tooltip": [
                nominal("level_label", title=t("chart_cascade_y", lang)),
                nominal("minutes_text", title=t("tooltip_minutes", lang)),
                nominal("detail", title=t("tooltip_kind", lang)),
            ],
        },
    }
    # A bar's label inside it, after it or from the plot's left edge, wherever it fits: it
    # never ends past the plot's right edge (issue 14).
    frame["room"] = [text_px(text, 12) + 8 for text in frame["detail"]]
    labels = text_layer(
        {"y": y, "x": quant("night_minutes")},
        "detail",
        **bar_label_place("night_minutes"),
        dy=-3,  # off the error bar drawn below the bar's middle
        fontSize=12,
    )
    columns = ["level_label", "night_minutes", "minutes_text", "detail", "room"]
    return chart(
        t("chart_cascade_title", lang),
        [
            t("cascade_subtitle", lang, ratio=f"{ratio:.2f}" if ratio == ratio else "–"),
            t("chart_cascade_caption", lang),
        ],
        f"{t('chart_cascade_title', lang)}: {described}",
        CHART_WIDTH - 160,
        34 * len(order),
        data={"values": records(frame, columns)},
        layer=[bars, labels, band_slot(errorbar_layer([], y, "night_minutes", "top", True, 9))],
    )


def cascade_band(spec: Any, result: UnitResult, bands: Any, lang: Lang) -> dict[str, Any]:
    """The cascade chart with an error bar on each level's minutes: their range."""
    rows = [
        {"level_label": t(f"level_{level}", lang), "night_minutes": band.low, "top": band.high}
        for level in result.cascade["level"]
        for band in [bands[f"chart:cascade:{level}"]]
    ]
    caption = range_caption(t("band2_marks_errorbars", lang), t("band2_what_cascade", lang), lang)
    return fill_band(spec, rows, caption)


def band_quantities(result: UnitResult) -> dict[str, float]:
    """What the unit page's chart bands are taken over (besides its headline figures): each
    rule's median bedtime, each bar of the risk chart, each level of the cascade."""
    out = {f"chart:bedtime_median:{r}": median_bedtime(result, r) for r in RULES}
    out |= {f"chart:risk:{key}": float(value) for key, *_, value in risk_chances(result)}
    levels, minutes = result.cascade["level"].tolist(), result.cascade["night_minutes"].tolist()
    return out | {f"chart:cascade:{k}": float(m) for k, m in zip(levels, minutes, strict=True)}

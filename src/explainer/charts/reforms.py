"""Charts of status quo against reform: the reform drawn over a faded status quo.

A :class:`explainer.model.compare.ComparisonResult` in, Vega-Lite dictionaries out.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from explainer.charts.common import (
    CHART_WIDTH,
    OPACITY_FIELD,
    category,
    chart,
    nominal,
    quant,
    records,
)
from explainer.charts.fit import effort_spec, quadrant_spec
from explainer.charts.unit import bedtime_axes
from explainer.core.i18n import minutes_text, t
from explainer.core.spec import Lang
from explainer.model.compare import ComparisonResult

SIDE_COLOURS = {"status_quo": "#9d9d9d", "reform": "#59a14f"}


def reforms_line(result: ComparisonResult, lang: Lang) -> list[str]:
    """The chosen reforms, each dated relative to the article (ours marked as ours)."""
    from explainer.core.reforms import reforms

    if not result.reforms:
        return []
    known = reforms()
    labels = [known[rid].label(lang) for rid in result.reforms if rid in known]
    return [t("chart_reforms_line", lang, reforms=t("list_separator", lang).join(labels))]


def _with_reforms(spec: dict[str, Any], result: ComparisonResult, lang: Lang) -> dict[str, Any]:
    """Add the reforms line to a chart's subtitle."""
    spec["title"]["subtitle"] = [*reforms_line(result, lang), *spec["title"]["subtitle"]]
    return spec


def _side_colour(lang: Lang) -> dict[str, Any]:
    labels = {t(f"side_{side}", lang): colour for side, colour in SIDE_COLOURS.items()}
    return category("side_label", labels)


def bedtime_overlay_spec(result: ComparisonResult, lang: Lang) -> dict[str, Any]:
    """Bedtimes across the unit before and after the reforms (each under its own rule)."""
    frames = []
    for side, outcome in (("status_quo", result.status_quo), ("reform", result.reformed)):
        population = outcome.unit.active.population
        counts = population.bedtime_counts
        frames.append(
            pd.DataFrame(
                {
                    "side_label": t(f"side_{side}", lang),
                    "hour": population.bedtime_bins() / 60,
                    "share": counts / max(counts.sum(), 1) * 100,
                    "opacity": 0.25 if side == "status_quo" else 0.6,
                }
            )
        )
    frame = pd.concat(frames, ignore_index=True)
    frame = frame[frame["share"] > 0.001]
    before = result.status_quo.unit.share_short_sleep
    after = result.reformed.unit.share_short_sleep
    line = t("overlay_bedtime_line", lang, before=f"{before:.1%}", after=f"{after:.1%}")
    return chart(
        t("chart_bedtime_title", lang),
        [*reforms_line(result, lang), line, t("overlay_caption", lang)],
        f"{t('chart_bedtime_title', lang)}: {line}",
        CHART_WIDTH,
        220,
        data={"values": records(frame, ["side_label", "hour", "share", "opacity"])},
        mark={"type": "area", "interpolate": "step-after", "line": True},
        encoding={**bedtime_axes(lang), "color": _side_colour(lang), "opacity": OPACITY_FIELD},
    )


def minutes_overlay_spec(result: ComparisonResult, lang: Lang) -> dict[str, Any]:
    """A typical night's app minutes, split into parts, before and after the reforms."""
    rows = []
    for side, outcome in (("status_quo", result.status_quo), ("reform", result.reformed)):
        night = outcome.unit.active.night
        for part, minutes in (
            ("signin", night.signin_minutes),
            ("study", night.own_app_minutes - night.signin_minutes),
            ("proxy", night.proxy_minutes),
        ):
            rows.append(
                {
                    "side_label": t(f"side_{side}", lang),
                    "part": t(f"kind_{part}", lang),
                    "minutes": round(minutes, 2),
                    "opacity": 0.35 if side == "status_quo" else 1.0,
                }
            )
    frame = pd.DataFrame(rows)
    before = minutes_text(result.status_quo.unit.night_minutes, lang)
    after = minutes_text(result.reformed.unit.night_minutes, lang)
    line = t("overlay_minutes_line", lang, before=before, after=after)
    sides = [t(f"side_{s}", lang) for s in SIDE_COLOURS]
    return chart(
        t("chart_minutes_title", lang),
        [*reforms_line(result, lang), line],
        f"{t('chart_minutes_title', lang)}: {line}",
        CHART_WIDTH - 120,
        140,
        data={"values": records(frame, ["side_label", "part", "minutes", "opacity"])},
        mark={"type": "bar"},
        encoding={
            "y": nominal("side_label", title=t("chart_minutes_y", lang), sort=sides),
            "x": quant("minutes", aggregate="sum", title=t("chart_apps_x", lang)),
            "color": nominal("part", title=None, legend={"orient": "bottom"}),
            "opacity": OPACITY_FIELD,
            "tooltip": [
                nominal("side_label"),
                nominal("part"),
                quant("minutes", title=t("tooltip_minutes", lang)),
            ],
        },
    )


def effort_overlay_spec(result: ComparisonResult, lang: Lang) -> dict[str, Any]:
    return _with_reforms(
        effort_spec(result.reformed.fit, lang, baseline=result.status_quo.fit), result, lang
    )


def fit_overlay_spec(result: ComparisonResult, lang: Lang) -> dict[str, Any]:
    return _with_reforms(
        quadrant_spec(result.reformed.fit, lang, baseline=result.status_quo.fit), result, lang
    )

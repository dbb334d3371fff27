"""The unit page: rankings against thresholds, the veto, check-ins and the cascade.

The numbers come from :func:`explainer.model.unit.unit`, the charts from
:mod:`explainer.charts.unit`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from explainer.charts.unit import (
    bedtime_spec,
    cascade_spec,
    deadline_horizon,
    risk_spec,
    veto_spec,
)
from explainer.core.figures import Figure, show
from explainer.core.i18n import minutes_text, t
from explainer.core.spec import Lang
from explainer.model import evaluate
from explainer.model.unit import UnitResult
from explainer.pages import Card, Chart, PageSpec

FIGURES = (
    "night_minutes",
    "share_short_sleep",
    "share_after_midnight",
    "unit_app_hours_year",
    "p_penalty_period",
    "p_penalty_year",
    "p_unit_veto",
    "checkin_minutes_per_day",
    "escalation_ratio",
)


def _pct(value: float) -> str:
    return f"{value:.1%}"


def compute(scenario: Any, extras: Mapping[str, Any]) -> UnitResult:
    return evaluate("unit", scenario)


def figures(result: UnitResult) -> list[Figure]:
    return [Figure.of(key, getattr(result, key)) for key in FIGURES]


def summary(result: UnitResult, state: Any) -> str:
    """One paragraph: short nights, staff-hours, the penalty or the deadline, the veto."""
    s, lang = result.scenario, state.lang
    common = {"n": s.n_staff, "short": _pct(result.share_short_sleep)}
    common["hours"] = f"{result.unit_app_hours_year:,.0f}"
    if result.cumulative_rule and result.deadline is not None:
        text = t(
            "summary_unit_deadline",
            lang,
            **common,
            target=deadline_horizon(result, lang),
            miss=_pct(result.deadline.p_miss),
            skip=_pct(result.deadline.p_skip),
        )
    else:
        text = t(
            "summary_unit",
            lang,
            **common,
            rule=t(f"rule_{s.rule}", lang),
            penalty=_pct(result.p_penalty_period),
            days=s.period_days,
        )
    if s.veto_on:
        text += " " + t(
            "summary_unit_veto",
            lang,
            veto=_pct(result.vetoes["at_least"].p_unit_veto),
            alt=_pct(result.vetoes["more_than"].p_unit_veto),
            run=s.run_threshold,
        )
    return text


def cards(result: UnitResult, state: Any) -> list[Card]:
    """Short nights, staff-hours, penalty, veto, check-in, photos, cascade."""
    s, lang = result.scenario, state.lang
    hours_year, veto = result.unit_app_hours_year, result.p_unit_veto
    hours = t(
        "card_unit_hours_detail",
        lang,
        checkin=f"{result.checkin_hours_year:,.0f}",
        per_person=f"{result.unit_app_hours_year / s.n_staff:,.0f}",
    )
    checkin = t(
        "card_checkin_detail",
        lang,
        recorded=_pct(result.proxy.recorded),
        present=_pct(result.proxy.present),
    )
    short = (t("card_short_sleep", lang), show("share_short_sleep", result.share_short_sleep, lang))
    return [
        (*short, t(f"rule_{s.rule}", lang), "short"),
        (t("card_unit_hours", lang), show("unit_app_hours_year", hours_year, lang), hours, "hours"),
        _penalty_card(result, lang),
        (t("card_veto", lang), show("p_unit_veto", veto, lang), _veto_detail(result, lang), "veto"),
        (
            t("card_checkin", lang),
            minutes_text(result.checkin_minutes_per_day, lang),
            checkin,
            "checkin",
        ),
        _photo_card(result, lang),
        (
            t("card_cascade", lang),
            f"×{result.escalation_ratio:.2f}",
            t("card_cascade_detail", lang),
            "cascade",
        ),
    ]


def _veto_detail(result: UnitResult, lang: Lang) -> str:
    s = result.scenario
    if not s.veto_on:
        return t("card_veto_off", lang)
    return t(
        "card_veto_detail",
        lang,
        n=s.run_threshold,
        at_least=_pct(result.vetoes["at_least"].p_unit_veto),
        more_than=_pct(result.vetoes["more_than"].p_unit_veto),
    )


def _penalty_card(result: UnitResult, lang: Lang) -> Card:
    """A person's penalty risk: per period and year, or, for a cumulative study-hour target,
    the chance of missing it by the deadline (the article gives no nightly rule for that case)."""
    s, deadline = result.scenario, result.deadline
    if result.cumulative_rule and deadline is not None:
        if deadline.days_to_spare < 0:
            spare = t("deadline_impossible", lang)
        else:
            spare = t(
                "deadline_spare", lang, needed=deadline.days_needed, spare=deadline.days_to_spare
            )
        detail = t(
            "deadline_card_detail",
            lang,
            days=deadline.days,
            most=f"{float(deadline.most_per_day):g}",
            spare=spare,
            skip=_pct(deadline.p_skip),
        )
        title = t("deadline_card", lang, target=deadline_horizon(result, lang))
        return (title, _pct(deadline.p_miss), detail, "penalty")
    active = result.active
    return (
        t("card_penalty", lang),
        _pct(active.p_penalty_period),
        t("card_penalty_detail", lang, days=s.period_days, year=_pct(active.p_penalty_year)),
        "penalty",
    )


def _photo_card(result: UnitResult, lang: Lang) -> Card:
    s, photos = result.scenario, result.photos
    if photos is None:
        return (t("card_photo", lang), "–", t("card_photo_off", lang), "photo")
    detail = t(
        "card_photo_detail",
        lang,
        officials=s.n_photo_officials,
        willing=s.n_willing_villagers,
        all_same=_pct(photos.p_all_same),
    )
    return (t("card_photo", lang), _pct(photos.p_any_same), detail, "photo")


PAGE = PageSpec(
    id="unit",
    title_key="unit_title",
    intro_key="unit_intro",
    groups=(
        "unit",
        "penalties",
        "village",
        "escalation",
        "apps",
        "points",
        "study_hours",
        "shortcuts",
        "evening",
    ),
    compute=compute,
    charts=(
        Chart("explainer-chart-bedtimes", bedtime_spec),
        Chart("explainer-chart-risk", risk_spec),
        Chart("explainer-chart-veto", veto_spec),
        Chart("explainer-chart-cascade", cascade_spec),
    ),
    figures=figures,
    headline=cards,
    summary=summary,
)

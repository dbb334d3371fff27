"""The unit dashboard: rankings against thresholds, the veto, check-ins and the cascade.

Wiring only: the numbers come from :func:`explainer.model.unit.unit`, the charts from
:mod:`explainer.charts.unit`, everything else from :class:`explainer.ui.dashboard.Dashboard`.
"""

from __future__ import annotations

from explainer.charts.unit import (
    bedtime_spec,
    cascade_spec,
    deadline_horizon,
    risk_spec,
    veto_spec,
)
from explainer.figures import Figure
from explainer.i18n import t
from explainer.model.unit import UnitResult
from explainer.spec import Lang
from explainer.ui.dashboard import Dashboard, cards_html


def _pct(value: float) -> str:
    return f"{value:.1%}"


class UnitDashboard(Dashboard):
    """A whole unit over a year, for a browser (Voila) or a notebook."""

    page = "unit"
    title_key = "unit_title"
    intro_key = "unit_intro"
    groups = (
        "unit",
        "penalties",
        "village",
        "escalation",
        "apps",
        "points",
        "study_hours",
        "shortcuts",
        "evening",
    )
    charts = (
        ("explainer-chart-bedtimes", bedtime_spec),
        ("explainer-chart-risk", risk_spec),
        ("explainer-chart-veto", veto_spec),
        ("explainer-chart-cascade", cascade_spec),
    )

    def figures(self, result: UnitResult) -> list[Figure]:
        return [
            Figure("night_minutes", "minutes", result.night_minutes),
            Figure("share_short_sleep", "share", result.share_short_sleep),
            Figure("share_after_midnight", "share", result.share_after_midnight),
            Figure("unit_app_hours_year", "hours", result.unit_app_hours_year),
            Figure("p_penalty_period", "share", result.p_penalty_period),
            Figure("p_penalty_year", "share", result.p_penalty_year),
            Figure("p_unit_veto", "share", result.p_unit_veto),
            Figure("checkin_minutes_per_day", "minutes", result.checkin_minutes_per_day),
            Figure("escalation_ratio", "number", result.escalation_ratio),
        ]

    def summary_text(self, result: UnitResult, lang: Lang) -> str:
        s = result.scenario
        if result.cumulative_rule and result.deadline is not None:
            text = t(
                "summary_unit_deadline",
                lang,
                n=s.n_staff,
                short=_pct(result.share_short_sleep),
                hours=f"{result.unit_app_hours_year:,.0f}",
                target=deadline_horizon(result, lang),
                miss=_pct(result.deadline.p_miss),
                skip=_pct(result.deadline.p_skip),
            )
        else:
            text = t(
                "summary_unit",
                lang,
                n=s.n_staff,
                rule=t(f"rule_{s.rule}", lang),
                short=_pct(result.share_short_sleep),
                hours=f"{result.unit_app_hours_year:,.0f}",
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

    def headline_html(self, result: UnitResult, lang: Lang) -> str:
        s = result.scenario
        veto = (
            t(
                "card_veto_detail",
                lang,
                n=s.run_threshold,
                at_least=_pct(result.vetoes["at_least"].p_unit_veto),
                more_than=_pct(result.vetoes["more_than"].p_unit_veto),
            )
            if s.veto_on
            else t("card_veto_off", lang)
        )
        cards = [
            (
                t("card_short_sleep", lang),
                _pct(result.share_short_sleep),
                t(f"rule_{s.rule}", lang),
                "short",
            ),
            (
                t("card_unit_hours", lang),
                f"{result.unit_app_hours_year:,.0f} h",
                t(
                    "card_unit_hours_detail",
                    lang,
                    checkin=f"{result.checkin_hours_year:,.0f}",
                    per_person=f"{result.unit_app_hours_year / s.n_staff:,.0f}",
                ),
                "hours",
            ),
            _penalty_card(result, lang),
            (t("card_veto", lang), _pct(result.p_unit_veto), veto, "veto"),
            (
                t("card_checkin", lang),
                f"{result.checkin_minutes_per_day:.0f} min",
                t(
                    "card_checkin_detail",
                    lang,
                    recorded=_pct(result.proxy.recorded),
                    present=_pct(result.proxy.present),
                ),
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
        return cards_html(cards)


def _penalty_card(result: UnitResult, lang: Lang) -> tuple[str, str, str, str]:
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


def _photo_card(result: UnitResult, lang: Lang) -> tuple[str, str, str, str]:
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

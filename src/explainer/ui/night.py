"""The one-night dashboard: an official's evening, bedtime and sleep, and each app's minutes.

Wiring only: the numbers come from :func:`explainer.model.night.night`, the charts from
:mod:`explainer.charts.night`, everything else from :class:`explainer.ui.dashboard.Dashboard`.
"""

from __future__ import annotations

import html
from typing import Any

from explainer.charts.night import per_app_spec, timeline_spec
from explainer.figures import Figure
from explainer.i18n import minutes_text, t
from explainer.model.night import NightResult
from explainer.spec import Lang, format_clock
from explainer.ui.dashboard import Dashboard, cards_html


def _fmt(value: float) -> str:
    return f"{value:.0f}"


class NightDashboard(Dashboard):
    """One official's night, for a browser (Voila) or a notebook."""

    page = "night"
    title_key = "app_title"
    intro_key = "app_intro"
    groups = ("apps", "points", "study_hours", "shortcuts", "evening", "penalties")
    charts = (
        ("explainer-chart-timeline", timeline_spec),
        ("explainer-chart-apps", per_app_spec),
    )

    def headline_html(self, result: NightResult, lang: Lang) -> str:
        return headline_html(result, lang)

    def figures(self, result: NightResult) -> list[Figure]:
        return [
            Figure("night_minutes", "minutes", result.night_minutes),
            Figure("signin_minutes", "minutes", result.signin_minutes),
            Figure("study_minutes", "minutes", result.study_minutes),
            Figure("proxy_minutes", "minutes", result.proxy_minutes),
            Figure("bedtime", "clock", result.bedtime),
            Figure("sleep_minutes", "minutes", result.sleep_minutes, lower_is_better=False),
            Figure("sleep_short_minutes", "minutes", result.sleep_short_minutes),
        ]

    def summary_text(self, result: NightResult, lang: Lang) -> str:
        s = self.scenario
        summary_key = "summary_night_short" if result.short_sleep else "summary_night_enough"
        text = t(
            summary_key,
            lang,
            apps=s.n_apps,
            quota=s.quota_points,
            free=format_clock(result.free_at),
            minutes=minutes_text(result.night_minutes, lang),
            signin=minutes_text(result.signin_minutes, lang),
            bedtime=format_clock(result.bedtime),
            sleep=minutes_text(result.sleep_minutes, lang),
            wake=format_clock(result.wake_at),
            short=minutes_text(result.sleep_short_minutes, lang),
            need=minutes_text(result.sleep_need_min, lang),
        )
        if result.rule == "ranking" and result.quota is not None:
            text += " " + t("night_rule_ranking", lang, points=result.quota.quota)
        if result.n_proxy:
            text += " " + t(
                "summary_night_proxy",
                lang,
                n=result.n_proxy,
                minutes=minutes_text(result.proxy_minutes, lang),
            )
        if not result.quota_reachable:
            text += " " + t("summary_night_unreachable", lang)
        return text

    def notes_html(self, result: NightResult, lang: Lang) -> str:
        return notes_html(result, self.scenario, lang)


# ---------------------------------------------------------------------- HTML pieces
def headline_html(result: NightResult, lang: Lang) -> str:
    """The headline numbers as cards; every number carries its unit."""
    need = minutes_text(result.sleep_need_min, lang)
    bedtime = format_clock(result.bedtime)
    if result.after_midnight:
        bedtime += f" <small>({t('headline_after_midnight', lang)})</small>"
    short = t("headline_short", lang, need=need)
    enough = "" if result.short_sleep else t("headline_enough", lang, need=need)
    cards = [
        (
            t("headline_night", lang),
            minutes_text(result.night_minutes, lang),
            t(
                "of_which",
                lang,
                signin=_fmt(result.signin_minutes),
                study=_fmt(result.own_app_minutes - result.signin_minutes),
                proxy=_fmt(result.proxy_minutes),
            ),
            "night",
        ),
        (t("headline_bedtime", lang), bedtime, "", "bedtime"),
        (
            t("headline_sleep", lang, wake=format_clock(result.wake_at)),
            minutes_text(result.sleep_minutes, lang),
            enough,
            "sleep",
        ),
    ]
    if result.short_sleep:
        cards.append((short, "−" + minutes_text(result.sleep_short_minutes, lang), "", "short"))
    return cards_html(cards)


def notes_html(result: NightResult, scenario: Any, lang: Lang) -> str:
    """Plain-language notes: unreachable quotas, capped values, the study-hour arithmetic."""
    items: list[str] = []
    for key in result.notes:
        if key == "note_quota_unreachable" and result.quota:
            q = result.quota
            text = t(
                key, lang, quota=q.quota, max_points=q.max_points, minutes=_fmt(q.seconds / 60)
            )
        elif key == "note_study_unreachable" and result.study:
            s = result.study
            text = t(
                key, lang, per_day=f"{float(s.hours_per_day):.2f}", cap=_fmt(s.cap_seconds / 60)
            )
        elif key == "note_quota_apps_capped":
            text = t(key, lang, asked=scenario.n_quota_apps, apps=scenario.n_apps)
        else:
            text = t(key, lang)
        items.append(f"<li class='warn'>{html.escape(text)}</li>")
    if result.study is not None and result.study.days:
        s = result.study
        items.append(
            "<li>"
            + html.escape(
                t(
                    "study_target_line",
                    lang,
                    hours=f"{float(s.hours):g}",
                    days=s.days,
                    per_day=f"{float(s.hours_per_day):.2f}",
                    need=_seconds_text(s.seconds_per_day, lang),
                    exact=_seconds_text(s.exact_seconds_per_day, lang),
                )
            )
            + "</li>"
        )
    return f"<ul class='explainer-note-list'>{''.join(items)}</ul>" if items else ""


def _seconds_text(seconds: int, lang: Lang) -> str:
    minutes, rest = divmod(seconds, 60)
    text = minutes_text(minutes, lang)
    if rest:
        text += f" {rest} s" if lang == "en" else f" {rest} 秒"
    return text

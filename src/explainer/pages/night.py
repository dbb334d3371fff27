"""The one-night page: an official's evening, bedtime and sleep, and each app's minutes.

The numbers come from :func:`explainer.model.night.typical_night`, the charts from
:mod:`explainer.charts.night`.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from explainer.charts.night import per_app_spec, timeline_spec
from explainer.core.figures import Figure
from explainer.core.i18n import minutes_text, t
from explainer.core.spec import Lang, format_clock
from explainer.model import evaluate
from explainer.model.night import NightResult
from explainer.pages import Card, Chart, PageSpec


def _fmt(value: float) -> str:
    return f"{value:.0f}"


def compute(scenario: Any, extras: Mapping[str, Any]) -> NightResult:
    return evaluate("night", scenario)


def figures(result: NightResult) -> list[Figure]:
    keys = ("night_minutes", "signin_minutes", "study_minutes", "proxy_minutes", "bedtime")
    keys += ("sleep_minutes", "sleep_short_minutes")
    return [Figure.of(key, getattr(result, key)) for key in keys]


def summary(result: NightResult, state: Any) -> str:
    """One paragraph: the night's minutes, bedtime and sleep, and what the rule asked."""
    s, lang = state.scenario, state.lang
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


def cards(result: NightResult, state: Any) -> list[Card]:
    """The headline numbers as cards; every number carries its unit."""
    lang = state.lang
    need = minutes_text(result.sleep_need_min, lang)
    bedtime = format_clock(result.bedtime)
    if result.after_midnight:
        bedtime += f" <small>({t('headline_after_midnight', lang)})</small>"
    of_which = t(
        "of_which",
        lang,
        signin=_fmt(result.signin_minutes),
        study=_fmt(result.own_app_minutes - result.signin_minutes),
        proxy=_fmt(result.proxy_minutes),
    )
    enough = "" if result.short_sleep else t("headline_enough", lang, need=need)
    sleep_label = t("headline_sleep", lang, wake=format_clock(result.wake_at))
    found = [
        (t("headline_night", lang), minutes_text(result.night_minutes, lang), of_which, "night"),
        (t("headline_bedtime", lang), bedtime, "", "bedtime"),
        (sleep_label, minutes_text(result.sleep_minutes, lang), enough, "sleep"),
    ]
    if result.short_sleep:
        short = "−" + minutes_text(result.sleep_short_minutes, lang)
        found.append((t("headline_short", lang, need=need), short, "", "short"))
    return found


def _note(key: str, result: NightResult, scenario: Any, lang: Lang) -> str:
    if key == "note_quota_unreachable" and result.quota:
        q = result.quota
        return t(key, lang, quota=q.quota, max_points=q.max_points, minutes=_fmt(q.seconds / 60))
    if key == "note_study_unreachable" and result.study:
        s = result.study
        per_day = f"{float(s.hours_per_day):.2f}"
        return t(key, lang, per_day=per_day, cap=_fmt(s.cap_seconds / 60))
    if key == "note_quota_apps_capped":
        return t(key, lang, asked=scenario.n_quota_apps, apps=scenario.n_apps)
    return t(key, lang)


def notes(result: NightResult, state: Any) -> str:
    """Plain-language notes: unreachable quotas, capped values, the study-hour arithmetic."""
    lang = state.lang
    items = [
        f"<li class='warn'>{html.escape(_note(key, result, state.scenario, lang))}</li>"
        for key in result.notes
    ]
    if result.study is not None and result.study.days:
        s = result.study
        line = t(
            "study_target_line",
            lang,
            hours=f"{float(s.hours):g}",
            days=s.days,
            per_day=f"{float(s.hours_per_day):.2f}",
            need=_seconds_text(s.seconds_per_day, lang),
            exact=_seconds_text(s.exact_seconds_per_day, lang),
        )
        items.append(f"<li>{html.escape(line)}</li>")
    return f"<ul class='explainer-note-list'>{''.join(items)}</ul>" if items else ""


def _seconds_text(seconds: int, lang: Lang) -> str:
    minutes, rest = divmod(seconds, 60)
    text = minutes_text(minutes, lang)
    if rest:
        text = t("seconds_more", lang, text=text, s=rest)
    return text


PAGE = PageSpec(
    id="night",
    title_key="app_title",
    intro_key="app_intro",
    groups=("apps", "points", "study_hours", "shortcuts", "evening", "penalties"),
    compute=compute,
    charts=(
        Chart("explainer-chart-timeline", timeline_spec),
        Chart("explainer-chart-apps", per_app_spec),
    ),
    figures=figures,
    headline=cards,
    summary=summary,
    notes=notes,
)

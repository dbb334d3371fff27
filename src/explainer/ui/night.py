"""The one-night dashboard: preset picker, controls, headline numbers and two charts.

Wiring only: the numbers come from :func:`explainer.model.night.night`, the charts from
:mod:`explainer.charts.night`, the controls from the parameter declarations. Charts are
updated in place (the widget's Vega-Lite spec is replaced), never cleared and redrawn.
"""

from __future__ import annotations

import html
from typing import Any
from urllib.parse import parse_qsl

import altair as alt
import ipywidgets as W

from explainer.charts.night import as_chart, per_app_spec, timeline_spec
from explainer.i18n import LANGUAGES, minutes_text, t
from explainer.model.night import NightResult, night
from explainer.offline import enable_offline_charts
from explainer.presets import Preset, compare, presets
from explainer.spec import Lang, Problem, ScenarioError, format_clock, registry
from explainer.ui.style import STYLE

CUSTOM = ""  # preset dropdown value for "no preset"
PAGE_KEYS = ("preset", "lang")  # query keys that are not parameters
EMBED_OPTIONS = {
    "renderer": "svg",
    "actions": {"export": True, "source": False, "compiled": False, "editor": False},
}


def _fmt(value: float) -> str:
    return f"{value:.0f}"


class NightDashboard:
    """One official's night, for a browser (Voila) or a notebook."""

    def __init__(self, lang: Lang = "zh"):
        enable_offline_charts()
        self.registry = registry()
        self.presets: dict[str, Preset] = presets()
        self.lang: Lang = lang
        self.preset_id = CUSTOM
        self.scenario = self.registry.default()
        self.problems: list[Problem] = []
        self._holding = False

        from explainer.ui.controls import ControlPanel

        self.panel = ControlPanel(self.registry, lang)
        self.panel.observe(self._on_control)

        self.title = W.HTML()
        self.preset_picker = W.Dropdown(
            layout=W.Layout(width="34em"), style={"description_width": "initial"}
        )
        self.preset_picker.add_class("explainer-preset")
        self.preset_picker.observe(self._on_preset, "value")
        self.language = W.ToggleButtons(options=[("中文", "zh"), ("English", "en")], value=lang)
        self.language.add_class("explainer-language")
        self.language.observe(self._on_language, "value")
        self.message = W.HTML()
        self.message.add_class("explainer-message")
        self.article = W.HTML()
        self.article.add_class("explainer-article-vs-model")
        self.headline = W.HTML()
        self.headline.add_class("explainer-headline")
        self.notes = W.HTML()
        self.notes.add_class("explainer-notes")
        result = night(self.scenario)
        self.timeline = alt.JupyterChart(
            as_chart(timeline_spec(result, lang)), embed_options=EMBED_OPTIONS
        )
        self.timeline.add_class("explainer-chart-timeline")
        self.per_app = alt.JupyterChart(
            as_chart(per_app_spec(result, lang)), embed_options=EMBED_OPTIONS
        )
        self.per_app.add_class("explainer-chart-apps")

        bar = W.HBox([self.preset_picker, self.language], layout=W.Layout(flex_flow="row wrap"))
        outputs = W.VBox(
            [self.article, self.headline, self.notes, self.timeline, self.per_app],
            layout=W.Layout(flex="1 1 700px", min_width="0"),
        )
        self.panel.widget.layout = W.Layout(flex="0 1 480px")
        body = W.HBox([outputs, self.panel.widget], layout=W.Layout(flex_flow="row wrap"))
        self.widget = W.VBox([W.HTML(STYLE), self.title, bar, self.message, body])
        self.widget.add_class("explainer-night")
        self._relabel()
        self.refresh()

    # ------------------------------------------------------------------ state from outside
    def apply_query(self, query: str) -> None:
        """Restore the state a URL query describes; bad values are named, defaults stand."""
        pairs = parse_qsl(query.lstrip("?"), keep_blank_values=True)
        page = {k: v for k, v in pairs if k in PAGE_KEYS}
        problems: list[Problem] = []
        lang = page.get("lang", self.lang)
        if lang not in LANGUAGES:
            problems.append(Problem("lang", lang, "unknown language", "zh or en"))
            lang = self.lang
        base: dict[str, Any] = {}
        preset_id = page.get("preset", CUSTOM)
        if preset_id and preset_id not in self.presets:
            problems.append(Problem("preset", preset_id, "unknown preset", ", ".join(self.presets)))
            preset_id = CUSTOM
        if preset_id:
            base = dict(self.presets[preset_id].overrides)
        rest = "&".join(f"{k}={v}" for k, v in pairs if k not in PAGE_KEYS)
        overrides, more = self.registry.from_query(rest)
        changed = self.registry.to_plain(overrides, only_changed=True)
        scenario, even_more = self.registry.build_lenient({**base, **changed})
        self.problems = problems + more + even_more
        self._hold(lambda: self._set_state(scenario, preset_id, lang))
        self.refresh()

    def select_preset(self, preset_id: str) -> None:
        self.preset_picker.value = preset_id

    # ------------------------------------------------------------------ events
    def _hold(self, action: Any) -> None:
        self._holding = True
        try:
            action()
        finally:
            self._holding = False

    def _set_state(self, scenario: Any, preset_id: str, lang: Lang) -> None:
        self.scenario = scenario
        self.preset_id = preset_id
        if lang != self.lang:
            self.lang = lang
            self.language.value = lang
            self._relabel()
        self.preset_picker.value = preset_id
        self.panel.show(self.registry.to_values(scenario).items())

    def _on_control(self, name: str, value: Any) -> None:
        if self._holding:
            return
        try:
            self.scenario = self.registry.replace(self.scenario, **{name: value})
            self.problems = []
        except ScenarioError as error:
            self.problems = error.problems
            old = getattr(self.scenario, name)
            self._hold(lambda: self.panel.controls[name].set(old))
        self.refresh()

    def _on_preset(self, change: dict[str, Any]) -> None:
        if self._holding:
            return
        preset_id = change["new"] or CUSTOM
        scenario = self.presets[preset_id].scenario() if preset_id else self.registry.default()
        self.problems = []
        self._hold(lambda: self._set_state(scenario, preset_id, self.lang))
        self.refresh()

    def _on_language(self, change: dict[str, Any]) -> None:
        if self._holding:
            return
        self.lang = change["new"]
        self._hold(self._relabel)
        self.refresh()

    # ------------------------------------------------------------------ drawing
    def _relabel(self) -> None:
        lang = self.lang
        self.title.value = (
            f"<h2 class='explainer-title'>{html.escape(t('app_title', lang))}</h2>"
            f"<p class='explainer-intro'>{html.escape(t('app_intro', lang))}</p>"
        )
        options = [(t("preset_custom", lang), CUSTOM)] + [
            (p.label(lang), pid) for pid, p in self.presets.items()
        ]
        value = self.preset_picker.value or self.preset_id
        self.preset_picker.options = options
        self.preset_picker.value = value
        self.preset_picker.description = t("preset", lang)
        self.panel.relabel(lang)

    def refresh(self) -> None:
        """Recompute the night and redraw every output (charts in place)."""
        result = night(self.scenario)
        lang = self.lang
        self.headline.value = headline_html(result, lang)
        self.notes.value = notes_html(result, self.scenario, lang)
        self.article.value = self._article_html(result)
        self.message.value = problems_html(self.problems, lang)
        with self.timeline.hold_sync(), self.per_app.hold_sync():
            self.timeline.spec = timeline_spec(result, lang)
            self.per_app.spec = per_app_spec(result, lang)
        self.result = result

    def _article_html(self, result: NightResult) -> str:
        if not self.preset_id:
            return ""
        preset = self.presets[self.preset_id]
        lang = self.lang
        lines = [
            f"<li class='{'ok' if c.ok else 'off'}'>{html.escape(c.text(lang))}</li>"
            for c in compare(preset, result)
        ]
        modified = self.scenario != preset.scenario()
        note = f" <em>({html.escape(t('preset_modified', lang))})</em>" if modified else ""
        return (
            f"<div class='explainer-story'><b>{html.escape(preset.label(lang))}</b>{note}"
            f"<p>{html.escape(preset.story[lang])}</p><ul>{''.join(lines)}</ul></div>"
        )

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


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
    body = "".join(
        f"<div class='card card-{key}'><div class='card-label'>{html.escape(label)}</div>"
        f"<div class='card-value'>{value}</div>"
        f"<div class='card-detail'>{html.escape(detail)}</div></div>"
        for label, value, detail, key in cards
    )
    return f"<div class='explainer-cards'>{body}</div>"


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


def problems_html(problems: list[Problem], lang: Lang) -> str:
    """Bad input, named with its allowed range; empty when all is well."""
    if not problems:
        return ""
    items = "".join(f"<li>{html.escape(p.message())}</li>" for p in problems)
    return (
        f"<div class='explainer-problems' role='alert'><b>{html.escape(t('bad_input_title', lang))}"
        f"</b><ul>{items}</ul></div>"
    )

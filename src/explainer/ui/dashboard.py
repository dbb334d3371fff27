"""What every dashboard shares: presets, language, controls, URL state, bad-input messages.

A page subclasses :class:`Dashboard` and says which model it shows (``page``), which control
groups come first, its charts (CSS class → spec function) and how to write its headline and
notes. Charts are updated in place (the widget's Vega-Lite spec is replaced), never cleared
and redrawn.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlencode

import ipywidgets as W

from explainer.i18n import LANGUAGES, t
from explainer.model import evaluate
from explainer.presets import Preset, compare, presets_for
from explainer.spec import Lang, Problem, ScenarioError, registry
from explainer.ui.controls import ControlPanel
from explainer.ui.style import STYLE

CUSTOM = ""  # preset dropdown value for "no preset"
PAGE_KEYS = ("preset", "lang")  # query keys that are not parameters
PAGES = ("night", "unit", "fit", "reforms")  # the dashboards, linked from each other
EMBED_OPTIONS = {
    "renderer": "svg",
    "actions": {"export": True, "source": False, "compiled": False, "editor": False},
}
SpecFunction = Callable[[Any, Lang], dict[str, Any]]


class Dashboard:
    """A page: presets and controls on one side, numbers and charts on the other."""

    page: ClassVar[str]  # "night" or "unit": which model and which presets
    title_key: ClassVar[str]
    intro_key: ClassVar[str]
    groups: ClassVar[tuple[str, ...]]  # control groups shown, in order
    charts: ClassVar[tuple[tuple[str, SpecFunction], ...]] = ()
    extra_keys: ClassVar[tuple[str, ...]] = ()  # page state in the URL besides parameters

    def __init__(self, lang: Lang = "zh"):
        import altair as alt

        from explainer.charts.common import as_chart
        from explainer.offline import enable_offline_charts

        enable_offline_charts()
        self.registry = registry()
        self.presets: dict[str, Preset] = presets_for(self.page)
        self.lang: Lang = lang
        self.preset_id = CUSTOM
        self.scenario = self.registry.default()
        self.problems: list[Problem] = []
        self._holding = False

        self.panel = ControlPanel(self.registry, lang, groups=self.groups)
        self.panel.observe(self._on_control)
        self.title = W.HTML()
        self.preset_picker = W.Dropdown(
            layout=W.Layout(width="38em"), style={"description_width": "initial"}
        )
        self.preset_picker.add_class("explainer-preset")
        self.preset_picker.observe(self._on_preset, "value")
        self.language = W.ToggleButtons(options=[("中文", "zh"), ("English", "en")], value=lang)
        self.language.add_class("explainer-language")
        self.language.observe(self._on_language, "value")
        self.message = self._html("explainer-message")
        self.article = self._html("explainer-article-vs-model")
        self.headline = self._html("explainer-headline")
        self.notes = self._html("explainer-notes")
        self._build_extra()
        self.result = self.compute(self.scenario)
        self.chart_widgets = []
        for css, spec in self.charts:
            chart = alt.JupyterChart(as_chart(spec(self.result, lang)), embed_options=EMBED_OPTIONS)
            chart.add_class(css)
            self.chart_widgets.append(chart)

        bar = W.HBox([self.preset_picker, self.language], layout=W.Layout(flex_flow="row wrap"))
        outputs = W.VBox(
            [*self.extra_widgets(), self.article, self.headline, self.notes, *self.chart_widgets],
            layout=W.Layout(flex="1 1 700px", min_width="0"),
        )
        self.panel.widget.layout = W.Layout(flex="0 1 480px")
        body = W.HBox([outputs, self.panel.widget], layout=W.Layout(flex_flow="row wrap"))
        self.widget = W.VBox([W.HTML(STYLE), self.title, bar, self.message, body])
        self.widget.add_class(f"explainer-{self.page}")
        self._hold(self._relabel)
        self.refresh()

    @staticmethod
    def _html(css: str) -> W.HTML:
        widget = W.HTML()
        widget.add_class(css)
        return widget

    # ------------------------------------------------------------------ state from outside
    def apply_query(self, query: str) -> None:
        """Restore the state a URL query describes; bad values are named, defaults stand."""
        pairs = parse_qsl(query.lstrip("?"), keep_blank_values=True)
        keys = PAGE_KEYS + self.extra_keys
        page: dict[str, str] = {}
        problems: list[Problem] = []
        for key, value in pairs:
            if key not in keys:
                continue
            if key in page:
                note = "given more than once; the first is used"
                problems.append(Problem(key, value, note, kept=True))
            else:
                page[key] = value
        problems += self.read_extra(page)
        lang = page.get("lang", self.lang)
        if lang not in LANGUAGES:
            problems.append(Problem("lang", lang, "unknown language", "zh or en"))
            lang = self.lang
        preset_id = page.get("preset", CUSTOM)
        if preset_id and preset_id not in self.presets:
            allowed = ", ".join(self.presets)
            problems.append(Problem("preset", preset_id, "unknown preset", allowed))
            preset_id = CUSTOM
        base = dict(self.presets[preset_id].overrides) if preset_id else {}
        rest = [(k, v) for k, v in pairs if k not in keys]
        overrides, found = self.registry.from_query(urlencode(rest))
        given = {k for k, _ in rest} - {p.param for p in found if not p.kept}
        changed = {k: v for k, v in self.registry.to_plain(overrides).items() if k in given}
        scenario, more = self.registry.build_lenient({**base, **changed})
        self.problems = problems + found + more
        self._hold(lambda: self._set_state(scenario, preset_id, lang))
        self.refresh()

    def select_preset(self, preset_id: str) -> None:
        self.preset_picker.value = preset_id

    # ------------------------------------------------------------------ events
    def _hold(self, action: Callable[[], None]) -> None:
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
            self._hold(lambda: self.panel.control(name).set(old))
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
        links = " · ".join(
            f"<a href='{page}.ipynb?lang={lang}'>{html.escape(t(f'nav_{page}', lang))}</a>"
            if page != self.page
            else f"<b>{html.escape(t(f'nav_{page}', lang))}</b>"
            for page in PAGES
        )
        self.title.value = (
            f"<nav class='explainer-nav'>{links}</nav>"
            f"<h2 class='explainer-title'>{html.escape(t(self.title_key, lang))}</h2>"
            f"<p class='explainer-intro'>{html.escape(t(self.intro_key, lang))}</p>"
        )
        options = [(t("preset_custom", lang), CUSTOM)] + [
            (p.label(lang), pid) for pid, p in self.presets.items()
        ]
        value = self.preset_picker.value or self.preset_id
        self.preset_picker.options = options
        self.preset_picker.value = value
        self.preset_picker.description = t("preset", lang)
        self.panel.relabel(lang)
        self.relabel_extra(lang)

    def refresh(self) -> None:
        """Recompute the model and redraw every output (charts in place)."""
        result = self.compute(self.scenario)
        lang = self.lang
        self.headline.value = self.headline_html(result, lang)
        self.notes.value = self.notes_html(result, lang)
        self.article.value = self._article_html(result)
        self.message.value = problems_html(self.problems, lang)
        for widget, (_, spec) in zip(self.chart_widgets, self.charts, strict=True):
            widget.spec = spec(result, lang)
        self.result = result

    # ------------------------------------------------------------------ page hooks
    def compute(self, scenario: Any) -> Any:
        """The page's model result for ``scenario``."""
        return evaluate(self.page, scenario)

    def preset_result(self, preset: Preset, result: Any) -> Any:
        """The result a preset's reported figures are checked against."""
        return result

    def _build_extra(self) -> None:
        """Create page-specific widgets (before the first result is computed)."""

    def extra_widgets(self) -> list[W.Widget]:
        return []

    def relabel_extra(self, lang: Lang) -> None:
        """Relabel page-specific widgets in ``lang``."""

    def read_extra(self, page: dict[str, str]) -> list[Problem]:
        """Take page-specific state from the URL query; return problems found."""
        return []

    def headline_html(self, result: Any, lang: Lang) -> str:
        raise NotImplementedError

    def notes_html(self, result: Any, lang: Lang) -> str:
        return ""

    def _article_html(self, result: Any) -> str:
        if not self.preset_id:
            return ""
        preset = self.presets[self.preset_id]
        lang = self.lang
        lines = [
            f"<li class='{'ok' if c.ok else 'off'}'>{html.escape(c.text(lang))}</li>"
            for c in compare(preset, self.preset_result(preset, result))
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
def cards_html(cards: list[tuple[str, str, str, str]]) -> str:
    """Headline cards: (label, value — may hold markup, detail, css key)."""
    body = "".join(
        f"<div class='card card-{key}'><div class='card-label'>{html.escape(label)}</div>"
        f"<div class='card-value'>{value}</div>"
        f"<div class='card-detail'>{html.escape(detail)}</div></div>"
        for label, value, detail, key in cards
    )
    return f"<div class='explainer-cards'>{body}</div>"


def problems_html(problems: list[Problem], lang: Lang) -> str:
    """Bad input, named with its allowed range; empty when all is well."""
    if not problems:
        return ""
    items = "".join(f"<li>{html.escape(p.message())}</li>" for p in problems)
    heading = html.escape(t("bad_input_title", lang))
    return f"<div class='explainer-problems' role='alert'><b>{heading}</b><ul>{items}</ul></div>"

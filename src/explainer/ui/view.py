"""The widgets of one page, built from its declaration, set from a state.

:class:`PageView` builds the widget tree of a :class:`explainer.pages.PageSpec`, relabels it
for a language and shows a :class:`explainer.ui.state.PageState` in its inputs. It holds no
state of its own: :meth:`PageView.show` makes the inputs say what the state says, and while it
does, :meth:`PageView.quiet` keeps the widgets' callbacks from firing (the one place that
does so; every callback is connected through :meth:`PageView.on`).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import ipywidgets as W

from explainer.core.i18n import t
from explainer.core.presets import Preset
from explainer.core.spec import Lang, registry
from explainer.pages import PAGE_IDS, PageSpec
from explainer.ui.controls import ControlPanel
from explainer.ui.extras import ChoiceBoxes
from explainer.ui.state import CUSTOM, PageState
from explainer.ui.style import STYLE
from explainer.ui.workshop import Toolbar, html_box, toggle

EMBED_OPTIONS = {
    "renderer": "svg",
    "actions": {"export": True, "source": False, "compiled": False, "editor": False},
}
#: The output boxes, by attribute name and CSS class, in page order (charts come last).
OUTPUTS = (
    ("article", "explainer-article-vs-model"),
    ("summary", "explainer-summary"),
    ("headline", "explainer-headline"),
    ("ab_table", "explainer-ab"),
    ("notes", "explainer-notes"),
)


def _chart_widget(css: str) -> W.Widget:
    import altair as alt

    # Created empty: the dashboard sets each Vega-Lite spec directly, which skips Altair's
    # from_dict/to_dict round trip (≈0.3 s per page at kernel start).
    chart = alt.JupyterChart(None, embed_options=EMBED_OPTIONS)
    chart.add_class(css)
    return chart


class PageView:
    """Presets and controls on one side, numbers and charts on the other."""

    def __init__(self, page: PageSpec, presets: dict[str, Preset], lang: Lang) -> None:
        self.page, self.presets, self.lang = page, presets, lang
        self._quiet = False
        self.panel = ControlPanel(registry(), lang, groups=page.groups)
        self.title = W.HTML()
        self.preset_picker = W.Dropdown(
            layout=W.Layout(width="38em"), style={"description_width": "initial"}
        )
        self.preset_picker.add_class("explainer-preset")
        self.language = W.ToggleButtons(options=[("中文", "zh"), ("English", "en")], value=lang)
        self.language.add_class("explainer-language")
        # On a phone the controls fold away; this button (shown only there) opens them.
        self.controls_toggle = toggle("explainer-controls-toggle")
        self.message = html_box("explainer-message")
        self.outputs = {name: html_box(css) for name, css in OUTPUTS}
        self.extras = [ChoiceBoxes(extra) for extra in page.extras]
        for extra in self.extras:  # the stylesheet places them on a phone (issue 15)
            extra.widget.add_class("explainer-choices")
        self.chart_widgets = [_chart_widget(chart.css) for chart in page.charts]
        if self.chart_widgets:  # on a phone it comes right after the figures (issue 15)
            self.chart_widgets[0].add_class("explainer-first-chart")
        self.toolbar = Toolbar(page.can_pin)
        self.widget = self._layout()
        self.relabel(lang, pinned=False)

    def _layout(self) -> W.VBox:
        bar = W.HBox(
            [self.preset_picker, self.language, self.controls_toggle, self.toolbar.more],
            layout=W.Layout(flex_flow="row wrap"),
        )
        bar.add_class("explainer-bar")  # spaced so no two tap targets touch (issue 15)
        outputs = W.VBox(
            [*(e.widget for e in self.extras), *self.outputs.values(), *self.chart_widgets],
            layout=W.Layout(flex="1 1 700px", min_width="0"),
        )
        outputs.add_class("explainer-outputs")
        self.panel.widget.layout = W.Layout(flex="0 1 480px")
        body = W.HBox([outputs, self.panel.widget], layout=W.Layout(flex_flow="row wrap"))
        style = W.HTML(STYLE)
        style.add_class("explainer-style")  # takes no room: its <style> applies all the same
        widget = W.VBox([style, self.title, bar, self.toolbar.widget, self.message, body])
        widget.add_class(f"explainer-{self.page.id}")
        widget.add_class("explainer-page")  # the stylesheet's hook for every page's layout
        return widget

    # ------------------------------------------------------------------ callbacks
    @contextmanager
    def quiet(self) -> Iterator[None]:
        """While the view is set from a state, widget callbacks do nothing."""
        was, self._quiet = self._quiet, True
        try:
            yield
        finally:
            self._quiet = was

    def on(self, callback: Callable[..., None]) -> Callable[..., None]:
        """``callback``, silenced while the view is being set (:meth:`quiet`)."""

        def guarded(*args: Any) -> None:
            if not self._quiet:
                callback(*args)

        return guarded

    # ------------------------------------------------------------------ language
    def relabel(self, lang: Lang, pinned: bool) -> None:
        """Every label in ``lang``."""
        self.lang = lang
        self.title.value = self._title_html(lang)
        with self.quiet():
            value = self.preset_picker.value or CUSTOM
            self.preset_picker.options = [(t("preset_custom", lang), CUSTOM)] + [
                (p.label(lang), pid) for pid, p in self.presets.items()
            ]
            self.preset_picker.value = value
            self.preset_picker.description = t("preset", lang)
            self.panel.relabel(lang)
            self.language.value = lang
        self.controls_toggle.description = t("controls_toggle", lang)
        self.controls_toggle.tooltip = t("controls_toggle_help", lang)
        self.toolbar.relabel(lang, pinned)
        for extra in self.extras:
            extra.relabel(lang)

    def _title_html(self, lang: Lang) -> str:
        def link(page: str) -> str:
            name = html.escape(t(f"nav_{page}", lang))
            return (
                f"<b>{name}</b>"
                if page == self.page.id
                else (f"<a href='{page}.ipynb?lang={lang}'>{name}</a>")
            )

        links = " · ".join(link(page) for page in PAGE_IDS)
        return (
            f"<nav class='explainer-nav'>{links}</nav>"
            f"<h2 class='explainer-title'>{html.escape(t(self.page.title_key, lang))}</h2>"
            f"<p class='explainer-intro'>{html.escape(t(self.page.intro_key, lang))}</p>"
        )

    # ------------------------------------------------------------------ state → inputs
    def show(self, state: PageState) -> None:
        """Make every input say what ``state`` says (callbacks silenced)."""
        with self.quiet():
            if state.lang != self.lang:
                self.relabel(state.lang, state.pinned is not None)
            self.preset_picker.value = state.preset
            values = registry().to_values(state.scenario)
            self.panel.show((n, v) for n, v in values.items() if self.panel.values.get(n) != v)
            for extra in self.extras:
                extra.show(state.extra(extra.choice.key))
            self.toolbar.presenter.value = state.presenter
            self.controls_toggle.value = state.controls_open
        self.toolbar.show_pin(state.pinned is not None)
        self._css("explainer-presenter", state.presenter)
        self._css("explainer-controls-open", state.controls_open)

    def _css(self, css: str, on: bool) -> None:
        if on:
            self.widget.add_class(css)
        else:
            self.widget.remove_class(css)

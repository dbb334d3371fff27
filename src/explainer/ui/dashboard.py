"""A dashboard: one page's declaration, its state, its view, and what each event does.

:class:`Dashboard` holds the page's :class:`~explainer.ui.state.PageState` and its undo
:class:`~explainer.ui.state.History`. Each widget event becomes a new state
(:meth:`Dashboard.set_state`), which the view shows and the outputs are drawn from
(:meth:`Dashboard.refresh`). Charts are updated in place (the widget's Vega-Lite spec is
replaced), never cleared and redrawn.

Build one for any declared page: ``Dashboard(page="night")`` (see :mod:`explainer.pages`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, ClassVar

from explainer import __version__
from explainer.core.figures import Figure
from explainer.core.i18n import t
from explainer.core.presets import Comparison, Preset
from explainer.core.spec import Lang, Problem, ScenarioError, registry
from explainer.core.untrusted import InputRefused
from explainer.pages import PAGE_IDS, PageSpec, page_spec
from explainer.pages.markup import (  # noqa: F401  (re-exported for the pages' old importers)
    article_status_html,
    cards_html,
    comparison_html,
    problems_html,
)
from explainer.ui import scenario_file as files
from explainer.ui.article import Article
from explainer.ui.bands import attach_bands
from explainer.ui.brief_button import attach_brief_button
from explainer.ui.exports import figures_csv, make_export
from explainer.ui.kernel_tuning import freeze_heap_once
from explainer.ui.outputs import CardHook, draw_charts, draw_text
from explainer.ui.playlist import attach_playlist
from explainer.ui.state import (
    CUSTOM,
    History,
    PageState,
    Pin,
    initial_state,
    preset_base,
    state_from_query,
    state_to_query,
)
from explainer.ui.view import PageView

__all__ = ["CUSTOM", "PAGES", "Dashboard", "problems_html"]
PAGES = PAGE_IDS  # the dashboards, declared in explainer.pages
log = logging.getLogger(__name__)


class Dashboard:
    """A page: presets and controls on one side, numbers and charts on the other.

    Extension points (docs/architecture.md): ``self.view.toolbar.add(widget, relabel)`` adds a
    toolbar button; ``self.card_hooks`` annotate the headline cards; ``self.view.toolbar.
    presenter_box`` holds presenter-mode controls; ``self.on_refresh`` are called with
    ``(state, result)`` after each redraw.
    """

    spec: ClassVar[PageSpec | None] = None  # set by a subclass, or pass ``page``

    def __init__(self, lang: Lang = "zh", page: str | PageSpec | None = None) -> None:
        from explainer.serving.offline import enable_offline_charts

        enable_offline_charts()
        chosen = page if page is not None else self.spec
        self.page = page_spec(chosen) if isinstance(chosen, str) else chosen
        if self.page is None:
            raise TypeError("Dashboard needs a page: Dashboard(lang, page='night')")
        self.registry = registry()
        self.presets: dict[str, Preset] = self.page.presets()
        self.article_figures = Article(self.page, self.presets)
        self.state = initial_state(self.page, lang)
        self.history = History()
        self.card_hooks: list[CardHook] = []
        self.on_refresh: list[Callable[[PageState, Any], None]] = []
        self.view = PageView(self.page, self.presets, lang)
        self._connect()
        attach_brief_button(self)  # "Download brief" (issue 15)
        self.result: Any = None
        self.bands = attach_bands(self)  # every number with its range (issue 14)
        self.refresh()
        attach_playlist(self)  # playlist hook (issue 18): stepper, ?playlist=, playlist files
        freeze_heap_once()  # issue 14: explainer.ui.kernel_tuning

    def _connect(self) -> None:
        """Each widget event → a new state (callbacks silenced while the view is set)."""
        view, bar, on = self.view, self.view.toolbar, self.view.on
        view.panel.observe(on(self._on_control))
        view.preset_picker.observe(on(lambda c: self.select_preset(c["new"] or CUSTOM)), "value")
        view.language.observe(on(lambda c: self.set_state(self.state.but(lang=c["new"]))), "value")
        view.controls_toggle.observe(on(lambda c: self._layout(controls_open=c["new"])), "value")
        bar.presenter.observe(on(lambda c: self._layout(presenter=c["new"])), "value")
        for extra in view.extras:
            extra.on_toggle(on(self._on_extra))
        bar.reset_policy.on_click(on(lambda _: self.reset("policy")))
        bar.reset_people.on_click(on(lambda _: self.reset("people")))
        bar.undo_button.on_click(on(lambda _: self.undo()))
        bar.pin_button.on_click(on(lambda _: self.toggle_pin()))
        bar.upload.on_file(self.load_scenario_file)
        bar.exports.connect(self.export)  # made when clicked, never on a refresh (issue 15)

    # ------------------------------------------------------------------ the state
    def set_state(self, state: PageState, remember: bool = False) -> None:
        """Show ``state`` (keeping the current one for undo when ``remember``)."""
        if remember:
            self.history = self.history.push(self.state)
        self.state = state
        self.refresh()

    @property
    def scenario(self) -> Any:
        return self.state.scenario

    @property
    def lang(self) -> Lang:
        return self.state.lang

    @property
    def preset_id(self) -> str:
        return self.state.preset

    @property
    def problems(self) -> list[Problem]:
        return list(self.state.problems)

    @property
    def chosen(self) -> list[str]:
        """The ticked options of the page's extra controls (the reform page's reforms)."""
        return [i for extra in self.page.extras for i in self.state.extra(extra.key)]

    def __getattr__(self, name: str) -> Any:
        """The view's widgets (``page.headline``, ``page.panel`` …), for tests and notebooks."""
        view = self.__dict__.get("view")
        for owner in (view, getattr(view, "toolbar", None), getattr(view, "outputs", None)):
            if isinstance(owner, dict) and name in owner:
                return owner[name]
            if owner is not None and not isinstance(owner, dict) and name in vars(owner):
                return vars(owner)[name]
        raise AttributeError(name)

    # ------------------------------------------------------------------ events
    def _on_control(self, name: str, value: Any) -> None:
        try:
            scenario = registry().replace(self.state.scenario, **{name: value})
        except ScenarioError as error:  # the control goes back to the state's value
            self.set_state(self.state.but(problems=tuple(error.problems)))
            return
        self.set_state(self.state.but(scenario=scenario, problems=()), remember=True)

    def _on_extra(self, key: str, option: str, ticked: bool) -> None:
        extra = next(e for e in self.page.extras if e.key == key)
        now = set(self.state.extra(key)) - {option} | ({option} if ticked else set())
        self.set_state(self.state.with_extra(key, extra.ordered(now)), remember=True)

    def _layout(self, **changes: bool) -> None:
        self.set_state(self.state.but(**changes))

    def select_preset(self, preset_id: str) -> None:
        """The preset's scenario (the defaults for :data:`CUSTOM`)."""
        scenario = preset_base(self.page.id, preset_id)
        self.set_state(self.state.but(scenario=scenario, preset=preset_id, problems=()), True)

    def undo(self) -> None:
        """Back to the state before the last change."""
        state, self.history = self.history.undo(self.state)
        self.set_state(state)

    def reset(self, role: str) -> None:
        """Defaults (or the preset's values) for every parameter of one role."""
        reg, base = registry(), preset_base(self.page.id, self.state.preset)
        changes = {
            name: getattr(base, name)
            for name, spec in reg.params.items()
            if spec.role == role and spec.group in self.page.groups
        }
        try:
            scenario = reg.replace(self.state.scenario, **changes)
        except ScenarioError:  # e.g. a study window out of order: take the base for all
            scenario = base
        self.set_state(self.state.but(scenario=scenario, problems=()), remember=True)

    def toggle_pin(self) -> None:
        """Pin the current scenario as A (or clear it); later changes are B."""
        s = self.state
        self.set_state(s.but(pinned=None if s.pinned else Pin(s.scenario, s.preset, s.extras)))

    # ------------------------------------------------------------------ state from outside
    def apply_query(self, query: str) -> None:
        """Restore the state a URL query describes; bad values are named, defaults stand."""
        self.set_state(state_from_query(query, self.page, self.state), remember=True)
        self.stepper.from_query(query)  # playlist hook (issue 18): ?playlist=id&step=n

    def load_scenario_file(self, content: bytes | None, size: int = -1) -> bool:
        """What "Load scenario" calls: a file's bytes (``None`` when the browser kept back a
        file over the size limit, whose ``size`` it sent instead). Loads it or says why not."""
        try:
            text = files.file_text(content, size)
        except InputRefused as refused:
            return self._refuse([Problem("", "", "", code=refused.key, values=refused.values)])
        return self.load_scenario_text(text)

    def load_scenario_text(self, text: str) -> bool:
        """Restore a scenario file (YAML or JSON). A bad file changes nothing; says why.

        Every path ends in "loaded" or a message in the page's language: a file is hostile
        input (issue 11), so an unforeseen error is logged for the server and reported to
        the visitor as a file that could not be read, never as Python's own text.
        """
        try:
            state, problems = files.state_from_text(text, self.page, self.state)
        except Exception:  # the last line of defence; the fuzzer checks it is never reached
            log.exception("a scenario file could not be read")
            return self._refuse([Problem("", "", "", code="file_internal")])
        if state is None:
            return self._refuse(problems)
        self.set_state(state, remember=True)
        return True

    def _refuse(self, problems: list[Problem]) -> bool:
        self.state = self.state.but(problems=(files.refusal(problems),))
        self.view.message.value = problems_html(self.state.problems, self.lang)
        return False

    # ------------------------------------------------------------------ results and text
    def compute(self, scenario: Any, extras: dict[str, Any] | None = None) -> Any:
        """The page's model result for ``scenario`` (with the current extras by default)."""
        return self.page.compute(scenario, dict(self.state.extras) if extras is None else extras)

    def figures(self, result: Any) -> list[Figure]:
        """The page's headline numbers (cards, A/B, the CSV export and tests)."""
        return self.page.figures(result)

    def preset_result(self, preset: Preset, result: Any) -> Any:
        return self.page.preset_result(preset, result)

    def article_comparisons(self, preset_id: str, result: Any) -> list[Comparison]:
        return self.article_figures.comparisons(preset_id, result)

    def full_summary(self, result: Any, lang: Lang) -> str:
        return self.article_figures.summary(self.state.but(lang=lang), result)

    def state_query(self) -> str:
        """The URL query that restores this page exactly."""
        return state_to_query(self.state, self.page)

    def scenario_file(self) -> dict[str, Any]:
        return files.state_to_document(self.state, self.page)

    def figures_csv(self, result: Any) -> str:
        return figures_csv(self.page, self.article_figures, self.state, result)

    def export(self, kind: str) -> tuple[str, str]:
        """The download ``kind`` (csv, yaml, json) of what the page shows now:
        ``(filename, text)``, as its button saves it and ``explainer export`` writes it."""
        return make_export(kind, self.page, self.article_figures, self.state, self.result)

    # ------------------------------------------------------------------ drawing
    def refresh(self) -> None:
        """Show the state in the inputs, recompute the model and redraw every output."""
        state, view = self.state, self.view
        view.show(state)
        result = self.compute(state.scenario)
        pinned = None
        if state.pinned is not None and self.page.can_pin:
            pinned = self.compute(state.pinned.scenario, dict(state.pinned.extras))
        query = self.state_query()
        stamp = t("stamp", state.lang, version=__version__, state=query or "-")
        # The figures first, then the charts, as before the split (the benchmark's reference).
        draw_text(view, self.article_figures, state, result, pinned, self.card_hooks)
        draw_charts(view, state, result, pinned, stamp)
        view.toolbar.link.query = query
        view.toolbar.undo_button.disabled = not self.history.past
        self.result = result
        for hook in self.on_refresh:
            hook(state, result)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.view.widget._repr_mimebundle_(**kwargs)


def dashboard_class(page_id: str) -> type[Dashboard]:
    """A :class:`Dashboard` subclass for one declared page (``NightDashboard`` …)."""
    name = f"{page_id.title()}Dashboard"
    return type(name, (Dashboard,), {"spec": page_spec(page_id), "__module__": __name__})

"""Every dashboard page, each declared once (issue 13).

A page is one :class:`PageSpec`: its id, title and intro keys, the model it shows, its control
groups, its charts, its headline figures and cards, its summary and notes, and any extra
controls (the reform page's checkboxes). The UI (:mod:`explainer.ui.dashboard`), the landing
page, the command line, the exports and the tests all read this registry.

This module stays light (no charts, no model): the landing page and the command line import
it for :data:`PAGE_IDS`. :func:`page_spec` imports a page's module on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # kept light: the command line and the landing page import this module
    from explainer.core.spec import Lang, Problem

#: The dashboards, in the order the navigation and the landing page list them. Each id names
#: a module ``explainer.pages.<id>`` that defines ``PAGE``.
PAGE_IDS: tuple[str, ...] = ("night", "unit", "fit", "reforms")

#: A headline card: (label, value — may hold markup, detail, css key).
Card = tuple[str, str, str, str]
#: A chart: a function of (result, lang) giving a Vega-Lite dictionary.
SpecFunction = Callable[[Any, "Lang"], dict[str, Any]]


@dataclass(frozen=True)
class Chart:
    """One chart of a page: the CSS class its widget carries and its spec function."""

    css: str
    spec: SpecFunction


@dataclass(frozen=True)
class ChoiceSet:
    """An extra control: a set of checkboxes whose ticked ids are page state.

    ``key`` names it in the URL (``key=a,b``), in scenario files (a list) and in the state
    (:meth:`explainer.ui.state.PageState.extra`). The ticked ids are kept in declared order.
    """

    key: str
    title_key: str  # data/locales key of the heading above the boxes
    css: str  # the panel's CSS class
    box_css: str  # each box's CSS class is ``{box_css}{id}``
    options: Callable[[], Mapping[str, Any]]  # id → object; only the ids matter here
    label: Callable[[str, Lang], str]
    tooltip: Callable[[str, Lang], str]
    #: The problems' codes (data/locales ``problem_<code>``).
    unknown: str = "unknown_item"
    not_a_list: str = "not_id_list"

    def ordered(self, ids: Any) -> tuple[str, ...]:
        """The known ids among ``ids``, in declared order."""
        wanted = set(ids)
        return tuple(i for i in self.options() if i in wanted)

    def from_query(self, text: str) -> tuple[tuple[str, ...], list[Problem]]:
        """``a,b`` from a URL: the known ids, and a problem for each unknown one."""
        from explainer.core.spec import Problem

        wanted = [i for i in text.split(",") if i]
        known = self.options()
        problems = [
            Problem(self.key, i, self.unknown, ", ".join(known)) for i in wanted if i not in known
        ]
        return self.ordered(i for i in wanted if i in known), problems

    def check_document(self, document: Mapping[str, Any]) -> list[Problem]:
        """Problems with the field in a scenario file (hostile: any YAML value)."""
        from explainer.core.spec import Problem

        wanted = document.get(self.key) or []
        known = ", ".join(self.options())
        if not isinstance(wanted, list):
            return [Problem(self.key, wanted, self.not_a_list, known)]
        return [  # an item may be a list or a mapping: test it is text before looking it up
            Problem(self.key, i, self.unknown, known)
            for i in wanted
            if not isinstance(i, str) or i not in self.options()
        ]


def _same(preset: Any, result: Any) -> Any:
    return result


def _no_notes(result: Any, state: Any) -> str:
    return ""


@dataclass(frozen=True)
class PageSpec:
    """One dashboard page, declared once.

    The functions take the model's result and the page's state
    (:class:`explainer.ui.state.PageState`: scenario, language, extras …).
    """

    id: str  # also the notebook's name and the presets' ``page``
    title_key: str
    intro_key: str
    groups: tuple[str, ...]  # control groups shown, in order
    compute: Callable[[Any, Mapping[str, Any]], Any]  # (scenario, extras) → result
    charts: tuple[Chart, ...]
    figures: Callable[[Any], list[Any]]  # result → [explainer.core.figures.Figure]
    headline: Callable[[Any, Any], list[Card] | str]  # cards, or ready markup
    summary: Callable[[Any, Any], str]  # one paragraph a journalist could quote
    notes: Callable[[Any, Any], str] = _no_notes
    extras: tuple[ChoiceSet, ...] = ()
    can_pin: bool = True  # "pin as A" (the reform page compares by itself)
    #: The result a preset's reported figures are checked against.
    preset_result: Callable[[Any, Any], Any] = _same
    #: Offer every preset (the reform page starts from any case), not only this page's.
    all_presets: bool = False

    def presets(self) -> dict[str, Any]:
        """The presets the page offers, by id (:mod:`explainer.core.presets`)."""
        from explainer.core.presets import presets

        return {k: p for k, p in presets().items() if self.all_presets or p.page == self.id}


_EXTRA: dict[str, PageSpec] = {}


def register(page: PageSpec) -> PageSpec:
    """Add a page that has no module here (e.g. a test's toy page)."""
    _EXTRA[page.id] = page
    return page


def page_spec(page_id: str) -> PageSpec:
    """The declaration of page ``page_id``."""
    if page_id in _EXTRA:
        return _EXTRA[page_id]
    if page_id not in PAGE_IDS:
        raise KeyError(page_id)
    return importlib.import_module(f"explainer.pages.{page_id}").PAGE


def all_pages() -> list[PageSpec]:
    """Every page: the listed ones, then any registered ones."""
    return [page_spec(p) for p in PAGE_IDS] + [p for i, p in _EXTRA.items() if i not in PAGE_IDS]

"""Drawing a page's outputs from its state and result: cards, notes, article box, charts.

Charts are updated in place (the widget's Vega-Lite spec is replaced), never cleared and
redrawn; an unchanged chart is not re-sent. The widget gets the chart's live form
(explainer.charts.live): when only the scenario moved, the browser updates the marks of the
chart on screen instead of building it again (issue 14).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from explainer.charts.common import overlay, responsive
from explainer.charts.live import live, with_pending_band
from explainer.pages import Card
from explainer.pages.markup import cards_html, problems_html
from explainer.ui.article import Article
from explainer.ui.state import PageState
from explainer.ui.view import PageView

#: Adds to or changes a card before it is drawn: (card, state, result) → card.
CardHook = Callable[[Card, PageState, Any], Card]


def draw_charts(view: PageView, state: PageState, result: Any, pinned: Any, stamp: str) -> None:
    """Each chart for ``result`` (with the pinned scenario A overlaid), stamped with the state."""
    lang = state.lang
    for widget, chart in zip(view.chart_widgets, view.page.charts, strict=True):
        spec = chart.spec(result, lang)
        if pinned is not None:
            spec = overlay(spec, chart.spec(pinned, lang))
        spec["title"]["subtitle"] = [*spec["title"]["subtitle"], stamp]
        spec = responsive(spec, lang)  # as wide as the screen allows (issue 15)
        pending = with_pending_band(view.page.id, chart.css, spec, result, lang)
        show_chart(widget, spec, pending)


def show_chart(widget: Any, spec: dict[str, Any] | None, drawn: Any = None) -> None:
    """Put a chart on ``widget``: ``spec`` is the chart as built (kept as ``widget.plain_spec``
    for later layers such as range bands), ``drawn`` what is shown (``spec`` when not given),
    sent in its live form; an unchanged chart is neither re-sent nor redrawn."""
    widget.plain_spec = spec
    shown = live(spec if drawn is None else drawn)
    if shown != widget.spec:
        widget.spec = shown


def plain_spec(widget: Any) -> dict[str, Any] | None:
    """The chart on ``widget`` as built (plain Vega-Lite: inline data, literal title)."""
    return getattr(widget, "plain_spec", None)


def headline_html(page: Any, state: PageState, result: Any, hooks: list[CardHook]) -> str:
    """The page's headline: its cards (each through the hooks), or its own markup."""
    headline = page.headline(result, state)
    if isinstance(headline, str):
        return headline
    for hook in hooks:
        headline = [hook(card, state, result) for card in headline]
    return cards_html(headline)


def draw_text(
    view: PageView,
    article: Article,
    state: PageState,
    result: Any,
    pinned: Any,
    hooks: list[CardHook],
) -> None:
    """The headline, notes, article box, summary, A/B table and message."""
    out, page = view.outputs, view.page
    out["headline"].value = headline_html(page, state, result, hooks)
    out["notes"].value = page.notes(result, state)
    out["article"].value = article.box_html(state, result)
    out["summary"].value = f"<p>{html.escape(article.summary(state, result))}</p>"
    out["ab_table"].value = article.ab_html(state, pinned, result) if pinned is not None else ""
    view.message.value = problems_html(state.problems, state.lang)

"""The dashboards' "Download brief" button, and the adapter from a page to a brief.

:func:`brief_content` reads what a dashboard shows (its summary, headline figures with the
article's figures beside them, its first chart, its settings with their two sources, the
link that restores it) into a :class:`explainer.outputs.brief.BriefContent`; ``explainer brief``
(the command) and the button both use it, so the file is the same from either.

The button makes the brief when it is clicked, not on every change: drawing the chart takes
vl-convert 0.25 s (1.5 s the first time in a kernel) and the file is tens of kilobytes, which
a data: link would re-send over the websocket on every slider move. The click sends one
message to the kernel; the file comes back as a binary buffer and the browser saves it (a
Blob and an ``<a download>``), with nothing fetched from the server: the page's one on-click
download widget, :mod:`explainer.ui.download_button`, which the CSV/YAML/JSON downloads use
too.

:func:`attach_brief_button` is the one hook a dashboard calls (after building its toolbar).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from explainer import __version__
from explainer.core.i18n import t
from explainer.core.spec import Lang
from explainer.outputs.brief import BriefAssumption, BriefContent, BriefFigure, render_brief
from explainer.ui.download_button import DownloadButtons, DownloadFile

__all__ = ["BriefButton", "attach_brief_button", "brief_content", "brief_filename"]

#: The page's address when the browser has not reported one (the command line): ``make app``.
DEFAULT_PAGE_URL = "http://127.0.0.1:8866/voila/render/{page}.ipynb"


def _status(comparison: Any, lang: Lang) -> str:
    """“article: 23:00 · calibrated (quota_points)”: the article's figure and its status
    (the reason, often a paragraph, stays on the page and in the scenario file)."""
    from explainer.core.presets import status_text

    reported = comparison.reported
    status = status_text(reported.status, lang)
    if reported.calibrated:
        status += f" ({', '.join(reported.calibrated)})"
    return t("brief_article_status", lang, article=reported.text[lang], status=status)


def _figures(dashboard: Any, result: Any, lang: Lang) -> list[BriefFigure]:
    """The page's headline figures, each with the article's figure and status beside it;
    then the article's figures that are not among them (a case's evening, say)."""
    from explainer.core.figures import format_value
    from explainer.core.i18n import strings

    comparisons = dashboard.article_comparisons(dashboard.preset_id, result)
    by_metric = {c.reported.metric: c for c in comparisons}
    ranges = dashboard.bands.ends_of(result, lang) if hasattr(dashboard, "bands") else {}
    figures = [
        BriefFigure(
            label=t(f"metric_{figure.key}", lang),
            value=format_value(figure.value, figure.kind, lang),
            status=_status(by_metric[figure.key], lang)
            if figure.key in by_metric
            else t("brief_model_only", lang),
            low_text=ranges.get(figure.key, (None, None))[0],  # issue 14
            high_text=ranges.get(figure.key, (None, None))[1],
        )
        for figure in dashboard.figures(result)
    ]
    shown = {figure.key for figure in dashboard.figures(result)}
    for c in comparisons:
        if c.reported.metric not in shown:
            names = strings(lang)  # a headline figure's label, or one the brief adds
            label = names.get(f"metric_{c.reported.metric}") or names.get(
                f"brief_metric_{c.reported.metric}", t("brief_article_figure", lang)
            )
            value = c.reported.show(c.model_value, lang)
            figures.append(BriefFigure(label=label, value=value, status=_status(c, lang)))
    return figures


def _summary(dashboard: Any, result: Any, lang: Lang) -> str:
    """The page's plain-language paragraph (the article's figures are in the table), and
    the case's note when the article gives no figure for it."""
    text = dashboard.page.summary(result, dashboard.state)
    preset = dashboard.presets.get(dashboard.preset_id)
    if preset is not None and preset.no_figures:
        text += " " + preset.no_figures[lang]
    return text


def _settings(dashboard: Any) -> list[tuple[Any, bool]]:
    """The page's parameters as ``(spec, changed from the default)``, changed ones first
    (declared order otherwise)."""
    default = dashboard.registry.default()
    rows = [
        (spec, getattr(dashboard.scenario, name) != getattr(default, name))
        for name, spec in dashboard.registry.params.items()
        if spec.group in dashboard.page.groups
    ]
    return sorted(rows, key=lambda row: not row[1])


def _assumptions(dashboard: Any, lang: Lang) -> list[BriefAssumption]:
    """Each setting's value, with where its mechanism and its number come from."""
    from explainer.teaching.guide import shown_value
    from explainer.ui.toolbar import short_source

    return [
        BriefAssumption(
            label=str(spec.label[lang]),
            value=shown_value(spec, getattr(dashboard.scenario, spec.id), lang),
            mechanism_source=short_source(spec.mechanism_source, lang),
            number_source=short_source(spec.number_source, lang),
            changed=changed,
        )
        for spec, changed in _settings(dashboard)
    ]


def _sources(dashboard: Any, lang: Lang) -> list[str]:
    """The article's citation, and the outside references behind the listed settings."""
    from explainer.core.spec import article_citation, bilingual, sources
    from explainer.outputs.brief import MAX_ASSUMPTIONS

    refs: list[str] = []
    for spec, _ in _settings(dashboard)[:MAX_ASSUMPTIONS]:
        for source in (spec.mechanism_source, spec.number_source):
            key = source.get("ref")
            if key and key not in refs:
                refs.append(key)
    lines = [t("brief_sources", lang, article=article_citation(lang))]
    lines += [f"{key}: {bilingual(sources()[key]['title'], lang)}" for key in refs[:4]]
    return lines


def page_link(dashboard: Any, page_url: str | None = None) -> str:
    """The link that restores the page: the address the browser reported (checked, its query
    dropped) or ``page_url``, with the current state's query."""
    from urllib.parse import urlsplit, urlunsplit

    from explainer.outputs.qr import safe_link

    reported = safe_link(getattr(getattr(dashboard, "link", None), "url", ""))
    if reported:
        parts = urlsplit(reported)
        base = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    else:
        base = page_url or DEFAULT_PAGE_URL.format(page=dashboard.page.id)
    query = dashboard.state_query()
    return f"{base}?{query}" if query else base


def key_chart(dashboard: Any, result: Any, lang: Lang) -> dict[str, Any] | None:
    """The page's first chart as the page draws it (over scenario A when one is pinned), its
    caption wrapped to the brief's chart width (no browser wraps it there, issue 15)."""
    from explainer.charts.common import overlay, wrapped_text
    from explainer.outputs.brief import CHART_WIDTH

    page, pinned = dashboard.page, dashboard.state.pinned
    if not page.charts:
        return None
    spec_of = page.charts[0].spec
    spec = spec_of(result, lang)
    if pinned is not None and page.can_pin:
        spec = overlay(spec, spec_of(dashboard.compute(pinned.scenario, dict(pinned.extras)), lang))
    return wrapped_text(spec, CHART_WIDTH)


def brief_content(
    dashboard: Any, page_url: str | None = None, today: dt.date | None = None
) -> BriefContent:
    """What ``dashboard`` shows now, as a brief (no chart drawn yet: render_brief does)."""
    lang, result = dashboard.lang, dashboard.result
    return BriefContent(
        page=dashboard.page.id,
        lang=lang,
        title=t(dashboard.page.title_key, lang),
        summary=_summary(dashboard, result, lang),
        figures=_figures(dashboard, result, lang),
        chart_spec=key_chart(dashboard, result, lang),
        assumptions=_assumptions(dashboard, lang),
        model_version=__version__,
        link=page_link(dashboard, page_url),
        generated=(today or dt.date.today()).isoformat(),
        sources=_sources(dashboard, lang),
    )


def brief_filename(page: str, lang: Lang) -> str:
    """``explainer-night-brief-zh.html``: page and language are the page's own ids."""
    safe = "".join(ch for ch in page if ch.isalnum()) or "page"
    return f"explainer-{safe}-brief-{'zh' if lang == 'zh' else 'en'}.html"


# ---------------------------------------------------------------------- the button
#: The brief, as a file the download widget makes on a click.
BRIEF_FILE = DownloadFile("brief", "explainer-brief-button", "text/html;charset=utf-8")


class BriefButton(DownloadButtons):
    """ "Download brief": on a click the kernel makes the brief, the browser saves it.

    ``make`` is called with no argument and returns ``(filename, html)``; a failure is
    logged for the server and the visitor sees the failed label, never Python's text
    (the mechanism is :class:`explainer.ui.download_button.DownloadButtons`).
    """

    def __init__(self, make: Callable[[], tuple[str, str]], **kwargs: Any) -> None:
        super().__init__([BRIEF_FILE], lambda _: make(), **kwargs)

    @property
    def label(self) -> str:
        return self.label_of(BRIEF_FILE.name)

    def relabel(self, lang: Lang) -> None:
        self.show_labels(
            {BRIEF_FILE.name: t("brief_download", lang)},
            {BRIEF_FILE.name: t("brief_download_help", lang)},
            busy=t("brief_making", lang),
            failed=t("brief_failed", lang),
        )


def make_brief(dashboard: Any) -> tuple[str, str]:
    """The brief of what ``dashboard`` shows now: ``(filename, html)``."""
    content = brief_content(dashboard)
    return brief_filename(dashboard.page.id, content.lang), render_brief(content)


def attach_brief_button(dashboard: Any) -> BriefButton:
    """Put a "Download brief" button at the end of the dashboard's toolbar, in its language.

    The one hook: the dashboard calls it once its view (toolbar included) exists.
    """
    button = BriefButton(lambda: make_brief(dashboard))
    button.add_class("explainer-brief")
    dashboard.view.toolbar.add(button, button.relabel)
    dashboard.brief_button = button
    return button

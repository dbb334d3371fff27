"""Handouts of a playlist (issue 18): each step as the one-page brief, the session as a booklet.

Nothing is drawn here: a step is put on its page's dashboard (as the presenter's page would
show it), :func:`explainer.ui.brief_button.brief_content` says what that page shows, and
:mod:`explainer.brief` renders it (one page per step; one file for the whole session). The
step's title and its question for the room head each page; the expected answers and the
speaker notes stay with the trainer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from explainer.i18n import t
from explainer.playlist import Playlist, Step, ready_made

DEFAULT_BASE = "http://127.0.0.1:8866/voila/render/"


#: ``make(page, lang)``: a new dashboard of ``page`` (explainer.ui.dashboard, passed in by the
#: caller: this module sits beside the UI, which calls it, and does not import it back).
Make = Callable[[str, str], Any]


def step_dashboard(step: Step, lang: str, make: Make, cache_: dict[str, Any] | None = None) -> Any:
    """A dashboard of the step's page, in the step's state (one per page in ``cache_``)."""
    from explainer.ui.steps import apply_step

    cache_ = {} if cache_ is None else cache_
    page = step.state.page
    if page not in cache_:
        cache_[page] = make(page, lang)
    dashboard = cache_[page]
    apply_step(dashboard, step, lang)  # the step's query carries the language
    return dashboard


def step_url(step: Step, lang: str, base: str = DEFAULT_BASE) -> str:
    """The link that opens the step's state (without the playlist: a handout is for anyone)."""
    parts = urlsplit(base)
    path = parts.path.rstrip("/") + f"/{step.state.page}.ipynb"
    return urlunsplit((parts.scheme, parts.netloc, path, step.state.query(lang), ""))


def step_content(
    playlist: Playlist,
    index: int,
    lang: str,
    make: Make,
    base: str = DEFAULT_BASE,
    dashboards: dict[str, Any] | None = None,
) -> Any:
    """The brief of step ``index`` (0-based): the page's content, headed by the step."""
    from explainer.ui.brief_button import brief_content

    step = playlist.steps[index]
    dashboard = step_dashboard(step, lang, make, dashboards)
    content = brief_content(dashboard, page_url=step_url(step, lang, base).split("?")[0])
    counter = t("playlist_counter", lang, n=index + 1, total=len(playlist.steps))  # type: ignore[arg-type]
    title = f"{playlist.title(lang)} · {counter} · {step.title(lang)}"
    question = t("playlist_handout_question", lang, question=step.question(lang))  # type: ignore[arg-type]
    return dataclasses.replace(
        content,
        title=title,
        summary=f"{question} {content.summary}",
        link=step_url(step, lang, base),
    )


def render_step(
    playlist: Playlist,
    index: int,
    lang: str,
    make: Make,
    base: str = DEFAULT_BASE,
    dashboards: dict[str, Any] | None = None,
) -> str:
    """One step's handout: a one-page brief (HTML)."""
    from explainer.brief import render_brief

    return render_brief(step_content(playlist, index, lang, make, base, dashboards))


def render_playlist_booklet(
    playlist: Playlist,
    lang: str,
    make: Make,
    base: str = DEFAULT_BASE,
    dashboards: dict[str, Any] | None = None,
) -> str:
    """The whole session as one printable file, one step per page (``dashboards``: one per
    page, kept by the caller to reuse)."""
    from explainer.brief import render_booklet

    dashboards = {} if dashboards is None else dashboards
    contents = [
        step_content(playlist, i, lang, make, base, dashboards) for i in range(len(playlist.steps))
    ]
    return render_booklet(contents, playlist.title(lang), lang)  # type: ignore[arg-type]


def find_playlist(name: str) -> Playlist:
    """A ready-made playlist by id, or a playlist file by path (read as hostile input)."""
    from pathlib import Path

    from explainer.playlist import parse_playlist_file

    if name in ready_made():
        return ready_made()[name]
    return parse_playlist_file(Path(name).read_bytes())

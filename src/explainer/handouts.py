"""Handouts of a playlist (issue 18): each step as the one-page brief, the session as a booklet.

Nothing is drawn here: a step is put on its page's dashboard (as the presenter's page would
show it), :func:`explainer.ui.brief_button.brief_content` says what that page shows, and
:mod:`explainer.brief` renders it (one page per step; one file for the whole session). The
step's title and its question for the room head each page; the expected answers and the
speaker notes stay with the trainer.
"""

from __future__ import annotations

import dataclasses
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from explainer.i18n import t
from explainer.playlist import Playlist, Step, ready_made

DEFAULT_BASE = "http://127.0.0.1:8866/voila/render/"


def step_dashboard(step: Step, lang: str, cache_: dict[str, Any] | None = None) -> Any:
    """A dashboard of the step's page, in the step's state (one per page in ``cache_``)."""
    from explainer.ui.dashboard import dashboard_class
    from explainer.ui.playlist import apply_step

    cache_ = {} if cache_ is None else cache_
    page = step.state.page
    if page not in cache_:
        cache_[page] = dashboard_class(page)(lang=lang)  # type: ignore[arg-type]
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
    base: str = DEFAULT_BASE,
    dashboards: dict[str, Any] | None = None,
) -> Any:
    """The brief of step ``index`` (0-based): the page's content, headed by the step."""
    from explainer.ui.brief_button import brief_content

    step = playlist.steps[index]
    dashboard = step_dashboard(step, lang, dashboards)
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
    base: str = DEFAULT_BASE,
    dashboards: dict[str, Any] | None = None,
) -> str:
    """One step's handout: a one-page brief (HTML)."""
    from explainer.brief import render_brief

    return render_brief(step_content(playlist, index, lang, base, dashboards))


def render_playlist_booklet(
    playlist: Playlist,
    lang: str,
    base: str = DEFAULT_BASE,
    dashboards: dict[str, Any] | None = None,
) -> str:
    """The whole session as one printable file, one step per page (``dashboards``: one per
    page, kept by the caller to reuse)."""
    from explainer.brief import render_booklet

    dashboards = {} if dashboards is None else dashboards
    contents = [
        step_content(playlist, i, lang, base, dashboards) for i in range(len(playlist.steps))
    ]
    return render_booklet(contents, playlist.title(lang), lang)  # type: ignore[arg-type]


def find_playlist(name: str) -> Playlist:
    """A ready-made playlist by id, or a playlist file by path (read as hostile input)."""
    from pathlib import Path

    from explainer.playlist import parse_playlist_file

    if name in ready_made():
        return ready_made()[name]
    return parse_playlist_file(Path(name).read_bytes())


# ---------------------------------------------------------------------- explainer booklet
BOOKLET_EPILOG = """examples:
  explainer booklet one-night --lang zh -o one-night.html
  explainer booklet my-session.yaml --lang en -o booklet.html

Ready-made playlists: one-night, unit-and-veto, what-reform-changes (data/playlists).
Open the file in a browser and print it (one step per page), or save it as PDF.
"""


def add_booklet_parser(commands: Any) -> None:
    """``explainer booklet``: registered by :func:`explainer.cli.build_parser`."""
    import argparse
    from pathlib import Path

    booklet = commands.add_parser(
        "booklet",
        help="write a playlist's handouts as one printable file (one step per page)",
        description="Write the handouts of a playlist: each step as the one-page brief, all "
        "in one HTML file to print.",
        epilog=BOOKLET_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    booklet.add_argument("playlist", help="a ready-made playlist's id, or a playlist file")
    booklet.add_argument("--lang", choices=("zh", "en"), default="zh", help="language (zh)")
    booklet.add_argument("-o", "--out", type=Path, required=True, help="the HTML file to write")
    booklet.add_argument(
        "--base", default=DEFAULT_BASE, help=f"where the pages are served (default {DEFAULT_BASE})"
    )
    booklet.set_defaults(run=booklet_command)


def booklet_command(args: Any) -> int:
    """Write the booklet; a bad playlist is named line by line, never with a traceback."""
    import sys

    from explainer.playlist import PlaylistError

    def fail(message: str) -> int:
        print(f"explainer booklet: error: {message}", file=sys.stderr)
        return 2

    try:
        playlist = find_playlist(args.playlist)
    except PlaylistError as error:
        return fail("; ".join(error.messages(args.lang)))
    except OSError as error:
        return fail(f"cannot read {args.playlist}: {error.strerror}")
    text = render_playlist_booklet(playlist, args.lang, args.base)
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as error:
        return fail(f"cannot write {args.out}: {error.strerror}")
    print(args.out)
    return 0

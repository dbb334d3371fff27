"""``explainer booklet``: a playlist's handouts as one printable file (issue 18).

The command line's end of :mod:`explainer.handouts`: it builds the dashboards the handouts
are read from (the stepper in the page passes its own).
"""

from __future__ import annotations

from typing import Any

from explainer.handouts import DEFAULT_BASE, find_playlist, render_playlist_booklet


def new_dashboard(page: str, lang: str) -> Any:
    """A dashboard of ``page`` in ``lang``, never displayed."""
    from explainer.ui.dashboard import dashboard_class

    return dashboard_class(page)(lang=lang)  # type: ignore[arg-type]


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
    text = render_playlist_booklet(playlist, args.lang, new_dashboard, args.base)
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as error:
        return fail(f"cannot write {args.out}: {error.strerror}")
    print(args.out)
    return 0

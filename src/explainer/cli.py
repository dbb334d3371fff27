"""The ``explainer`` command: serve the dashboards, or export a scenario's files, with no checkout.

``explainer serve`` runs Voila on the dashboards installed with the package (or the checkout,
for an editable install; :mod:`explainer.core.paths`) with the project's serving settings
(``voila.json``; ``--workshop`` adds ``config/workshop/voila.json``, as ``make workshop``
does), on 127.0.0.1:8866 unless told otherwise, and prints the address.

``explainer export`` takes what a page takes (a link or a URL query, or a scenario file) and
writes the files the page's Download links give: ``explainer-<page>.csv``, ``.yaml`` and
``.json``. It builds the page's own dashboard object without a browser and calls the same
methods the page calls (``Dashboard.apply_query`` / ``load_scenario_text``,
``figures_csv``, ``scenario_file``; :mod:`explainer.ui.toolbar`'s ``dump_yaml`` /
``dump_json``), so the files are the page's, byte for byte.

``explainer brief`` writes the page's one-page brief (:mod:`explainer.outputs.brief`) for a query or
a scenario file, through the same loaders as ``explainer export`` and the same adapter as the
page's "Download brief" button (:func:`explainer.ui.brief_button.brief_content`).
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from explainer.pages import PAGE_IDS

PAGES = PAGE_IDS  # the dashboards, declared in explainer.pages
FORMATS = ("csv", "yaml", "json")
DEFAULT_IP = "127.0.0.1"
DEFAULT_PORT = 8866
# A scenario file is a few kilobytes; refuse anything far larger before parsing it.
MAX_SCENARIO_BYTES = 1_000_000
# A link longer than this is not one the pages make.
MAX_QUERY_CHARS = 8_000

DESCRIPTION = """\
Fingertip formalism (指尖上的形式主义), made visible: serve the interactive dashboards, or
export a scenario's numbers and settings from the command line.

commands:
  serve    serve every dashboard and guide in Voila; prints the address to open
  export   write the CSV / YAML / JSON files a page's Download links give
  brief    write a page's one-page brief (HTML, prints on one A4 page)

`explainer COMMAND --help` explains each command.
"""

SERVE_EPILOG = """\
examples:
  explainer serve                      http://127.0.0.1:8866/ on this machine only
  explainer serve --port 9000
  explainer serve --workshop --ip 0.0.0.0
                                       a room of about 40 on this machine's network
                                       (40 preheated kernels: start 10 minutes early)
Ctrl-C stops the server.
"""

EXPORT_EPILOG = """\
examples:
  explainer export 'http://127.0.0.1:8866/voila/render/night.ipynb?n_apps=10&lang=en'
  explainer export 'preset=li_yi&lang=en' --page night --out results/
  explainer export explainer-unit.yaml --format csv
The files are the page's own: explainer-<page>.csv (the numbers, with the model version,
the state and the sources as leading # lines), explainer-<page>.yaml and .json (the
scenario, which the page's "Load scenario" restores). A value the page would refuse is
named with its allowed range, and nothing is written.
"""


BRIEF_EPILOG = """\
examples:
  explainer brief night --query 'n_apps=10&lang=en' -o night-brief.html
  explainer brief unit --scenario explainer-unit.yaml --lang zh
  explainer brief fit --query 'http://127.0.0.1:8866/voila/render/fit.ipynb?preset=&lang=en'
The brief is one HTML file with nothing to fetch: the scenario's summary, its headline
figures beside the article's, the key chart, the settings and their sources, and a link
that restores the scenario (--page-url sets where that link points). The browser's
Print -> Save as PDF gives it on one A4 page. A value the page would refuse is named with
its allowed range, and nothing is written.
"""


class CommandError(Exception):
    """A problem with what the user asked for: printed without a traceback, exit status 2."""


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port: use a whole number 1-65535")
    return port


def _ip(text: str) -> str:
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an IP address: use e.g. 127.0.0.1 (this machine only) or "
            "0.0.0.0 (every interface)"
        ) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="explainer",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from explainer import __version__

    parser.add_argument("--version", action="version", version=f"explainer {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _add_serve(commands)
    _add_export(commands)
    add_brief_parser(commands)
    from explainer.booklet_cli import add_booklet_parser  # booklet hook (issue 18)

    add_booklet_parser(commands)
    return parser


def _add_serve(commands: Any) -> None:
    """``explainer serve``: its options."""
    serve = commands.add_parser(
        "serve",
        help="serve the dashboards in Voila",
        description="Serve every dashboard and guide in Voila with the project's settings.",
        epilog=SERVE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    serve.add_argument(
        "--workshop",
        action="store_true",
        help="workshop settings: 40 preheated kernels for night.ipynb, a cap of 64 kernels, "
        "faster culling (config/workshop/voila.json)",
    )
    serve.add_argument(
        "--ip",
        type=_ip,
        default=DEFAULT_IP,
        help=f"address to listen on (default {DEFAULT_IP}: this machine only; 0.0.0.0 lets "
        "other machines connect)",
    )
    serve.add_argument(
        "--port", type=_port, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})"
    )
    serve.add_argument(
        "--dry-run",
        action="store_true",
        help="print the Voila command and its JUPYTER_PATH instead of running it",
    )
    serve.set_defaults(run=serve_command)


def _add_export(commands: Any) -> None:
    """``explainer export``: its options."""
    export = commands.add_parser(
        "export",
        help="write a scenario's CSV / YAML / JSON files",
        description="Write the files a page's Download links give, for a link, a URL query "
        "or a scenario file.",
        epilog=EXPORT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument(
        "source",
        metavar="LINK|QUERY|FILE",
        help="a page's link, a URL query such as 'n_apps=10&lang=en' (with --page), or a "
        "scenario file (.yaml, .yml or .json) saved from a page",
    )
    export.add_argument(
        "--page",
        choices=PAGES,
        help="the dashboard (needed for a bare query; read from a link or a file otherwise)",
    )
    export.add_argument(
        "--format",
        dest="formats",
        action="append",
        choices=FORMATS,
        help="write only this format (repeatable; default: all three)",
    )
    export.add_argument(
        "--out",
        type=Path,
        default=Path("."),
        help="folder to write into (created if missing; default: the current folder)",
    )
    export.set_defaults(run=export_command)


def add_brief_parser(commands: Any) -> None:
    """``explainer brief PAGE [--query Q | --scenario FILE] [--lang L] [-o FILE]``."""
    brief = commands.add_parser(
        "brief",
        help="write a page's one-page brief (HTML)",
        description="Write the one-page brief of a scenario: what the page's Download brief "
        "button gives.",
        epilog=BRIEF_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    brief.add_argument("page", choices=PAGES, help="the dashboard")
    source = brief.add_mutually_exclusive_group()
    source.add_argument(
        "--query", default="", help="a URL query such as 'n_apps=10&lang=en', or a page's link"
    )
    source.add_argument(
        "--scenario", type=Path, help="a scenario file (.yaml, .yml or .json) saved from a page"
    )
    brief.add_argument("--lang", choices=("zh", "en"), help="the brief's language")
    brief.add_argument(
        "--page-url",
        help="the page's address for the brief's link (default "
        "http://127.0.0.1:8866/voila/render/<page>.ipynb, as `explainer serve` serves it)",
    )
    brief.add_argument(
        "-o",
        "--output",
        type=Path,
        help="file to write (default: explainer-<page>-brief-<lang>.html here)",
    )
    brief.set_defaults(run=brief_command)


# ---------------------------------------------------------------------------- serve
def serve_argv(workshop: bool, ip: str, port: int, root: Path) -> list[str]:
    """The Voila command line ``make app`` / ``make workshop`` run, for ``root``.

    It is :mod:`explainer.serving.serve` (Voila with the checks of :mod:`explainer.serving.guard`:
    Host,
    URL length, page-load limit, websocket frames), never the plain ``voila`` command.
    """
    config_paths = [root / "config" / "workshop", root] if workshop else [root]
    return [
        sys.executable,
        "-m",
        "explainer.serving.serve",
        str(root / "notebooks"),
        "--no-browser",
        f"--port={port}",
        f"--Voila.ip={ip}",
        *(f"--Voila.config_file_paths={path}" for path in config_paths),
    ]


def serve_env(root: Path) -> dict[str, str]:
    from explainer.core.paths import template_root

    env = dict(os.environ)
    paths = [str(template_root(root)), *filter(None, env.get("JUPYTER_PATH", "").split(os.pathsep))]
    env["JUPYTER_PATH"] = os.pathsep.join(dict.fromkeys(paths))
    env.setdefault("PYTHONUNBUFFERED", "1")
    return env


def serve_command(args: argparse.Namespace) -> int:
    from explainer.core.paths import project_root

    try:
        root = project_root()
    except FileNotFoundError as error:
        raise CommandError(str(error)) from None
    argv = serve_argv(args.workshop, args.ip, args.port, root)
    env = serve_env(root)
    if args.dry_run:
        print(f"JUPYTER_PATH={env['JUPYTER_PATH']}")
        print(" ".join(argv))
        return 0
    from explainer.serving.offline import load_bundle

    load_bundle()  # the charts' JavaScript, cached once for every kernel (as `make app`)
    shown = "127.0.0.1" if args.ip in ("0.0.0.0", "::") else args.ip
    host = f"[{shown}]" if ":" in shown else shown
    mode = "workshop settings" if args.workshop else "settings"
    print(f"==> serving {root / 'notebooks'} with {mode} from {root}", flush=True)
    print(f"==> open http://{host}:{args.port}/   (Ctrl-C stops)", flush=True)
    if args.workshop:
        print("==> filling the kernel pools takes 2-3 minutes", flush=True)
    os.execve(sys.executable, argv, env)
    return 0  # not reached


# ---------------------------------------------------------------------------- export
def _dashboard(page: str):
    """The page's dashboard object, built as the notebook builds it (no browser needed)."""
    from explainer.ui.dashboard import Dashboard

    return Dashboard("zh", page)


def _page_from_link(path: str) -> str | None:
    name = Path(path).name
    stem = name[: -len(".ipynb")] if name.endswith(".ipynb") else None
    return stem if stem in PAGES else None


def read_source(source: str, page: str | None) -> tuple[str, str, str]:
    """``(page, kind, text)``: kind ``query`` (text is a query) or ``file`` (its contents)."""
    path = Path(source)
    if path.suffix.lower() in (".yaml", ".yml", ".json") and "?" not in source:
        try:
            size = path.stat().st_size
        except OSError:
            raise CommandError(f"argument LINK|QUERY|FILE: no such file: {source}") from None
        if size > MAX_SCENARIO_BYTES:
            raise CommandError(
                f"argument LINK|QUERY|FILE: {source} has {size:,} bytes; a scenario file "
                f"has at most {MAX_SCENARIO_BYTES:,}"
            )
        text = path.read_bytes().decode("utf-8", errors="replace")
        from explainer.core.untrusted import InputRefused, load_untrusted_yaml

        try:
            declared = load_untrusted_yaml(text)
        except (InputRefused, ValueError):
            declared = None  # the page's own loader says what is wrong
        named = declared.get("page") if isinstance(declared, dict) else None
        if page is None:
            page = named if named in PAGES else None
        if page is None:
            raise CommandError(
                f"argument --page: {source} does not name its page; use --page with one of "
                + ", ".join(PAGES)
            )
        return page, "file", text
    if len(source) > MAX_QUERY_CHARS:
        raise CommandError(
            f"argument LINK|QUERY|FILE: {len(source):,} characters; a link has at most "
            f"{MAX_QUERY_CHARS:,}"
        )
    parts = urlsplit(source)
    if parts.scheme in ("http", "https"):
        linked = _page_from_link(parts.path)
        if page is None:
            page = linked
        if page is None:
            raise CommandError(
                f"argument LINK|QUERY|FILE: {source!r} is not a dashboard's link "
                "(…/voila/render/<page>.ipynb?…); pages: " + ", ".join(PAGES)
            )
        return page, "query", parts.query
    if page is None:
        raise CommandError(
            "argument --page: required with a bare query; use one of " + ", ".join(PAGES)
        )
    return page, "query", source.lstrip("?")


def export_files(page: str, kind: str, text: str) -> tuple[dict[str, str], list[str]]:
    """The page's download files ``{filename: contents}``, and the problems found: what the
    page's Download buttons save, made by the same call (``Dashboard.export``)."""
    dashboard = _dashboard(page)
    if kind == "file":
        dashboard.load_scenario_text(text)
    else:
        dashboard.apply_query(text)
    problems = page_problems(dashboard)
    dashboard.bands.run_now()  # issue 14: exports carry every figure's range
    files = dict(dashboard.export(ext) for ext in FORMATS)
    return files, problems


def page_problems(dashboard: Any) -> list[str]:
    """What the page refused, named in English and in Chinese (the page uses its own)."""
    return [f"{p.message('en')}\n    {p.message('zh')}" for p in dashboard.problems]


def export_command(args: argparse.Namespace) -> int:
    page, kind, text = read_source(args.source, args.page)
    files, problems = export_files(page, kind, text)
    if problems:
        raise CommandError(
            "the page would not take this as it is; nothing written:\n  " + "\n  ".join(problems)
        )
    formats = args.formats or list(FORMATS)
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        for filename, contents in files.items():
            if filename.rsplit(".", 1)[1] in formats:
                target = args.out / filename
                target.write_text(contents, encoding="utf-8")
                print(target)
    except OSError as error:
        raise CommandError(
            f"argument --out: cannot write to {args.out}: {error.strerror}"
        ) from None
    return 0


# ---------------------------------------------------------------------------- brief
def brief_source(page: str, query: str, scenario: Path | None) -> tuple[str, str]:
    """``(kind, text)`` for ``--query`` or ``--scenario``, bounded as ``export`` bounds them."""
    if scenario is not None:
        if scenario.suffix.lower() not in (".yaml", ".yml", ".json"):
            raise CommandError(
                f"argument --scenario: {scenario} is not a .yaml, .yml or .json file"
            )
        _, kind, text = read_source(str(scenario), page)
        return kind, text
    if len(query) > MAX_QUERY_CHARS:
        raise CommandError(
            f"argument --query: {len(query):,} characters; a link has at most {MAX_QUERY_CHARS:,}"
        )
    parts = urlsplit(query)
    return "query", (parts.query if parts.scheme in ("http", "https") else query.lstrip("?"))


def brief_command(args: argparse.Namespace) -> int:
    from explainer.outputs.brief import render_brief
    from explainer.outputs.qr import safe_link
    from explainer.ui.brief_button import brief_content, brief_filename

    if args.page_url is not None and safe_link(args.page_url) is None:
        raise CommandError(f"argument --page-url: {args.page_url!r} is not an http(s) address")
    kind, text = brief_source(args.page, args.query, args.scenario)
    dashboard = _dashboard(args.page)
    if kind == "file":
        dashboard.load_scenario_text(text)
    else:
        dashboard.apply_query(text)
    problems = page_problems(dashboard)
    if problems:
        raise CommandError(
            "the page would not take this as it is; nothing written:\n  " + "\n  ".join(problems)
        )
    if args.lang and args.lang != dashboard.lang:
        dashboard.set_state(dashboard.state.but(lang=args.lang))  # as the language toggle
    content = brief_content(dashboard, page_url=args.page_url)
    target = args.output or Path(brief_filename(args.page, content.lang))
    try:
        target.write_text(render_brief(content), encoding="utf-8")
    except OSError as error:
        raise CommandError(f"argument --output: cannot write {target}: {error.strerror}") from None
    print(target)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except CommandError as error:
        parser.exit(2, f"explainer {args.command}: error: {error}\n")
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())

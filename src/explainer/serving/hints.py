"""Preload hints: tell the browser up front which of Voila's scripts a page will load.

Voila's page loads ``voila.js``, which only when it runs asks webpack for its ~70 chunks
(``voila/static/<id>.voila.js``); once those have run, the JupyterLab extensions' chunks
(``voila/labextensions/<package>/static/<n>.<hash>.js``); and once the widgets arrive, a
second wave of both. Each wave waits for the one before, and over HTTP/1.1 (six
connections) each costs rounds of network latency: at 9 Mbit/s and 60 ms the night page spent
≈ 2 s fetching ≈ 0.75 MB of chunks in chains (issue 15, ``bench_page_weight.py --waterfall``).
With a ``<link rel="preload" as="script">`` for each of them in the page's ``<head>``, the
browser fetches them all while the first bytes of the page arrive; webpack's own ``<script>``
for a chunk then finds it in the browser's memory cache (same URL, same mode).

Which files a page loads is not written anywhere Voila keeps: webpack decides at run time. So
the list is a **manifest** recorded in a browser (``benchmarks/record_preload.py`` writes
``share/jupyter/voila/templates/explainer/preload.json``: every script the pages requested,
with the SHA-256 of the file served) and checked by ``tests/e2e/test_preload.py``, which fails
if a page loads a script the page did not hint.

At start-up :func:`load_hints` keeps only the manifest's entries whose file is installed with
the recorded content (found the way Voila serves it: its static paths, the labextension
paths, the template's static folders). A Voila or extension upgrade changes or removes files:
their hints are dropped and the page loads them as before (today's behaviour, never a hint
for a file that is not there). A missing or unreadable manifest gives no hints at all.

The template reads the list from ``resources.explainer_preload`` (``VoilaConfiguration.
resources``, which Voila merges into every page's template resources), so nothing is written
at run time. :class:`explainer.serving.serve.ExplainerVoila` installs them only with
``--ExplainerVoila.preload_hints=True``: off by default, because throttled Chromium visits
stalled far more often with them on (docs/deploy.md, section 5).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from traitlets.config import Config

__all__ = [
    "Hint",
    "MANIFEST_NAME",
    "manifest_path",
    "RESOURCE_KEY",
    "file_for",
    "load_hints",
    "static_roots",
]

log = logging.getLogger(__name__)

TEMPLATE = "explainer"
#: The recorded list's name, in the template's folder (next to ``conf.json``; not served).
MANIFEST_NAME = "preload.json"
#: The key in the template's ``resources``.
RESOURCE_KEY = "explainer_preload"
#: Bound on what a manifest may hold (it is a file: hostile until checked).
MAX_MANIFEST_BYTES = 256 * 1024
MAX_ENTRIES = 400
#: A hint's URL, relative to the server's base URL: one of the three static routes, a
#: path of plain characters and an optional ``?v=<hex>`` (webpack's chunk version).
URL = re.compile(
    r"voila/(static|labextensions|templates/[A-Za-z0-9_.-]+/static)/"
    r"((?:[A-Za-z0-9_@.-]+/)*[A-Za-z0-9_@.-]+\.(?:js|woff2|css))(\?v=[0-9a-f]{1,64})?"
)
PAGE = re.compile(r"[A-Za-z0-9_.-]{1,64}")
KINDS = {"js": "script", "css": "style", "woff2": "font"}


@dataclass(frozen=True)
class Hint:
    """One ``<link rel="preload">``: URL relative to the base URL, and its ``as``."""

    url: str
    kind: str  # script | style | font
    pages: tuple[str, ...] = ()  # the notebooks (names without .ipynb) that use it; (): all

    @property
    def crossorigin(self) -> bool:
        """Fonts are always fetched in CORS mode: their preload needs ``crossorigin``."""
        return self.kind == "font"

    def as_resource(self) -> dict[str, str | bool]:
        return {
            "url": self.url,
            "as": self.kind,
            "crossorigin": self.crossorigin,
            "pages": list(self.pages),
        }


def static_roots(template: str = TEMPLATE) -> dict[str, list[Path]]:
    """Folders behind each static route, in the order Voila searches them.

    ``voila/static/``: Voila's ``static_paths`` (``voila.app.Voila.setup_template_dirs``);
    ``voila/labextensions/``: ``voila.utils.get_voila_labextensions_path``;
    ``voila/templates/<name>/static/``: ``TemplateStaticFileHandler`` (for ``template``).
    """
    from voila.paths import collect_static_paths
    from voila.utils import get_voila_labextensions_path

    static = collect_static_paths(["voila", "nbconvert"], template)
    try:
        from jupyter_server import DEFAULT_STATIC_FILES_PATH

        static = [*static, DEFAULT_STATIC_FILES_PATH]
    except ImportError:  # pragma: no cover - jupyter_server 1
        pass
    return {
        "static": [Path(p) for p in static],
        "labextensions": [Path(p) for p in get_voila_labextensions_path()],
        f"templates/{template}/static": [Path(p) for p in static],
    }


def file_for(url: str, roots: dict[str, list[Path]]) -> Path | None:
    """The installed file Voila would serve for ``url`` (None: not one of ours, or absent)."""
    match = URL.fullmatch(url)
    if not match or ".." in match.group(2).split("/"):
        return None
    for root in roots.get(match.group(1), []):
        path = root / match.group(2)
        if path.is_file():
            return path
    return None


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _entries(manifest: Path) -> list[dict]:
    """The manifest's entries, or [] if it is missing, too large or malformed."""
    try:
        if manifest.stat().st_size > MAX_MANIFEST_BYTES:
            log.warning(
                "preload hints off: %s is larger than %d bytes", manifest, MAX_MANIFEST_BYTES
            )
            return []
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError:
        log.info("preload hints off: no %s", manifest)
        return []
    except (OSError, ValueError) as exc:
        log.warning("preload hints off: cannot read %s (%s)", manifest, type(exc).__name__)
        return []
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, list):
        log.warning("preload hints off: %s has no list of files", manifest)
        return []
    return [entry for entry in files[:MAX_ENTRIES] if isinstance(entry, dict)]


def check(entries: Iterable[dict], roots: dict[str, list[Path]]) -> tuple[list[Hint], list[str]]:
    """The entries whose file is installed with the recorded SHA-256; the URLs dropped."""
    hints: list[Hint] = []
    dropped: list[str] = []
    seen: set[str] = set()
    for entry in entries:
        url, digest = entry.get("url"), entry.get("sha256")
        if not isinstance(url, str) or not isinstance(digest, str) or url in seen:
            dropped.append(repr(url)[:120])
            continue
        path = file_for(url, roots)
        try:
            same = path is not None and sha256(path) == digest.lower()
        except OSError:
            same = False
        if not same:
            dropped.append(url)
            continue
        pages = entry.get("pages", [])
        if not isinstance(pages, list):
            pages = []
        names = tuple(p for p in pages if isinstance(p, str) and PAGE.fullmatch(p))
        seen.add(url)
        hints.append(Hint(url, KINDS[url.split("?", 1)[0].rsplit(".", 1)[1]], names))
    return hints, dropped


def manifest_path(template: str = TEMPLATE) -> Path | None:
    """``preload.json`` in the project template's folder (first on JUPYTER_PATH)."""
    from jupyter_core.paths import jupyter_path

    for root in jupyter_path("voila", "templates", template):
        if Path(root, "conf.json").is_file():
            return Path(root, MANIFEST_NAME)
    return None


def load_hints(manifest: Path | None = None, template: str = TEMPLATE) -> list[Hint]:
    """The manifest's hints that match the installed files (never raises)."""
    try:
        manifest = manifest or manifest_path(template)
        if manifest is None:
            log.info("preload hints off: template %s not found", template)
            return []
        entries = _entries(manifest)
        if not entries:
            return []
        hints, dropped = check(entries, static_roots(template))
    except Exception as exc:  # a hint is an optimisation: never stop the server for it
        log.warning("preload hints off: %s", type(exc).__name__)
        return []
    if dropped:
        log.warning(
            "preload hints: %d of %d entries of %s dropped (file changed or missing: Voila or "
            "an extension was upgraded? re-record with benchmarks/record_preload.py): %s",
            len(dropped),
            len(dropped) + len(hints),
            manifest,
            ", ".join(dropped[:5]) + (" …" if len(dropped) > 5 else ""),
        )
    log.info("preload hints: %d files", len(hints))
    return hints


def install_hints(config: Config, hints: Sequence[Hint]) -> None:
    """Put ``hints`` in the pages' template resources under :data:`RESOURCE_KEY`."""
    install_resource(config, RESOURCE_KEY, [hint.as_resource() for hint in hints])


def install_resource(config: Config, key: str, value: object) -> None:
    """Put ``value`` in ``config.VoilaConfiguration.resources`` under ``key``.

    Voila reads that config value (not the trait) for each page it renders
    (``voila.notebook_renderer.NotebookRenderer.init_generator``) and merges it into the
    template's ``resources``; resources set by the user (a dict, or a string from the
    command line) are kept.
    """
    section = config.VoilaConfiguration
    current = section.get("resources") if "resources" in section else None
    if current is not None and "DeferredConfigString" in str(type(current)):
        from voila.configuration import VoilaConfiguration

        current = VoilaConfiguration.resources.from_string(current)
    resources = dict(current) if isinstance(current, dict) else {}
    resources[key] = value
    section.resources = resources

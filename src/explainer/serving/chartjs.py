"""The chart widget's JavaScript over HTTP, once per browser, instead of once per chart.

``alt.JupyterChart`` is an anywidget whose module (vega, vega-lite, vega-embed: 0.9 MB, see
explainer.serving.offline) is a widget trait: Voila sends it through the kernel websocket with every
chart, uncached, so a page with four charts carried 3.6 MB before its first chart showed
(benchmarks/bench_page_weight.py). Here the module is written once into the project
template's ``static`` folder as ``jupyterchart.js``, which Voila serves at
``voila/templates/explainer/static/`` (stand-alone and as a server extension alike), gzipped
(explainer.serving.compression). Each chart's trait becomes a stub of a few hundred bytes that
imports that file from the page's own base URL (read from the page's ``jupyter-config-data``)
with ``?v=<SHA-512 of the file>``: the very URL tornado's ``static_url`` gives the template
(:data:`VERSION` is tornado's ``StaticFileHandler.get_content_version``), so that

- the browser keeps it for ten years (tornado's answer to a versioned URL), for every page;
- the page's ``<link rel="modulepreload">`` (the template's ``html_head_js`` block) fetches
  and compiles it while Voila's own scripts load, and the chart's import finds it ready
  instead of starting the download only once the widget exists (issue 15: the first chart
  waited ≈ 0.45 s for it at 9 Mbit/s).

If the template folder is not found or not writable, :func:`served_module` returns None and
the charts keep the inline module (slower, never broken).
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

TEMPLATE = "explainer"
URL_DIR = f"voila/templates/{TEMPLATE}/static"

_STUB = """const config = JSON.parse(
  (document.getElementById("jupyter-config-data") || {}).textContent || "{}");
const base = new URL(config.baseUrl || "/", location.origin);
const mod = await import(new URL("%(path)s", base).href);
export default mod.default;
"""


def static_dir() -> Path | None:
    """The project template's ``static`` folder Voila serves (first on JUPYTER_PATH)."""
    from jupyter_core.paths import jupyter_path

    for root in jupyter_path("voila", "templates", TEMPLATE):
        if Path(root, "conf.json").is_file():
            return Path(root, "static")
    return None


#: The served file's name; its version goes in the URL.
NAME = "jupyterchart.js"


def version(module: str) -> str:
    """tornado's version of a static file with this content (SHA-512, hexadecimal)."""
    return hashlib.sha512(module.encode("utf-8")).hexdigest()


def write_static(name: str, data: bytes) -> Path | None:
    """Write ``data`` as ``name`` in the template's ``static`` folder (atomically, and only if
    it differs); its path, or None if there is no such folder or it cannot be written."""
    folder = static_dir()
    if folder is None:
        return None
    path = folder / name
    try:
        if not (path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data):
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=name + ".", suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
    except OSError as exc:
        log.warning("cannot write %s: %s", path, exc)
        return None
    return path


def served_module(module: str) -> str | None:
    """Write ``module`` where Voila serves it (unless it is there already); the stub that
    imports it."""
    if write_static(NAME, module.encode("utf-8")) is None:
        log.warning("chart JavaScript stays inline")
        return None
    return _STUB % {"path": f"{URL_DIR}/{NAME}?v={version(module)}"}

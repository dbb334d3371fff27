"""The chart widget's JavaScript over HTTP, once per browser, instead of once per chart.

``alt.JupyterChart`` is an anywidget whose module (vega, vega-lite, vega-embed: 0.9 MB, see
explainer.offline) is a widget trait: Voila sends it through the kernel websocket with every
chart, uncached, so a page with four charts carried 3.6 MB before its first chart showed
(benchmarks/bench_page_weight.py). Here the module is written once into the project
template's ``static`` folder, which Voila serves at ``voila/templates/explainer/static/``
(stand-alone and as a server extension alike), gzipped (explainer.compression) and, with a
``?v=<hash>`` query, cached by the browser for every page. Each chart's trait becomes a stub
of a few hundred bytes that imports that file from the page's own base URL (read from the
page's ``jupyter-config-data``).

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


def served_module(module: str) -> str | None:
    """Write ``module`` where Voila serves it (if not there yet); the stub that loads it."""
    digest = hashlib.sha256(module.encode("utf-8")).hexdigest()[:16]
    folder = static_dir()
    if folder is None:
        return None
    name = f"jupyterchart-{digest}.js"
    path = folder / name
    try:
        if not (path.is_file() and path.stat().st_size == len(module.encode("utf-8"))):
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=name + ".", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(module)
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
    except OSError as exc:
        log.warning("chart JavaScript stays inline: cannot write %s: %s", path, exc)
        return None
    return _STUB % {"path": f"{URL_DIR}/{name}?v={digest}"}

"""One script instead of eighty-odd: Voila's webpack chunks, concatenated, loaded before Voila.

Voila's page fetches ``voila.js``, which only when it runs asks webpack for ~70 chunks, whose
code then asks for the JupyterLab extensions' chunks, then a second wave (issue 15: at
9 Mbit/s and 60 ms, ≈ 2 s of round trips over HTTP/1.1's six connections, for ≈ 0.75 MB).
A webpack chunk file only *registers* code: it pushes its module factories onto a global
array (``(self.webpackChunk_X = self.webpackChunk_X || []).push([[ids], {modules}])``), and
webpack's runtime, when it starts, takes every chunk already on that array as installed and
never fetches it (webpack 5 ``jsonp`` chunk loading: ``chunkLoadingGlobal.forEach(...)``).
So the chunks the pages load (the list :mod:`explainer.serving.hints` keeps: recorded in a
browser, each file checked against the installed one by SHA-256 at start-up) are written into
the template's ``static`` folder as one file, ``chunks.js``, which the page loads with a plain
``<script>`` in its ``<head>``, before ``voila.js`` (in the body) runs: one request, cached
for good under its versioned URL, instead of chains of requests.

Nothing runs early: a factory runs only when webpack requires its module, as before. A chunk
whose file changed or is gone is left out, and webpack fetches it as it does today; if the
bundle cannot be written, the page loads as it does today.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from pathlib import Path

from explainer.serving.chartjs import write_static
from explainer.serving.hints import Hint, file_for, static_roots

log = logging.getLogger(__name__)

NAME = "chunks.js"
#: The template's ``resources`` key saying the bundle is there.
RESOURCE_KEY = "explainer_bundle"
#: How a webpack 5 (or rspack) jsonp chunk file starts: an optional licence comment and
#: "use strict", then the push onto its chunk-loading global.
CHUNK = re.compile(
    rb'^\s*(?:/\*.*?\*/\s*)?(?:"use strict";\s*)?\(self(?:\.|\[["\'])(?:webpack|rspack)Chunk',
    re.DOTALL,
)


def chunk_files(hints: Sequence[Hint], roots: dict[str, list[Path]]) -> list[Path]:
    """The hinted scripts that are webpack chunk files (not entries such as ``voila.js``)."""
    found: list[Path] = []
    for hint in hints:
        if hint.kind != "script":
            continue
        path = file_for(hint.url, roots)
        if path is not None and CHUNK.match(path.read_bytes()[:400]):
            found.append(path)
    return found


def bundle_bytes(paths: Sequence[Path]) -> bytes:
    """The chunk files one after the other, each ended so the next starts a statement."""
    return b"".join(path.read_bytes().rstrip() + b"\n;\n" for path in paths)


def write_bundle(hints: Sequence[Hint]) -> bool:
    """Write ``chunks.js`` from ``hints``; whether the page should load it (never raises)."""
    try:
        paths = chunk_files(hints, static_roots())
        if not paths:
            log.info("chunk bundle off: no chunk to bundle")
            return False
        data = bundle_bytes(paths)
        if write_static(NAME, data) is None:
            return False
    except Exception as exc:  # an optimisation: never stop the server for it
        log.warning("chunk bundle off: %s", type(exc).__name__)
        return False
    log.info("chunk bundle: %d chunks, %d bytes", len(paths), len(data))
    return True

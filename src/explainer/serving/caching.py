"""Cache headers for the JavaScript, CSS and fonts Voila serves, so a browser keeps them.

Voila's own bundle (``voila/static/voila.js`` and its ~70 chunks ``<n>.voila.js``) is served
by tornado's ``StaticFileHandler`` without a version argument, so it carries no
``Cache-Control`` at all, and jupyter_server's handler for the JupyterLab extensions
(``voila/labextensions/...``) sends ``Cache-Control: no-cache``. A visitor's browser asked
for all of them again on every page (≈105 requests, mostly 304s; issue 15).

:class:`CacheHeaders` is a tornado output transform that sets, on successful answers
(200, 304) under those static prefixes:

- ``public, max-age=31536000, immutable`` when the URL is versioned: a ``?v=`` argument
  (tornado's own ``static_url``) or a content hash in the file name (webpack's
  ``remoteEntry.698dcaf7.js``, ``84.09c61a35dce1705f.js``, fonts such as
  ``9834b82ad26e2a37583d.woff2``): such a URL names one content for ever;
- ``public, max-age=3600`` otherwise (``voila.js``, ``5764.voila.js``: webpack chunk ids,
  not hashes; a Voila upgrade reuses the names): for an hour the browser asks nothing,
  after that it revalidates (tornado still answers ``If-None-Match`` / ``If-Modified-Since``
  with 304). A workshop's pages are mostly opened within that hour.

Everything else (pages, the kernel API, websockets) is left as its handler sets it.
:func:`install_cache_headers` adds the transform to an application;
:class:`explainer.serving.serve.ExplainerVoila` and :mod:`explainer.serving.guard`'s server
extension call it.
"""

from __future__ import annotations

import re
from typing import Any

from tornado.httputil import HTTPHeaders, HTTPServerRequest
from tornado.web import Application, OutputTransform

__all__ = ["CacheHeaders", "cache_control", "install_cache_headers"]

IMMUTABLE = "public, max-age=31536000, immutable"
SHORT = "public, max-age=3600"
#: Where Voila serves its bundle, the template's files and the extensions' files.
STATIC = re.compile(r"/voila/(static|labextensions|templates/[^/]+/static)/[^?#]+$")
#: A content hash in a file name: 8 or more hexadecimal digits between dots or at the start.
HASHED = re.compile(r"(^|[./-])[0-9a-f]{8,}\.[A-Za-z0-9]+$")


def cache_control(path: str, query: str) -> str | None:
    """The ``Cache-Control`` a static file at ``path`` should carry (None: not static)."""
    if not STATIC.search(path):
        return None
    name = path.rsplit("/", 1)[-1]
    versioned = re.search(r"(^|&)v=[^&]+", query) is not None
    return IMMUTABLE if versioned or HASHED.search(name) else SHORT


class CacheHeaders(OutputTransform):
    """Sets :func:`cache_control` on 200 and 304 answers to static files."""

    def __init__(self, request: HTTPServerRequest) -> None:
        super().__init__(request)
        self._value = cache_control(request.path, request.query)

    def transform_first_chunk(
        self, status_code: int, headers: HTTPHeaders, chunk: bytes, finishing: bool
    ) -> tuple[int, HTTPHeaders, bytes]:
        if self._value and status_code in (200, 304):
            headers["Cache-Control"] = self._value
            headers.pop("Pragma", None)
            headers.pop("Expires", None)
        return status_code, headers, chunk


def install_cache_headers(app: Application) -> None:
    """Add :class:`CacheHeaders` to ``app`` (once)."""
    transforms: list[Any] = app.transforms
    if CacheHeaders not in transforms:
        transforms.append(CacheHeaders)

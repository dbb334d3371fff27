"""Gzip for stand-alone Voila: honour ``compress_response`` from ``Voila.tornado_settings``.

tornado turns ``compress_response: true`` into its ``GZipContentEncoding`` output transform
only when the setting is passed to ``tornado.web.Application(...)``. Voila 0.5 builds its
application first and then copies ``tornado_settings`` into ``app.settings``
(``voila/app.py``, ``Voila.start``), so the setting is stored but nothing is compressed.
Under jupyter_server (Binder, JupyterHub) the settings reach the constructor and it works.

:func:`install_compression` adds the transform to an application built that way (every
handler, static files included: tornado compresses text, JavaScript, JSON and SVG bodies of
1 kB or more). :class:`explainer.serving.serve.ExplainerVoila` (``make app``, ``explainer serve``)
calls it in its ``listen``.
"""

from __future__ import annotations

from typing import Any

from tornado.web import Application, GZipContentEncoding

__all__ = ["install_compression"]


def install_compression(app: Application, settings: dict[str, Any] | None = None) -> bool:
    """Add tornado's gzip transform to ``app`` if its settings ask for it (once)."""
    settings = app.settings if settings is None else settings
    wanted = bool(settings.get("compress_response") or settings.get("gzip"))
    if wanted and GZipContentEncoding not in app.transforms:
        app.transforms.append(GZipContentEncoding)
    return wanted

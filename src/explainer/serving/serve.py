"""``python -m explainer.serving.serve notebooks``: stand-alone Voila with the project's serving
layer.

``make app``, ``make workshop``, the end-to-end tests and the benchmarks run this instead of
the ``voila`` command. It is Voila (same options, same ``voila.json``) with these additions
that Voila offers no setting for:

- :class:`explainer.serving.guard.RequestGuard` in front of the routing (Host check, URL length,
  page-load limit per address, ``theme``/``template`` keys removed, clean 404s);
- tornado's ``websocket_max_message_size`` set from
  ``GuardedKernelWebsocketConnection.max_message_bytes`` (the connection class itself is named
  in voila.json, so plain ``voila`` gets the frame checks too);
- gzip for what ``voila.json`` asks to compress (``explainer.serving.compression``: Voila copies its
  ``tornado_settings`` in too late for tornado's own ``compress_response``);
- cache headers on Voila's static files (``explainer.serving.caching``: its bundle has none);
- Voila's webpack chunks as one script that runs before ``voila.js`` (``explainer.serving.
  bundle``: one request instead of chains of ~85), on by default
  (``--ExplainerVoila.bundle_chunks=False`` turns it off; docs/deploy.md, section 5);
- preload hints for the scripts Voila's bundle fetches in chains (``explainer.serving.hints``:
  the recorded list, checked against the installed files at start-up), if
  ``--ExplainerVoila.preload_hints=True`` (off by default: see docs/deploy.md, section 5);
- the HTTP server's header limit ``max_header_bytes`` above ``RequestGuard.max_url_bytes``, so
  that an over-long URL gets the 414 page instead of a closed connection.
"""

from __future__ import annotations

import functools
from pathlib import Path

from traitlets import Bool, Integer, Unicode
from voila.app import Voila

from explainer.serving.bundle import RESOURCE_KEY as BUNDLE_KEY
from explainer.serving.bundle import write_bundle
from explainer.serving.caching import install_cache_headers
from explainer.serving.compression import install_compression
from explainer.serving.guard import RequestGuard, websocket_settings
from explainer.serving.hints import install_hints, install_resource, load_hints
from explainer.serving.offline import serve_chart_module

__all__ = ["ExplainerVoila", "main"]


class ExplainerVoila(Voila):
    """Voila with :class:`~explainer.serving.guard.RequestGuard` and the websocket limit
    installed."""

    max_header_bytes = Integer(
        256 * 1024,
        config=True,
        help="Largest request header block tornado reads (its default: 64 KiB). Requests "
        "with a longer URL than RequestGuard.max_url_bytes but within this get the 414 page; "
        "beyond it tornado closes the connection without an answer.",
    )

    preload_hints = Bool(
        False,
        config=True,
        help="Preload the scripts Voila's bundle fetches in chains (explainer.serving.hints). "
        "Off by default: with it on, throttled Chromium visits stalled on a loaded machine "
        "(docs/deploy.md, section 5).",
    )
    bundle_chunks = Bool(
        True,
        config=True,
        help="Serve the webpack chunks the pages load as one script, loaded before Voila's "
        "(explainer.serving.bundle): one request instead of chains of ~85. On by default "
        "since the template's widget repair draws a page whose widget Voila's renderer "
        "looked up too early ('model not found'; docs/deploy.md, section 5).",
    )
    preload_manifest = Unicode(
        "",
        config=True,
        help="The preload list (explainer.serving.hints); empty: preload.json in the project "
        "template's folder. Entries whose file is not installed as recorded are dropped.",
    )

    def listen(self) -> None:
        """Install the guard and limits on the tornado application Voila built, then listen."""
        guard = RequestGuard(
            parent=self, standalone=True, base_url=self.server_url or "/", listen_ip=self.ip
        )
        guard.install(self.app)
        install_compression(self.app)  # voila.json's compress_response (issue 15)
        install_cache_headers(self.app)  # browsers keep Voila's bundle (issue 15)
        serve_chart_module(self.log)  # the template preloads it (explainer.serving.chartjs)
        if self.preload_hints or self.bundle_chunks:  # issue 15: the chunks' request chains
            manifest = Path(self.preload_manifest) if self.preload_manifest else None
            hints = load_hints(manifest)
            if self.preload_hints:
                install_hints(self.config, hints)
            if self.bundle_chunks:
                install_resource(self.config, BUNDLE_KEY, write_bundle(hints))
        self.request_guard = guard
        for key, value in websocket_settings(self).items():
            if key not in self.tornado_settings:
                self.app.settings[key] = value
        self.app.listen = functools.partial(self.app.listen, max_header_size=self.max_header_bytes)
        if guard.hosts is not None:
            self.log.info("Host names answered: %s", ", ".join(sorted(guard.hosts)))
        super().listen()


main = ExplainerVoila.launch_instance

if __name__ == "__main__":
    main()

"""Gzip for stand-alone Voila (explainer.serving.compression) and the settings that ask for it."""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import json
import socket
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import tornado.httpserver
import tornado.web

from explainer.serving.compression import install_compression

REPO = Path(__file__).resolve().parents[1]
BODY = "const chart = 1;\n" * 2000  # JavaScript, 34 kB


class Script(tornado.web.RequestHandler):
    def get(self) -> None:
        self.set_header("Content-Type", "application/javascript")
        self.write(BODY)


def voila_like_app(settings: dict) -> tornado.web.Application:
    """Built as Voila builds it: settings copied in after the constructor."""
    app = tornado.web.Application([("/x.js", Script)])
    app.settings.update(settings)
    return app


@contextlib.contextmanager
def serving(app: tornado.web.Application) -> Iterator[int]:
    """Serve ``app`` on a free loopback port from a thread with its own event loop (the
    browser tests may leave the main thread's loop running, so tornado's AsyncHTTPTestCase
    cannot be used in the same session)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    sock.setblocking(False)
    loop = asyncio.new_event_loop()
    ready = threading.Event()

    def run() -> None:
        asyncio.set_event_loop(loop)
        server = tornado.httpserver.HTTPServer(app)
        server.add_sockets([sock])
        loop.call_soon(ready.set)
        loop.run_forever()
        server.stop()
        loop.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert ready.wait(10), "the test server did not start"
    try:
        yield sock.getsockname()[1]
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)


def fetch_gzip(port: int) -> tuple[dict[str, str], bytes]:
    """GET /x.js asking for gzip; the body as sent (urllib does not decompress)."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/x.js", headers={"Accept-Encoding": "gzip"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return dict(response.headers), response.read()


def test_setting_alone_compresses_nothing() -> None:
    """The Voila behaviour that explainer.serving.compression exists for."""
    with serving(voila_like_app({"compress_response": True})) as port:
        headers, body = fetch_gzip(port)
    assert "Content-Encoding" not in headers
    assert body.decode() == BODY


def test_javascript_is_gzipped() -> None:
    app = voila_like_app({"compress_response": True})
    assert install_compression(app)
    install_compression(app)  # twice: still one transform
    assert app.transforms.count(tornado.web.GZipContentEncoding) == 1
    with serving(app) as port:
        headers, body = fetch_gzip(port)
    assert headers["Content-Encoding"] == "gzip"
    assert len(body) < len(BODY) / 10
    assert gzip.decompress(body).decode() == BODY


def test_no_setting_no_transform() -> None:
    app = voila_like_app({})
    assert not install_compression(app)
    assert tornado.web.GZipContentEncoding not in app.transforms


def test_every_server_config_asks_for_compression() -> None:
    voila = json.loads((REPO / "voila.json").read_text())["Voila"]["tornado_settings"]
    hub = json.loads((REPO / "config/jupyterhub/jupyter_server_config.json").read_text())
    binder = (REPO / "config/binder/jupyter_server_config.py").read_text()
    for settings in (voila, hub["ServerApp"]["tornado_settings"]):
        assert settings["compress_response"] is True
        assert settings["websocket_compression_options"] == {}
    assert '"compress_response": True' in binder
    assert '"websocket_compression_options": {}' in binder

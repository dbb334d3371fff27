"""Gzip for stand-alone Voila (explainer.compression) and the settings that ask for it."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import tornado.web
from tornado.testing import AsyncHTTPTestCase

from explainer.compression import install_compression

REPO = Path(__file__).resolve().parents[1]
BODY = "const chart = 1;\n" * 2000  # JavaScript, 34 kB
GZIP = {"Accept-Encoding": "gzip"}


class Script(tornado.web.RequestHandler):
    def get(self) -> None:
        self.set_header("Content-Type", "application/javascript")
        self.write(BODY)


def voila_like_app(settings: dict) -> tornado.web.Application:
    """Built as Voila builds it: settings copied in after the constructor."""
    app = tornado.web.Application([("/x.js", Script)])
    app.settings.update(settings)
    return app


class VoilaAppWithoutInstall(AsyncHTTPTestCase):
    def get_app(self) -> tornado.web.Application:
        return voila_like_app({"compress_response": True})

    def test_setting_alone_compresses_nothing(self) -> None:
        """The Voila behaviour that explainer.compression exists for."""
        response = self.fetch(
            "/x.js", headers={"Accept-Encoding": "gzip"}, decompress_response=False
        )
        assert "Content-Encoding" not in response.headers


class VoilaAppWithInstall(AsyncHTTPTestCase):
    def get_app(self) -> tornado.web.Application:
        app = voila_like_app({"compress_response": True})
        assert install_compression(app)
        install_compression(app)  # twice: still one transform
        assert app.transforms.count(tornado.web.GZipContentEncoding) == 1
        return app

    def test_javascript_is_gzipped(self) -> None:
        response = self.fetch(
            "/x.js", headers={"Accept-Encoding": "gzip"}, decompress_response=False
        )
        assert response.headers["Content-Encoding"] == "gzip"
        assert len(response.body) < len(BODY) / 10
        assert gzip.decompress(response.body).decode() == BODY


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

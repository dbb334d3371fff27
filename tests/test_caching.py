"""Cache headers on Voila's static files (explainer.serving.caching, issue 15)."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
import tornado.web
from test_compression import serving

from explainer.serving.caching import IMMUTABLE, SHORT, cache_control, install_cache_headers


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("/voila/static/voila.js", "", SHORT),
        ("/voila/static/5764.voila.js", "", SHORT),
        ("/voila/labextensions/anywidget/static/remoteEntry.698dcaf7.js", "", IMMUTABLE),
        (
            "/voila/labextensions/@jupyter-widgets/jupyterlab-manager/static/84.09c61a35dce1705f.js",
            "v=09c6",
            IMMUTABLE,
        ),
        ("/voila/labextensions/@jupyter-widgets/jupyterlab-manager/static/style.js", "", SHORT),
        ("/voila/templates/explainer/static/index.css", "v=ee8de08577", IMMUTABLE),
        ("/voila/templates/explainer/static/9834b82ad26e2a37583d.woff2", "", IMMUTABLE),
        ("/voila/templates/explainer/static/jupyterchart.js", "", SHORT),
        ("/user/ann/voila/static/voila.js", "", SHORT),  # under a hub's prefix
        ("/voila/render/night.ipynb", "v=1", None),  # a page: left alone
        ("/api/kernels/abc", "", None),
        ("/voila/static/", "", None),
    ],
)
def test_which_files_are_kept_and_how_long(path, query, expected):
    assert cache_control(path, query) == expected


class Bundle(tornado.web.StaticFileHandler):
    """Voila's /voila/static/ handler: a StaticFileHandler without versions."""


class Page(tornado.web.RequestHandler):
    def get(self) -> None:
        self.set_header("Cache-Control", "no-cache")
        self.write("<html></html>")


def test_served_files_carry_the_headers_and_revalidate(tmp_path):
    (tmp_path / "5764.voila.js").write_text("const a = 1;\n" * 100, encoding="utf-8")
    app = tornado.web.Application(
        [(r"/voila/static/(.*)", Bundle, {"path": str(tmp_path)}), (r"/voila/render/x", Page)]
    )
    install_cache_headers(app)
    install_cache_headers(app)  # once only
    assert app.transforms.count(app.transforms[-1]) == 1
    with serving(app) as port:
        base = f"http://127.0.0.1:{port}"
        with urllib.request.urlopen(f"{base}/voila/static/5764.voila.js") as first:
            assert first.headers["Cache-Control"] == SHORT
            etag = first.headers["Etag"]
        again = urllib.request.Request(
            f"{base}/voila/static/5764.voila.js", headers={"If-None-Match": etag}
        )
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(again)
        assert answer.value.code == 304 and answer.value.headers["Cache-Control"] == SHORT
        with urllib.request.urlopen(f"{base}/voila/render/x") as page:
            assert page.headers["Cache-Control"] == "no-cache"
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"{base}/voila/static/none.js")
        assert missing.value.code == 404 and missing.value.headers["Cache-Control"] is None

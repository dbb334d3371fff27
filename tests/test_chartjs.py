"""explainer.serving.chartjs: the chart module is written once where Voila serves it; charts carry a
stub that imports it from the page's base URL (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest
import tornado.web

from explainer.serving import chartjs

MODULE = "const __default = {render() {}}; export { __default as default };\n" * 100


@pytest.fixture
def template(tmp_path, monkeypatch):
    root = tmp_path / "share" / "jupyter"
    folder = root / "voila" / "templates" / "explainer"
    folder.mkdir(parents=True)
    (folder / "conf.json").write_text('{"base_template": "lab"}')
    monkeypatch.setenv("JUPYTER_PATH", str(root))
    return folder


def test_module_is_written_once_and_the_stub_imports_it(template):
    stub = chartjs.served_module(MODULE)
    files = list((template / "static").iterdir())
    assert len(files) == 1 and files[0].read_text() == MODULE
    assert files[0].name == "jupyterchart.js"
    # the version tornado's static_url gives the template's modulepreload, exactly
    version = tornado.web.StaticFileHandler.get_content_version(str(files[0]))
    assert f"'voila/templates/explainer/static/jupyterchart.js?v={version}'" in stub.replace(
        '"', "'"
    )
    assert "jupyter-config-data" in stub and "baseUrl" in stub
    assert "export default" in stub and len(stub) < 1000
    mtime = files[0].stat().st_mtime_ns
    assert chartjs.served_module(MODULE) == stub
    assert files[0].stat().st_mtime_ns == mtime  # not rewritten
    assert len(list((template / "static").iterdir())) == 1  # no temporary files left


def test_another_module_gets_another_version(template):
    first = chartjs.served_module(MODULE)
    second = chartjs.served_module(MODULE + "//\n")
    assert first != second
    assert (template / "static" / "jupyterchart.js").read_text() == MODULE + "//\n"


def test_the_server_writes_it_at_start_from_the_cache(template, monkeypatch):
    from explainer.serving import offline

    monkeypatch.setattr(offline, "load_bundle", lambda: (MODULE, True))
    offline.serve_chart_module()
    assert (template / "static" / "jupyterchart.js").read_text() == MODULE


def test_the_template_preloads_the_chart_module_and_the_extensions():
    template = Path(__file__).resolve().parents[1] / "share/jupyter/voila/templates/explainer"
    text = (template / "index.html.j2").read_text(encoding="utf-8")
    assert '<link rel="modulepreload" href="{{ static_url(\'jupyterchart.js\') | e }}">' in text
    assert "federated_extensions" in text and 'rel="preload" as="script"' in text


def test_without_the_template_the_module_stays_inline(tmp_path, monkeypatch):
    monkeypatch.setattr(chartjs, "static_dir", lambda: None)
    assert chartjs.served_module(MODULE) is None


def test_unwritable_path_keeps_the_module_inline(template):
    (template / "static").write_text("a file where the folder should be")
    assert chartjs.served_module(MODULE) is None

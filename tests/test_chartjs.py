"""explainer.chartjs: the chart module is written once where Voila serves it; charts carry a
stub that imports it from the page's base URL (issue 15)."""

from __future__ import annotations

import pytest

from explainer import chartjs

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
    name = files[0].name
    assert f"voila/templates/explainer/static/{name}?v=" in stub
    assert "jupyter-config-data" in stub and "baseUrl" in stub
    assert "export default" in stub and len(stub) < 1000
    mtime = files[0].stat().st_mtime_ns
    assert chartjs.served_module(MODULE) == stub
    assert files[0].stat().st_mtime_ns == mtime  # not rewritten
    assert len(list((template / "static").iterdir())) == 1  # no temporary files left


def test_another_module_gets_another_name(template):
    assert chartjs.served_module(MODULE) != chartjs.served_module(MODULE + "//\n")


def test_without_the_template_the_module_stays_inline(tmp_path, monkeypatch):
    monkeypatch.setattr(chartjs, "static_dir", lambda: None)
    assert chartjs.served_module(MODULE) is None


def test_unwritable_path_keeps_the_module_inline(template):
    (template / "static").write_text("a file where the folder should be")
    assert chartjs.served_module(MODULE) is None

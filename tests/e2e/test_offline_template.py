"""The project's Voila template keeps pages on this machine, and stays in step with Voila's.

share/jupyter/voila/templates/explainer copies two pieces of Voila's stock "lab" template
(to drop Font Awesome links to cdn.jsdelivr.net). If a Voila upgrade changes those pieces,
the copy test below says so, instead of the page silently losing an upstream fix.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import voila
from e2e_support import ARTIFACTS, REPO, RequestLog, VoilaServer, voila_env

OURS = REPO / "share" / "jupyter" / "voila" / "templates" / "explainer"


def stock_template_dir() -> Path:
    """Voila's installed templates: <prefix>/share/jupyter/voila/templates."""
    from voila.paths import collect_template_paths

    for path in collect_template_paths(["voila"], "lab"):
        candidate = Path(path)
        if candidate.name == "lab" and (candidate / "index.html.j2").exists():
            return candidate.parent
    pytest.fail(f"cannot find Voila {voila.__version__}'s stock lab template")


def block(source: str, name: str) -> str:
    match = re.search(
        r"{%-?\s*block " + name + r"\s*-?%}(.*?){%-?\s*endblock(?:\s+" + name + r")?\s*-?%}",
        source,
        re.S,
    )
    assert match, f"no block {name}"
    return match.group(1)


def normalized(text: str, drop: str | None = None) -> list[str]:
    lines = [line.strip() for line in text.splitlines()]
    return [line for line in lines if line and not (drop and drop in line)]


def test_lab_notebook_css_copy_matches_voila():
    stock = (stock_template_dir() / "lab" / "index.html.j2").read_text(encoding="utf-8")
    ours = (OURS / "index.html.j2").read_text(encoding="utf-8")
    expected = normalized(block(stock, "notebook_css"), drop="fontawesome")
    actual = normalized(block(ours, "notebook_css"))
    assert actual == [line.replace("super()", "super.super()") for line in expected], (
        "Voila's lab notebook_css block changed: update templates/explainer/index.html.j2"
    )


def test_lab_body_header_copy_matches_voila_without_the_theme_echo():
    """Our ``body_header`` is the stock one with its third branch (any other theme, written
    into an attribute unescaped: issue 11) folded into the light one, and escaped URLs."""
    stock = (stock_template_dir() / "lab" / "index.html.j2").read_text(encoding="utf-8")
    ours = (OURS / "index.html.j2").read_text(encoding="utf-8")
    expected = normalized(block(stock, "body_header"))
    light = next(i for i, line in enumerate(expected) if line.startswith("{% elif"))
    assert expected[light + 2] == "{% else %}" and "resources.theme" in expected[light + 3]
    expected = [*expected[:light], "{% else %}", *expected[light + 1 : light + 2]]
    expected += normalized(block(stock, "body_header"))[light + 4 :]
    actual = [
        line.replace(" | e }}", "}}").replace("{{ resources", "{{resources")
        for line in normalized(block(ours, "body_header"))
    ]
    assert actual == expected, "Voila's lab body_header changed: update index.html.j2"
    assert "{{resources.theme}}" not in block(ours, "body_header").replace(" ", "")


def test_page_shell_copy_matches_voila():
    templates = stock_template_dir()
    base = (templates / "base" / "page.html").read_text(encoding="utf-8")
    lab = (templates / "lab" / "page.html").read_text(encoding="utf-8")
    ours = (OURS / "page.html").read_text(encoding="utf-8")
    ours_without_comment = re.sub(r"{#.*?#}", "", ours, flags=re.S)
    lab_styles = block(lab, "stylesheets")
    base_without_styles = re.sub(
        r"({%\s*block stylesheets\s*%}).*?({%\s*endblock\s*%})",
        lambda m: m.group(1) + lab_styles + m.group(2),
        base,
        count=1,
        flags=re.S,
    )
    assert normalized(ours_without_comment) == normalized(
        base_without_styles, drop="font-awesome"
    ), "Voila's base/page.html or lab/page.html changed: update templates/explainer/page.html"


def test_templates_link_nothing_remote():
    for path in sorted(OURS.rglob("*")):
        if not path.is_file() or path.suffix == ".js":  # generated chart bundles: not ours
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"""(href|src)\s*=\s*["']?(https?:)?//""", text), path


def test_request_check_catches_the_stock_template(browser):
    """Negative control: with Voila's stock template the same check sees jsDelivr."""
    server = VoilaServer(
        log_path=ARTIFACTS / "voila-stock-template.log",
        extra_args=[
            "--VoilaConfiguration.template=lab",
            "--VoilaConfiguration.preheat_kernel=False",
        ],
    )
    server.start(ready_timeout=120)
    try:
        context = browser.new_context()
        requests = RequestLog(context)
        page = context.new_page()
        page.goto(f"{server.base_url}/voila/tree", wait_until="load", timeout=60_000)
        context.close()
    finally:
        server.stop()
    assert any("cdn.jsdelivr.net" in url for url in requests.external()), requests.urls


VOILA_SETTINGS_PROBE = """
import json
import nbformat
from voila.app import Voila
from voila.execute import VoilaExecutor

app = Voila()
app.initialize(["notebooks", "--no-browser"])
conf = app.voila_configuration
executor = VoilaExecutor(nbformat.v4.new_notebook(), config=app.config)
print(json.dumps({
    "files": app.loaded_config_files,
    "template": conf.template,
    "template_dir": app.template_paths[0],
    "preheat": conf.preheat_kernel,
    "pool": conf.default_pool_size,
    "strip_sources": conf.strip_sources,
    "show_tracebacks": conf.show_tracebacks,
    "iopub_timeout": executor.iopub_timeout,
    "ip": app.ip,
    "cull": app.config.MappingKernelManager.cull_idle_timeout,
}))
"""


def test_voila_started_in_the_repo_uses_voila_json_and_our_template():
    out = subprocess.run(
        [sys.executable, "-c", VOILA_SETTINGS_PROBE],
        cwd=REPO,
        env=voila_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["files"] == [str(REPO / "voila.json")]
    assert got["template"] == "explainer"
    assert Path(got["template_dir"]) == OURS
    assert got["preheat"] is True and got["pool"] == 1
    assert got["strip_sources"] is True and got["show_tracebacks"] is False
    assert got["iopub_timeout"] == 60
    assert got["ip"] == "127.0.0.1"
    assert got["cull"] == 600

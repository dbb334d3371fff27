"""The ``explainer`` command (issue 17): help, each subcommand, bad arguments, a real server.

Exports are checked against the page's own methods (the command must not have a copy of
them); ``explainer serve`` is started for real on a free port and must answer the landing
page, found without JUPYTER_PATH.

Most cases call ``cli.main(argv)`` in this process (:func:`run`), as the console script does:
a fresh interpreter per case spent most of its time importing the package. The installed
``explainer`` script itself runs in a process of its own in
:func:`test_console_script_runs_end_to_end`, and ``explainer serve`` in
:func:`test_real_serve_answers_the_landing_page`.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from clicks import click_download

from explainer import cli
from explainer.core import paths

REPO = Path(__file__).resolve().parents[1]


@dataclass
class Result:
    """What a run of the command left: its exit status and what it printed."""

    returncode: int
    stdout: str
    stderr: str


def run(*args: str, cwd: Path | None = None) -> Result:
    """``explainer ARGS`` in this process: ``cli.main`` (the console script's entry point) with
    its output captured and ``cwd`` as working directory.

    An exception other than ``SystemExit`` propagates and fails the test: the in-process
    form of "no traceback on stderr".
    """
    out, err = io.StringIO(), io.StringIO()
    with (
        contextlib.chdir(cwd or Path.cwd()),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            code = cli.main(list(args))
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else int(exit_.code is not None)
    return Result(code, out.getvalue(), err.getvalue())


def run_process(*command: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``command`` in a process of its own (output captured, five minutes at most)."""
    return subprocess.run(
        list(command), capture_output=True, text=True, cwd=cwd, timeout=300, check=False
    )


def console_script() -> str:
    """The ``explainer`` script pip installed beside this interpreter ([project.scripts])."""
    script = Path(sys.executable).with_name("explainer")
    assert script.exists(), f"no console script {script}: is the package installed (pip)?"
    return str(script)


def test_console_script_is_declared():
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'explainer = "explainer.cli:main"' in text


def test_console_script_runs_end_to_end(tmp_path):
    """The installed script in a fresh interpreter: help (status 0), and a value the page
    refuses (status 2, the argument and its range on stderr, no traceback, nothing written)."""
    script = console_script()
    helped = run_process(script, "--help", cwd=tmp_path)
    assert helped.returncode == 0, helped.stderr
    assert all(command in helped.stdout for command in ("serve", "export", "brief"))
    refused = run_process(script, "export", "n_apps=99", "--page", "night", cwd=tmp_path)
    assert refused.returncode == 2, refused.stdout
    assert "n_apps" in refused.stderr and "0 to 15" in refused.stderr
    assert "nothing written" in refused.stderr and "Traceback" not in refused.stderr
    assert not list(tmp_path.iterdir()), "a refused export wrote files"


def test_help_names_every_command():
    result = run("--help")
    assert result.returncode == 0
    for command in ("serve", "export", "brief"):
        assert command in result.stdout


@pytest.mark.parametrize("command", ["serve", "export", "brief"])
def test_each_command_has_help(command):
    result = run(command, "--help")
    assert result.returncode == 0
    assert "examples:" in result.stdout


def test_no_command_is_an_error():
    result = run()
    assert result.returncode == 2
    assert "COMMAND" in result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["serve", "--port", "0"], ["argument --port", "1-65535"]),
        (["serve", "--port", "http"], ["argument --port", "1-65535"]),
        (["serve", "--ip", "my-laptop"], ["argument --ip", "127.0.0.1", "0.0.0.0"]),
        (["serve", "--color"], ["unrecognized arguments: --color"]),
        (["brief"], ["the following arguments are required: page"]),
        (["brief", "day"], ["argument page", "night", "reforms"]),
        (["brief", "night", "--query", "n_apps=99"], ["n_apps", "0 to 15", "nothing written"]),
        (["brief", "night", "--query", "a", "--scenario", "b.yaml"], ["not allowed with"]),
        (["brief", "night", "--scenario", "x.txt"], ["argument --scenario", ".yaml"]),
        (["brief", "night", "--scenario", "missing.yaml"], ["no such file"]),
        (["brief", "night", "--lang", "fr"], ["argument --lang", "zh", "en"]),
        (["brief", "night", "--page-url", "javascript:alert(1)"], ["argument --page-url"]),
        (["export", "n_apps=3", "--page", "day"], ["argument --page", "night", "reforms"]),
        (["export", "n_apps=3"], ["argument --page", "night, unit, fit, reforms"]),
        (["export", "x.yaml", "--format", "pdf"], ["argument --format", "csv", "yaml", "json"]),
        (["export", "missing.yaml"], ["argument LINK|QUERY|FILE", "no such file"]),
        (
            ["export", "http://127.0.0.1:8866/voila/tree"],
            ["argument LINK|QUERY|FILE", "not a dashboard's link"],
        ),
        (["export", "n_apps=99", "--page", "night"], ["n_apps", "0 to 15", "nothing written"]),
        (["export", "lang=fr", "--page", "unit"], ["lang", "zh or en"]),
    ],
)
def test_bad_arguments_name_the_argument_and_the_allowed_values(args, expected, tmp_path):
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2, result.stdout
    for text in expected:
        assert text in result.stderr
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.iterdir()), "a refused export wrote files"


def test_oversized_scenario_file_is_refused_unread(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (cli.MAX_SCENARIO_BYTES + 1))
    result = run("export", str(big), "--page", "night", cwd=tmp_path)
    assert result.returncode == 2
    assert "at most 1,000,000" in result.stderr


def test_serve_dry_run_is_the_make_app_command():
    result = run("serve", "--dry-run", "--port", "9001")
    assert result.returncode == 0
    env_line, command = result.stdout.splitlines()
    assert env_line == f"JUPYTER_PATH={REPO / 'share' / 'jupyter'}" or env_line.startswith(
        f"JUPYTER_PATH={REPO / 'share' / 'jupyter'}{os.pathsep}"
    )
    assert (
        f"-m explainer.serving.serve {REPO / 'notebooks'} --no-browser --port=9001 "
        "--Voila.ip=127.0.0.1" in command
    )
    assert command.endswith(f"--Voila.config_file_paths={REPO}")


def test_serve_workshop_reads_the_workshop_config_first():
    argv = cli.serve_argv(True, "0.0.0.0", 8866, REPO)
    assert argv[-2:] == [
        f"--Voila.config_file_paths={REPO / 'config' / 'workshop'}",
        f"--Voila.config_file_paths={REPO}",
    ]
    assert "--Voila.ip=0.0.0.0" in argv


def test_project_root_is_the_checkout_in_an_editable_install():
    assert paths.project_root() == REPO
    assert paths.template_root() == REPO / "share" / "jupyter"


def test_project_root_of_an_installed_copy(tmp_path, monkeypatch):
    """A wheel's data files: <prefix>/share/explainer and <prefix>/share/jupyter."""
    share = tmp_path / "share"
    (share / "explainer" / "notebooks").mkdir(parents=True)
    (share / "explainer" / "voila.json").write_text("{}")
    (share / "explainer" / "notebooks" / "night.ipynb").write_text("{}")
    template = share / "jupyter" / paths.TEMPLATE
    template.parent.mkdir(parents=True)
    template.write_text("")
    monkeypatch.setattr(paths, "CHECKOUT", tmp_path / "no-checkout")
    monkeypatch.setattr(paths, "_prefixes", lambda: [tmp_path / "elsewhere", tmp_path])
    assert paths.project_root() == share / "explainer"
    assert paths.template_root() == share / "jupyter"


def test_missing_install_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "CHECKOUT", tmp_path)
    monkeypatch.setattr(paths, "_prefixes", lambda: [tmp_path])
    with pytest.raises(FileNotFoundError, match="not installed here"):
        paths.project_root()


def test_export_from_a_link_writes_the_pages_three_files(tmp_path):
    link = "http://127.0.0.1:8866/voila/render/night.ipynb?n_apps=10&lang=en"
    result = run("export", link, "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["explainer-night.csv", "explainer-night.json", "explainer-night.yaml"]
    scenario = yaml.safe_load((tmp_path / "out" / "explainer-night.yaml").read_text("utf-8"))
    assert scenario["page"] == "night" and scenario["parameters"]["n_apps"] == 10
    assert scenario["provenance"]["state"] == "n_apps=10&lang=en"
    csv = (tmp_path / "out" / "explainer-night.csv").read_text("utf-8")
    assert csv.startswith("# explainer_version: ") and "# state: n_apps=10&lang=en" in csv


def test_export_equals_the_page_methods():
    """Byte for byte what the dashboard's Download buttons save (same object, same calls).

    Before the buttons, the command's YAML and JSON were the bare scenario file and its ranges:
    the page's files also carry the article's figures, the parameters' sources and the summary.
    """
    from explainer.ui.exports import export_document
    from explainer.ui.toolbar import dump_json, dump_yaml
    from explainer.ui.unit import UnitDashboard

    files, problems = cli.export_files("unit", "query", "lang=en")
    page = UnitDashboard()
    page.apply_query("lang=en")
    page.bands.run_now()  # on the page the bands follow the values (issue 14)
    assert problems == []
    saved = dict(click_download(page.exports, ext) for ext in cli.FORMATS)
    assert {name: text.encode("utf-8") for name, text in files.items()} == saved
    assert files["explainer-unit.csv"] == page.figures_csv(page.result)
    document = export_document(page.page, page.article_figures, page.state, page.result)
    assert document["ranges"] == page.bands.export("en") and document["ranges"]["bands"]
    assert files["explainer-unit.yaml"] == dump_yaml(document)
    assert files["explainer-unit.json"] == dump_json(document)


@pytest.fixture(scope="module")
def li_yi_export(tmp_path_factory) -> Path:
    """``explainer export preset=li_yi&lang=zh --page night``, run once for the two tests that
    start from its files (each run computes the page)."""
    out = tmp_path_factory.mktemp("li_yi")
    first = run("export", "preset=li_yi&lang=zh", "--page", "night", "--out", str(out))
    assert first.returncode == 0, first.stderr
    return out


def test_export_of_a_scenario_file_round_trips(li_yi_export, tmp_path):
    csv = (li_yi_export / "explainer-night.csv").read_text("utf-8")
    again = tmp_path / "again"
    scenario = li_yi_export / "explainer-night.json"
    second = run("export", str(scenario), "--format", "csv", "--out", str(again))
    assert second.returncode == 0, second.stderr
    assert [p.name for p in again.iterdir()] == ["explainer-night.csv"]
    assert (again / "explainer-night.csv").read_text("utf-8") == csv


def test_malformed_scenario_file_is_named_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("page: night\nparameters: [1, 2]\n", encoding="utf-8")
    result = run("export", str(bad), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "nothing written" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_alias_bomb_file_is_refused_without_expanding(tmp_path):
    """A 'billion laughs' file: the command refuses it, as the page does, in well under a second
    of parsing (the old ``yaml.safe_load`` here built it, then the page's message expanded it)."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("page: night\n" + "\n".join(lines) + "\n", encoding="utf-8")
    # In a process of its own: a regression would expand the bomb in the test's own memory.
    result = run_process(
        sys.executable, "-m", "explainer.cli", "export", str(bomb), "--out", str(tmp_path / "out")
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr) < 5_000
    assert not (tmp_path / "out").exists()


def test_brief_of_a_query_is_the_page_buttons_brief(tmp_path):
    """The command and the page's Download brief button build the same file."""
    from explainer.ui.brief_button import make_brief
    from explainer.ui.night import NightDashboard

    out = tmp_path / "night-brief.html"
    result = run("brief", "night", "--query", "n_apps=10&lang=en", "-o", str(out))
    assert result.returncode == 0, result.stderr
    page = NightDashboard()
    page.apply_query("n_apps=10&lang=en")
    name, text = make_brief(page)
    assert out.read_text("utf-8") == text
    assert "night.ipynb?n_apps=10&amp;lang=en" in text and "<script" not in text


def test_brief_of_a_scenario_file_in_another_language(li_yi_export, tmp_path):
    scenario = li_yi_export / "explainer-night.yaml"
    url = "https://example.org/voila/render/night.ipynb"
    result = run(
        "brief",
        "night",
        "--scenario",
        str(scenario),
        "--lang",
        "en",
        "--page-url",
        url,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "explainer-night-brief-en.html").read_text("utf-8")
    assert f"{url}?preset=li_yi&amp;lang=en" in text and "Headline figures" in text


def test_brief_refuses_a_file_for_another_page_and_an_oversized_one(tmp_path):
    first = run("export", "lang=en", "--page", "unit", "--out", str(tmp_path))
    assert first.returncode == 0, first.stderr
    other = run("brief", "night", "--scenario", str(tmp_path / "explainer-unit.yaml"), cwd=tmp_path)
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (cli.MAX_SCENARIO_BYTES + 1))
    oversized = run("brief", "night", "--scenario", str(big), cwd=tmp_path)
    for result in (other, oversized):
        assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "nothing written" in other.stderr and "at most 1,000,000" in oversized.stderr
    assert not list(tmp_path.glob("*.html"))


def test_real_serve_answers_the_landing_page(tmp_path):
    """``explainer serve`` from a folder outside the checkout, JUPYTER_PATH unset."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "JUPYTER_PATH"}
    log = tmp_path / "serve.log"
    with open(log, "w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "explainer.cli", "serve", "--port", str(port)],
            cwd=tmp_path,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        body = ""
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as resp:
                    body = resp.read().decode("utf-8")
                    break
            except OSError:
                time.sleep(0.5)
        text = log.read_text(encoding="utf-8")
        assert body, f"no answer on port {port}; log:\n{text[-3000:]}"
        assert f"==> open http://127.0.0.1:{port}/" in text
        assert "night.ipynb" in body
        status = urllib.request.urlopen(
            f"http://127.0.0.1:{port}/voila/render/night.ipynb", timeout=120
        ).status
        assert status == 200
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

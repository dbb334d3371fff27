"""Every documented way of installing and starting works (issue 17), proven in Chromium.

- **wheel**: build the wheel, ``pip install`` it into an environment without the checkout, run
  ``explainer serve`` from a folder outside the checkout with JUPYTER_PATH unset.
- **conda, as the README words it**: conda is not on these machines, so a fresh virtual
  environment gets exactly environment.yml's requirements with pip (its conda list, then its
  ``pip:`` section, ``-e .``), then the README's command ``explainer serve`` runs from the
  repository root with JUPYTER_PATH unset. The only change: ``--port`` (a free port, so that
  the test does not collide with a server on 8866).

``make app`` is what every other browser test runs (tests/e2e/conftest.py).

The conda route's environment is installed in the background when the module starts, with
pip's ordinary index and cache; the wheel's environment is a hard-linked copy of it with the
wheel installed in place of the checkout (the ``installs`` fixture says why that is enough).

Before explainer.core.paths.register_template, the conda route's page answered HTTP 500
(TemplateNotFound: index.html.j2); before ``[project.scripts]``, the wheel had no
``explainer`` command and no notebooks.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import shlex
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from e2e_support import (
    PAGE_TIMEOUT_MS,
    REPO,
    VoilaServer,
    http_get,
    wait_for_visible_or_error,
    wait_until_changed,
)

from explainer import __version__

pytestmark = pytest.mark.install_routes

HANDLE = ".explainer-param-n_apps .noUi-handle"
HEADLINE = ".explainer-headline"
INSTALL_TIMEOUT_S = 600


def environment_requirements() -> list[str]:
    """environment.yml's dependencies as pip arguments (conda names equal PyPI names here)."""
    env = yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))
    conda, pip_section = [], []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            pip_section += dep["pip"]
        elif not dep.startswith(("python", "pip")):
            conda.append(dep)
    args = []
    for line in pip_section:
        if line.strip() == "-e .":
            args += ["-e", str(REPO)]
        else:
            args.append(line)
    return conda + args


class Install:
    """Shell steps run in the background, logged to a file; ``after``: another install that
    must have succeeded first (these steps start when this one is waited for)."""

    def __init__(
        self, name: str, steps: list[list[str]], log: Path, after: Install | None = None
    ) -> None:
        self.name, self.log, self.after = name, log, after
        self.script = " && ".join(shlex.join(step) for step in steps)
        self.proc: subprocess.Popen | None = None
        self.code: int | str | None = None
        if after is None:
            self.start()

    def start(self) -> None:
        self._out = open(self.log, "w", encoding="utf-8")  # noqa: SIM115
        self.proc = subprocess.Popen(
            ["bash", "-c", self.script],
            # a PYTHONPATH (a developer's src/, say) would make pip see the checkout
            env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
            stdout=self._out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def kill(self) -> None:
        if self.proc is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)

    def wait(self) -> None:
        if self.code is None:
            if self.after is not None:
                self.after.wait()
                self.start()
            try:
                self.code = self.proc.wait(timeout=INSTALL_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.kill()
                self.code = "timeout"
            self._out.close()
        if self.code != 0:
            tail = "\n".join(self.log.read_text(encoding="utf-8").splitlines()[-30:])
            pytest.fail(f"the {self.name} install failed ({self.code}); {self.log}:\n{tail}")


@pytest.fixture(scope="module")
def installs(tmp_path_factory):
    root = tmp_path_factory.mktemp("install-routes")
    # --no-compile: pip would byte-compile every module of every dependency (thousands of
    # files, most never imported by a server); Python compiles what it imports when it does.
    pip = ["-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-compile"]
    wheel_env, conda_env = root / "wheel-env", root / "conda-env"
    wheel = root / f"explainer-{__version__}-py3-none-any.whl"
    conda = Install(
        "conda",
        [
            [sys.executable, "-m", "venv", str(conda_env)],
            [str(conda_env / "bin" / "python"), *pip, *environment_requirements()],
        ],
        root / "conda.log",
    )
    # The wheel's environment starts as a hard-linked copy of the conda route's (no second
    # download and unpacking of the same ~60 packages: unpacking is most of an install's
    # time). Its editable checkout is removed, then the wheel is installed with --no-index:
    # pip installs nothing else, so it fails if the wheel asks for a package the copy lacks.
    # environment.yml lists exactly pyproject.toml's dependencies
    # (tests/test_environment.py), so the copy holds what a fresh install of the wheel
    # downloads; the test asserts that its server never touches the checkout.
    wheel_python = str(wheel_env / "bin" / "python")
    jobs = {
        "conda": conda,
        "wheel": Install(
            "wheel",
            [
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "wheel",
                    "-q",
                    "--no-deps",
                    "-w",
                    str(root),
                    str(REPO),
                ],
                # (a venv's interpreter finds its prefix from where it is run: the copy's own)
                ["cp", "-al", str(conda_env), str(wheel_env)],
                [wheel_python, "-m", "pip", "uninstall", "-y", "explainer"],
                [wheel_python, *pip, "--no-index", str(wheel)],
            ],
            root / "wheel.log",
            after=conda,
        ),
    }
    yield {"root": root, "wheel": wheel_env, "conda": conda_env, "jobs": jobs}
    for job in jobs.values():
        job.kill()


class CommandServer(VoilaServer):
    """A server started by an exact command line (from another environment)."""

    argv: list[str] = []

    def command(self) -> list[str]:
        return self.argv


def serve(argv: list[str], cwd: Path, log: Path) -> CommandServer:
    server = CommandServer(log_path=log, cwd=cwd, template_on_path=False)
    server.argv = [*argv, f"--port={server.port}"]
    return server.start(ready_timeout=180)


def refuses_a_foreign_host(base_url: str) -> bool:
    """Whether the server runs the project's request checks (explainer.serving.guard): a request
    naming another host (DNS rebinding) gets 403, as it does under ``make app``."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        connection.request("GET", "/", headers={"Host": "evil.example"})
        return connection.getresponse().status == 403
    finally:
        connection.close()


def use_dashboard(page, base_url: str) -> None:
    """Open the night dashboard, move its slider, see the numbers change."""
    page.goto(f"{base_url}/voila/render/night.ipynb?lang=en", wait_until="domcontentloaded")
    wait_for_visible_or_error(page, HANDLE, PAGE_TIMEOUT_MS)
    before = page.inner_text(HEADLINE)
    page.locator(HANDLE).focus()
    page.locator(HANDLE).press("ArrowRight")
    wait_until_changed(page, HEADLINE, before)
    page.locator(".explainer-chart-timeline svg.marks").first.wait_for(state="visible")


def test_wheel_installed_outside_the_checkout(installs, page):
    installs["jobs"]["wheel"].wait()
    env = installs["wheel"]
    outside = installs["root"] / "elsewhere"
    outside.mkdir()
    assert (env / "share" / "explainer" / "notebooks" / "night.ipynb").is_file()
    server = serve(
        [str(env / "bin" / "explainer"), "serve"], outside, installs["root"] / "serve.log"
    )
    try:
        status, body = http_get(f"{server.base_url}/")
        assert status == 200 and "night.ipynb" in body
        use_dashboard(page, server.base_url)
        assert str(REPO) not in server.log_text(), "the wheel's server used the checkout"
        assert refuses_a_foreign_host(server.base_url)
    finally:
        assert not server.stop(grace=20), "the server did not stop on SIGTERM"


def test_conda_route_as_the_readme_words_it(installs, page):
    installs["jobs"]["conda"].wait()
    env = installs["conda"]
    server = serve(
        [str(env / "bin" / "explainer"), "serve"], REPO, installs["root"] / "serve-conda.log"
    )
    try:
        status, _ = http_get(f"{server.base_url}/voila/render/night.ipynb", timeout=120)
        assert status == 200, f"HTTP {status}; log:\n{server.log_tail()}"
        assert refuses_a_foreign_host(server.base_url)
        use_dashboard(page, server.base_url)
    finally:
        assert not server.stop(grace=20), "the server did not stop on SIGTERM"

"""A real JupyterHub serving the dashboards (issue 17), on loopback, driven from Chromium.

The hub runs ``config/jupyterhub/jupyterhub_config.py`` (which loads ``explainer.py``) as
shipped, with only what a test machine needs on top: DummyAuthenticator, JupyterHub's own
``SimpleLocalProcessSpawner`` (no system users), free loopback ports, a temporary folder,
and short figures through the config's own environment settings (2 servers at most, cull
after 30 s idle). Its proxy is ``configurable-http-proxy`` from npm (``make hub-proxy``).

One test, in the order a room meets it: two users log in, land on the landing page, open a
dashboard, move a slider and see the chart change; a third user, over the limit, gets the
hub's message; the first user leaves and the idle culler stops that server. Then the hub
stops the second user's server while that page is open (as an admin or a culler with other
settings would): the page says its kernel is gone (the page-life banner, issue 11).

Seen here: a page left open without input kept its user's server from being culled (the
open kernel connection counts as activity), so only a user who left is culled.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from e2e_support import (
    ACTION_TIMEOUT_MS,
    ARTIFACTS,
    PAGE_TIMEOUT_MS,
    REPO,
    free_port,
    wait_for_visible_or_error,
    wait_until_changed,
)

HANDLE = ".explainer-param-n_apps .noUi-handle"
HEADLINE = ".explainer-headline"
TIMELINE_MARKS = ".explainer-chart-timeline svg.marks"
TOKEN = "explainer-hub-test-token-0123456789"
CULL_TIMEOUT_S = 30


def proxy_command() -> str:
    """configurable-http-proxy from `make hub-proxy` (.venv/node) or the PATH."""
    local = REPO / ".venv" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
    found = str(local) if local.exists() else shutil.which("configurable-http-proxy")
    if not found:
        pytest.fail(
            "configurable-http-proxy not found: run `make hub-proxy` (npm install into "
            ".venv/node; needs node and npm: apt-get install nodejs npm)",
            pytrace=False,
        )
    return found


class Hub:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = folder / "jupyterhub.log"
        self.proc: subprocess.Popen | None = None

    def config(self) -> str:
        from explainer.serving.offline import cache_dir

        lines = [
            f"load_subconfig({str(REPO / 'config/jupyterhub/jupyterhub_config.py')!r})",
            "c.JupyterHub.authenticator_class = 'dummy'",
            "c.JupyterHub.spawner_class = 'simple'",
            "c.SimpleLocalProcessSpawner.home_dir_template = "
            f"{str(self.folder / 'home')!r} + '/{{username}}'",
            f"c.JupyterHub.bind_url = {self.url!r}",
            f"c.JupyterHub.hub_bind_url = 'http://127.0.0.1:{free_port()}'",
            f"c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{free_port()}'",
            f"c.ConfigurableHTTPProxy.command = [{proxy_command()!r}]",
            f"c.JupyterHub.db_url = 'sqlite:///{self.folder}/jupyterhub.sqlite'",
            f"c.JupyterHub.cookie_secret_file = {str(self.folder / 'cookie_secret')!r}",
            f"c.JupyterHub.pid_file = {str(self.folder / 'jupyterhub.pid')!r}",
            # The single-user server and its kernels from this environment.
            f"c.Spawner.cmd = [{sys.executable!r}, '-m', 'jupyterhub.singleuser']",
            "c.Spawner.start_timeout = 120",
            "c.Spawner.http_timeout = 120",
            f"c.Spawner.environment['EXPLAINER_CACHE_DIR'] = {str(cache_dir())!r}",
            # A service of the test's own, to ask the hub who has a server.
            f"c.JupyterHub.services.append({{'name': 'test', 'api_token': {TOKEN!r}}})",
            "c.JupyterHub.load_roles.append({'name': 'test', 'services': ['test'],"
            " 'scopes': ['list:users', 'read:users', 'read:servers', 'servers']})",
        ]
        # Kernels get 1 s to exit after their shutdown request, not 5 (as VoilaServer).
        lines.append("c.Spawner.args = [*c.Spawner.args, '--KernelManager.shutdown_wait_time=1']")
        if os.getuid() == 0:  # CI runs as root; jupyter_server refuses root without this
            lines.append("c.Spawner.args = [*c.Spawner.args, '--allow-root']")
        return "\n".join(lines) + "\n"

    def start(self) -> Hub:
        config = self.folder / "test_jupyterhub_config.py"
        config.write_text(self.config(), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k != "JUPYTER_PATH"}
        env.update(
            EXPLAINER_HOME=str(REPO),
            EXPLAINER_HUB_MAX_SERVERS="2",
            EXPLAINER_HUB_CULL_TIMEOUT=str(CULL_TIMEOUT_S),
            EXPLAINER_HUB_CULL_EVERY="5",
            EXPLAINER_HUB_ACTIVITY_INTERVAL="5",
            PYTHONUNBUFFERED="1",
        )
        with open(self.log_path, "w", encoding="utf-8") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "jupyterhub", "-f", str(config)],
                cwd=self.folder,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"JupyterHub exited:\n{self.log_tail()}", pytrace=False)
            with (
                contextlib.suppress(OSError),
                urllib.request.urlopen(f"{self.url}/hub/api", timeout=2) as resp,
            ):
                if resp.status == 200:
                    return self
            time.sleep(0.3)
        pytest.fail(f"JupyterHub did not answer in 90 s:\n{self.log_tail()}", pytrace=False)

    def log_tail(self, lines: int = 60) -> str:
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def servers(self, user: str) -> dict:
        request = urllib.request.Request(
            f"{self.url}/hub/api/users/{user}", headers={"Authorization": f"token {TOKEN}"}
        )
        with urllib.request.urlopen(request, timeout=10) as resp:
            return json.loads(resp.read())["servers"]

    def stop_server(self, user: str) -> None:
        request = urllib.request.Request(
            f"{self.url}/hub/api/users/{user}/server",
            method="DELETE",
            headers={"Authorization": f"token {TOKEN}"},
        )
        with urllib.request.urlopen(request, timeout=60) as resp:
            assert resp.status in (202, 204)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)


@pytest.fixture
def hub(tmp_path):
    proxy_command()
    running = Hub(tmp_path).start()
    yield running
    running.stop()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)  # kept for a failing run's reader
    shutil.copyfile(running.log_path, ARTIFACTS / "jupyterhub.log")
    print(f"hub log: {ARTIFACTS / 'jupyterhub.log'}")


def log_in(browser, hub: Hub, user: str):
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    context.set_default_navigation_timeout(PAGE_TIMEOUT_MS)
    page = context.new_page()
    page.goto(f"{hub.url}/hub/login")
    page.fill("#username_input", user)
    page.fill("#password_input", "any")
    page.click("#login_submit")
    return context, page


def use_dashboard(page, hub: Hub, user: str) -> None:
    """Land on the landing page after login, open the night dashboard, move its slider."""
    page.wait_for_url(f"**/user/{user}/voila/tree**", timeout=PAGE_TIMEOUT_MS)
    page.locator("a[href*='night.ipynb']").first.wait_for(state="visible")
    page.goto(f"{hub.url}/user/{user}/voila/render/night.ipynb?lang=en")
    wait_for_visible_or_error(page, HANDLE, PAGE_TIMEOUT_MS)
    page.locator(TIMELINE_MARKS).first.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    headline, marks = page.inner_text(HEADLINE), page.inner_html(TIMELINE_MARKS)
    page.locator(HANDLE).focus()
    page.locator(HANDLE).press("ArrowRight")
    wait_until_changed(page, HEADLINE, headline)
    wait_until_changed(page, TIMELINE_MARKS, marks, prop="innerHTML")


def test_two_users_a_limit_and_the_idle_culler(hub, browser):
    started = time.monotonic()
    contexts, pages = [], {}
    try:
        for user in ("alice", "bob"):
            context, page = log_in(browser, hub, user)
            contexts.append(context)
            pages[user] = page
            use_dashboard(page, hub, user)
            assert hub.servers(user)[""]["ready"], f"{user} has no running server"

        context, page = log_in(browser, hub, "carol")
        contexts.append(context)
        page.get_by_text("Active user limit exceeded").first.wait_for(timeout=PAGE_TIMEOUT_MS)
        assert "Try again in a few minutes" in page.inner_text("body")
        assert "" not in hub.servers("carol")

        # Alice leaves (her tab's unload handler shuts its kernel down): the culler stops
        # her server once it has been idle for CULL_TIMEOUT_S.
        left = time.monotonic()
        contexts[0].pages[0].close(run_before_unload=True)
        contexts[0].close()
        deadline = left + CULL_TIMEOUT_S + 60
        while "" in hub.servers("alice"):
            assert time.monotonic() < deadline, f"alice's server was not culled:\n{hub.log_tail()}"
            time.sleep(2)
        culled_after = time.monotonic() - left
        log = hub.log_path.read_text(encoding="utf-8", errors="replace")
        assert "Culling server alice" in log, "not stopped by the idle culler"
        # Bob's page is still open: stopping his server must not leave it lying.
        assert "" in hub.servers("bob"), "bob's open page did not keep his server"
        hub.stop_server("bob")
        banner = pages["bob"].locator(".explainer-page-life[data-state='gone']")
        banner.wait_for(state="visible", timeout=30_000)
        assert "kernel has stopped" in banner.inner_text()
        print(
            f"hub test: culled {culled_after:.0f} s after alice left; "
            f"whole test {time.monotonic() - started:.0f} s"
        )
    finally:
        for context in contexts:
            with contextlib.suppress(Exception):
                context.close()

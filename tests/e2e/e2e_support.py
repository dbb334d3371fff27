"""Harness shared by the end-to-end tests and benchmarks/bench_night_page.py.

- :class:`VoilaServer` runs ``python -m voila notebooks`` from the repository root, so Voila
  reads the checked-in ``voila.json`` and (through ``JUPYTER_PATH``) finds the project's
  template in ``share/jupyter/voila/templates/explainer``; same settings as ``make app``,
  but on a free loopback port.
- :func:`launch_chromium` starts Debian's ``/usr/bin/chromium`` through Playwright (never a
  downloaded browser), with flags that keep Chromium itself off the network.
- :class:`RequestLog`, :func:`external_requests` and :func:`assert_no_error_text` check
  what a visitor's browser did and saw.
- :func:`wait_until_changed`, :func:`wait_for_text`, :func:`reveal_control` and
  :func:`switch_language` act and wait as a visitor does, on any of the dashboards.
- :func:`declared` and :func:`locale_text` read the project's own declarations (``data/``),
  so that tests name controls, groups and texts as the page does.

Only the standard library and Playwright are imported at module level (the benchmarks run
without the test dependencies); :func:`declared` imports PyYAML when called.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "tests" / "e2e" / "artifacts"
TEMPLATE_ROOT = REPO / "share" / "jupyter"

CHROMIUM = os.environ.get("EXPLAINER_CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium calls Google's hosts at start-up.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Generous for a 2-core machine: a cold kernel takes about 5 s, a busy machine far longer.
PAGE_TIMEOUT_MS = 120_000
ACTION_TIMEOUT_MS = 30_000

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
# Schemes that never leave the page.
INTERNAL_SCHEMES = frozenset({"data", "about", "javascript", "chrome", "chrome-extension"})


def free_port() -> int:
    """A TCP port that was free on 127.0.0.1 a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def worker_file(name: str) -> str:
    """``name`` with the pytest-xdist worker id before its suffix (``voila-gw0.log``), so
    that parallel workers keep separate artifacts; ``name`` itself when run without xdist."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not worker:
        return name
    stem, dot, suffix = name.partition(".")
    return f"{stem}-{worker}{dot}{suffix}"


def voila_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for a Voila process: the project template on JUPYTER_PATH."""
    env = dict(os.environ)
    paths = [str(TEMPLATE_ROOT)]
    if env.get("JUPYTER_PATH"):
        paths.append(env["JUPYTER_PATH"])
    env["JUPYTER_PATH"] = os.pathsep.join(paths)
    env.setdefault("PYTHONUNBUFFERED", "1")
    if extra:
        env.update(extra)
    return env


def bare_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """This process's environment without JUPYTER_PATH (nothing set by the user)."""
    env = {k: v for k, v in os.environ.items() if k != "JUPYTER_PATH"}
    env.setdefault("PYTHONUNBUFFERED", "1")
    env.update(extra or {})
    return env


@dataclass
class VoilaServer:
    """``python -m explainer.serving.serve <notebooks>`` in its own process group, logging to a
    file."""

    log_path: Path
    notebooks: Path = REPO / "notebooks"
    port: int = field(default_factory=free_port)
    extra_args: list[str] = field(default_factory=list)
    # The suite and the benchmarks open pages from one address faster than a person does:
    # the page-load limit per address (explainer.serving.guard) is off unless a test asks for it
    # (tests/e2e/test_serving.py runs it with the shipped settings).
    page_load_limit: bool = False
    # jupyter_client's KernelManager.shutdown_wait_time (5 s by default): how long a kernel may
    # take to exit after its shutdown request (SIGTERM at half of it, SIGKILL at the end). A
    # dashboard's kernel takes 2-3 s to tear its heap down after the request, so every server
    # the suite stopped waited 2.5 s or more for the SIGTERM of each busy kernel (and Voila
    # awaits the refills in flight one after the other). The same shutdown code runs, sooner.
    kernel_shutdown_wait: float = 1.0
    env: dict[str, str] | None = None
    cwd: Path = REPO
    # False: start with JUPYTER_PATH removed, as a user who sets nothing (install routes).
    template_on_path: bool = True
    proc: subprocess.Popen | None = None
    _log_file: object = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, ready_timeout: float = 90) -> VoilaServer:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log_file = open(self.log_path, "w", encoding="utf-8")  # noqa: SIM115
        cmd = self.command()
        self._log_file.write("$ " + " ".join(cmd) + "\n")
        self._log_file.flush()
        # cwd=REPO: Voila reads voila.json from the working directory.
        self.proc = subprocess.Popen(
            cmd,
            cwd=self.cwd,
            env=voila_env(self.env) if self.template_on_path else bare_env(self.env),
            stdin=subprocess.DEVNULL,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self._wait_ready(ready_timeout)
        return self

    def command(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            # Voila with the project's serving checks, as `make app` runs it
            "explainer.serving.serve",
            str(self.notebooks),
            "--no-browser",
            f"--port={self.port}",
            "--Voila.ip=127.0.0.1",
            *([] if self.page_load_limit else ["--RequestGuard.page_load_burst=0"]),
            f"--KernelManager.shutdown_wait_time={self.kernel_shutdown_wait:g}",
            *self.extra_args,
        ]

    def _wait_ready(self, timeout: float) -> None:
        """Wait until ``/voila/static/voila.js`` answers (the server listens; no kernel yet)."""
        url = f"{self.base_url}/voila/static/voila.js"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"Voila exited with code {self.proc.returncode} before answering; "
                    f"log {self.log_path}:\n{self.log_tail()}"
                )
            with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(
            f"Voila did not answer {url} within {timeout:.0f} s; log {self.log_path}:\n"
            f"{self.log_tail()}"
        )

    def stop(self, grace: float = 20) -> bool:
        """SIGTERM Voila, which shuts its kernels down; SIGKILL what is left after ``grace`` s.

        Returns True if anything had to be killed: Voila itself, or a kernel that outlived it
        (jupyter_client starts each kernel in a session of its own, out of Voila's group).
        """
        if self.proc is None:
            return False
        killed = False
        kernels = self.kernel_pids()
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                killed = True
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        deadline = time.monotonic() + 5
        while (alive := [pid for pid in kernels if _alive(pid)]) and time.monotonic() < deadline:
            time.sleep(0.2)
        for pid in alive:
            killed = True
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if self._log_file:
            self._log_file.close()
            self._log_file = None
        return killed

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])

    def wait_for_log(self, pattern: str, timeout: float, after: int = 0) -> re.Match:
        """Wait until ``pattern`` appears in the log past character offset ``after``."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            match = regex.search(self.log_text(), after)
            if match:
                return match
            if time.monotonic() > deadline:
                raise TimeoutError(f"{pattern!r} not in the Voila log after {timeout:.0f} s")
            time.sleep(0.1)

    def count_log(self, pattern: str) -> int:
        return len(re.findall(pattern, self.log_text()))

    def kernel_pids(self) -> list[int]:
        """Kernel processes started by this Voila (children running ipykernel)."""
        if self.proc is None:
            return []
        return [pid for pid in _descendants(self.proc.pid) if _is_kernel(pid)]


class BinderServer(VoilaServer):
    """A Jupyter server with Voila as its extension, started through the repository's
    ``start`` script as Binder starts it (repository root as working directory, no token)."""

    def command(self) -> list[str]:
        return [str(REPO / "start"), *self.jupyter_server()]

    def jupyter_server(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            "jupyter",
            "server",
            "--no-browser",
            "--allow-root",  # CI runs as root
            f"--port={self.port}",
            "--ServerApp.ip=127.0.0.1",
            "--IdentityProvider.token=",
            f"--KernelManager.shutdown_wait_time={self.kernel_shutdown_wait:g}",
            *self.extra_args,
        ]


@dataclass
class HubUserServer(BinderServer):
    """A user's server as config/jupyterhub/explainer.py has JupyterHub start it: the
    notebooks as root folder, JUPYTER_CONFIG_PATH on config/jupyterhub/, working directory
    elsewhere (so the repository's voila.json is not read). Without the hub in front."""

    def __post_init__(self) -> None:
        self.cwd = self.log_path.parent
        self.env = {"JUPYTER_CONFIG_PATH": str(REPO / "config" / "jupyterhub")}
        self.extra_args = [f"--ServerApp.root_dir={REPO / 'notebooks'}", *self.extra_args]

    def command(self) -> list[str]:
        return self.jupyter_server()


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _is_kernel(pid: int) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return any(b"ipykernel" in part for part in cmdline)


def chromium_missing_message() -> str:
    return (
        f"Chromium not found at {CHROMIUM}. The end-to-end tests drive Debian's Chromium "
        "(Playwright's own browser download does not work here). Install it with "
        "`apt-get update && apt-get install -y chromium fonts-noto-cjk` as root "
        "(`make test` does this), or point EXPLAINER_CHROMIUM at a Chromium binary."
    )


def launch_chromium(playwright):
    """Headless Chromium from the system, never a downloaded one."""
    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(chromium_missing_message())
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def is_local(url: str) -> bool:
    """True if fetching ``url`` stays on this machine."""
    parts = urlsplit(url)
    if parts.scheme in INTERNAL_SCHEMES:
        return True
    if parts.scheme == "blob":  # blob:http://127.0.0.1:8866/<uuid>
        inner = url[len("blob:") :]
        # blob:null/<uuid>: made by a page of no origin (page.set_content), in the browser
        return inner.startswith("null/") or is_local(inner)
    return (parts.hostname or "") in LOCAL_HOSTS


class RequestLog:
    """Every request a browser context makes (pages, workers, beacons)."""

    def __init__(self, context) -> None:
        self.urls: list[str] = []
        context.on("request", lambda request: self.urls.append(request.url))

    def external(self) -> list[str]:
        return external_requests(self.urls)


def external_requests(urls: list[str]) -> list[str]:
    return sorted({url for url in urls if not is_local(url)})


# What a failing cell or widget leaves in a Voila page. Voila without tracebacks says
# "There was an error when executing cell"; a broken widget says "Error displaying widget".
ERROR_TEXT = re.compile(
    r"Traceback|\b[A-Za-z]*Error\b|There was an error|show_tracebacks|"
    r"Error displaying widget|Timeout waiting for IOPub"
)


def error_text_in(text: str) -> list[str]:
    """Lines of ``text`` that look like an error shown to a visitor."""
    return [line.strip() for line in text.splitlines() if ERROR_TEXT.search(line)]


def assert_no_error_text(page) -> None:
    """Fail if the visible page body shows a traceback or an error."""
    lines = error_text_in(page.inner_text("body"))
    assert not lines, "the page shows error text:\n" + "\n".join(lines[:20])


_VISIBLE_OR_ERROR_JS = """([selector, pattern]) => {
    const el = document.querySelector(selector);
    if (el && el.getClientRects().length > 0) return true;
    return new RegExp(pattern).test(document.body ? document.body.innerText : "");
}"""


def wait_for_visible_or_error(page, selector: str, timeout_ms: float = PAGE_TIMEOUT_MS) -> None:
    """Wait until ``selector`` is visible; fail at once if the page shows an error instead."""
    page.wait_for_function(
        _VISIBLE_OR_ERROR_JS, arg=[selector, ERROR_TEXT.pattern], timeout=timeout_ms
    )
    assert_no_error_text(page)


def safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "_", text)[:120]


def save_page_artifacts(page, name: str) -> list[Path]:
    """Screenshot and HTML of ``page`` under tests/e2e/artifacts/ (for failing tests)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    stem = ARTIFACTS / safe_name(name)
    saved = []
    with contextlib.suppress(Exception):
        page.screenshot(path=str(stem.with_suffix(".png")), full_page=True)
        saved.append(stem.with_suffix(".png"))
    with contextlib.suppress(Exception):
        stem.with_suffix(".html").write_text(page.content(), encoding="utf-8")
        saved.append(stem.with_suffix(".html"))
    return saved


def http_get(url: str, timeout: float = 60) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status, resp.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8", errors="replace")


# ---------------------------------------------------------------------- the project's data
def declared(name: str) -> dict:
    """``data/<name>.yaml`` (e.g. ``parameters``, ``reforms``, ``locales/en``), parsed."""
    import yaml  # only the tests need it

    return yaml.safe_load((REPO / "data" / f"{name}.yaml").read_text(encoding="utf-8"))


def parameter(pid: str) -> dict:
    """A parameter's declaration in data/parameters.yaml."""
    (found,) = [p for p in declared("parameters")["parameters"] if p["id"] == pid]
    return found


def group_label(pid: str, lang: str) -> str:
    """The accordion title of the group holding parameter ``pid``, in ``lang``."""
    return declared("parameters")["groups"][parameter(pid)["group"]][lang]


def locale_text(key: str, lang: str) -> str:
    """A user-visible string from data/locales/<lang>.yaml (placeholders left as they are)."""
    return declared(f"locales/{lang}")[key]


# ---------------------------------------------------------------------- acting and waiting
def wait_until_changed(page, selector: str, before: str, prop: str = "innerText", timeout=None):
    """Wait until ``element[prop]`` of the first match of ``selector`` differs from ``before``."""
    page.wait_for_function(
        """([selector, before, prop]) => {
            const el = document.querySelector(selector);
            return el !== null && el[prop] !== before;
        }""",
        arg=[selector, before, prop],
        timeout=timeout or ACTION_TIMEOUT_MS,
    )


def wait_for_text(page, selector: str, text: str, timeout=None, exact: bool = True) -> None:
    """Wait until the first match of ``selector`` shows ``text`` (whitespace trimmed)."""
    page.wait_for_function(
        """([selector, text, exact]) => {
            const el = document.querySelector(selector);
            if (el === null) return false;
            const shown = el.textContent.replace(/\\s+/g, " ").trim();
            return exact ? shown === text : shown.includes(text);
        }""",
        arg=[selector, text, exact],
        timeout=timeout or ACTION_TIMEOUT_MS,
    )


def reveal_control(page, selector: str, section_title: str, timeout=None):
    """The control ``selector`` made visible: its accordion section opened if need be.

    A closed section's controls may be hidden, or not built at all until the section is
    first opened (the kernel builds them then). Clicking an open section's title would
    close it, so the title is clicked only when the control is not visible.
    """
    control = page.locator(selector).first
    if not (control.count() and control.is_visible()):
        title = re.compile(rf"^\s*{re.escape(section_title)}\s*$")
        header = page.locator(".explainer-controls .jupyter-widget-Collapse-header").filter(
            has_text=title
        )
        if not header.count():  # another accordion implementation: go by the text alone
            header = page.locator(".explainer-controls").get_by_text(section_title, exact=True)
        header.first.click()
    control.wait_for(state="visible", timeout=timeout or ACTION_TIMEOUT_MS)
    return control


def switch_language(page, button_text: str) -> None:
    """Press the language toggle button labelled ``button_text`` (中文 or English)."""
    page.locator(".explainer-language button", has_text=button_text).click()


#: True once the band table and the headline's values belong to the same scenario (issue 14).
BANDS_SETTLED_JS = """() => {
    const table = document.querySelector(".explainer-bands-table[data-state='ready']");
    const marker = document.querySelector(".explainer-headline .explainer-value-scenario");
    return !!table && !!marker && table.dataset.scenario === marker.dataset.scenario;
}"""


def wait_for_bands(page, timeout: float | None = None) -> None:
    """Wait until every figure on ``page`` shows the band of the scenario on the page."""
    page.wait_for_function(BANDS_SETTLED_JS, timeout=timeout or ACTION_TIMEOUT_MS)


def settled_text(page, selector: str, quiet: float = 1.0, timeout: float = 60) -> str:
    """The text of ``selector`` (whitespace joined) once the bands are in and it has not
    changed for ``quiet`` s: the summary's verdict sentences are written after the band
    table is ready (explainer.ui.bands, publish_steps), so ``wait_for_bands`` alone can
    return before them."""
    wait_for_bands(page)
    deadline = time.monotonic() + timeout
    shown = " ".join(page.locator(selector).first.inner_text().split())
    since = time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.2)
        now = " ".join(page.locator(selector).first.inner_text().split())
        if now != shown:
            shown, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return shown
    raise AssertionError(f"{selector} kept changing for {timeout:.0f} s")

"""Fixtures: one Voila server per session, Debian's Chromium, a page that watches requests.

The server is started exactly as ``make app`` starts it (repo root as working directory,
so ``voila.json`` applies; the project template on ``JUPYTER_PATH``), on a free port.
Its log and any failing page's screenshot and HTML go to ``tests/e2e/artifacts/``.
Under pytest-xdist each worker starts its own server: the log is ``voila-<worker>.log``
(``voila.log`` without xdist), so that two servers never write one file.

``EXPLAINER_E2E_NOTEBOOKS`` serves another folder instead of ``notebooks/`` (used to
develop the harness against a probe notebook).
"""

from __future__ import annotations

import contextlib
import os
import time
import warnings
from pathlib import Path

import pytest
from e2e_support import (
    ACTION_TIMEOUT_MS,
    ARTIFACTS,
    PAGE_TIMEOUT_MS,
    REPO,
    RequestLog,
    VoilaServer,
    chromium_missing_message,
    launch_chromium,
    save_page_artifacts,
    worker_file,
)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Expose each phase's report as ``item.rep_<phase>`` for fixtures' teardown."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def voila_server():
    notebooks = Path(os.environ.get("EXPLAINER_E2E_NOTEBOOKS", REPO / "notebooks"))
    server = VoilaServer(log_path=ARTIFACTS / worker_file("voila.log"), notebooks=notebooks)
    try:
        server.start(ready_timeout=120)
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    yield server
    began, kernels = time.monotonic(), len(server.kernel_pids())
    killed = server.stop(grace=20)
    slow_stop("Voila", began, f"{kernels} kernels")
    if killed:
        pytest.fail(
            "Voila or one of its kernels did not stop within 20 s of SIGTERM and had to be "
            f"killed; see {server.log_path}",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def base_url(voila_server) -> str:
    return voila_server.base_url


@pytest.fixture(scope="session")
def browser():
    if not Path(os.environ.get("EXPLAINER_CHROMIUM", "/usr/bin/chromium")).exists():
        pytest.fail(chromium_missing_message(), pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        began, contexts = time.monotonic(), len(chromium.contexts)
        chromium.close()
        slow_stop("Chromium", began, f"{contexts} contexts left open")
    slow_stop("Playwright", began, "with Chromium")


def slow_stop(what: str, began: float, detail: str, seconds: float = 5) -> None:
    """Warn (in pytest's summary, from any xdist worker) when a session's fixture takes more
    than ``seconds`` to stop: the last test of a worker carries that wait as its teardown
    (CI showed 20-170 s there)."""
    spent = time.monotonic() - began
    if spent > seconds:
        warnings.warn(f"stopping {what} took {spent:.1f} s ({detail})", stacklevel=2)


@pytest.fixture
def page(browser, request):
    """A fresh browser context and page; fails the test if a request left 127.0.0.1."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    context.set_default_navigation_timeout(PAGE_TIMEOUT_MS)
    requests = RequestLog(context)
    page = context.new_page()
    console_errors: list[str] = []
    page.on("pageerror", lambda exc: console_errors.append(f"pageerror: {exc}"))
    page.on(
        "console",
        lambda msg: (
            console_errors.append(f"console.{msg.type}: {msg.text}")
            if msg.type == "error"
            else None
        ),
    )
    page.console_errors = console_errors  # for tests that want to look
    yield page

    failed = any(
        getattr(getattr(request.node, f"rep_{phase}", None), "failed", False)
        for phase in ("setup", "call")
    )
    if failed:
        saved = save_page_artifacts(page, request.node.nodeid)
        (ARTIFACTS / worker_file("console.txt")).write_text(
            "\n".join(console_errors), encoding="utf-8"
        )
        print(f"saved {', '.join(map(str, saved))}")
    # Leaving the page fires Voila's unload beacon, which shuts the kernel down now
    # instead of after the idle-cull timeout.
    with contextlib.suppress(Exception):  # best effort: the test's result is what matters
        page.goto("about:blank", timeout=10_000)
    context.close()
    external = requests.external()
    if external:
        pytest.fail(
            "the page made requests to hosts other than 127.0.0.1:\n  " + "\n  ".join(external),
            pytrace=False,
        )

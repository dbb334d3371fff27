"""Make the shared test helpers in this folder importable from every test folder."""

import asyncio
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(autouse=True)
def no_borrowed_event_loop(request: pytest.FixtureRequest):
    """Run a test that does not drive the browser without an event loop, as in a process of
    its own.

    Once a worker has opened the session's browser, Playwright's sync API leaves its asyncio
    loop marked as running in the main thread. A dashboard built by a later test then found
    that loop and started its band computation there as a task (as it does in a kernel); the
    tasks piled up and ran during the next Playwright call, and at the end, closing Chromium
    waited 10-25 s for them (CI: up to 170 s of "teardown" on a worker's last test)."""
    loop = asyncio.events._get_running_loop()
    if loop is None or "browser" in request.fixturenames:
        yield
        return
    asyncio.events._set_running_loop(None)
    try:
        yield
    finally:
        asyncio.events._set_running_loop(loop)

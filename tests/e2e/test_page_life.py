"""A page whose kernel or connection is gone says so (issue 11, item 6).

Before the page-life script in the project template, an open page whose kernel had been shut
down, culled, killed or lost with a server restart kept its controls live: the slider moved,
the numbers did not, and nothing said so. Each test here ends a page's kernel or connection
in one of those ways and checks what a visitor sees: a banner in the page's language within
a few seconds, the controls greyed and inert, and a Reload button that brings back the same
state from the link. A short network drop (a TCP proxy between browser and server cut for
a few seconds) must resume without a reload.

Each test fails on the template without the script: no ``.explainer-page-life`` banner
ever appears (checked on commit 5ee0e21's template).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from e2e_support import (
    ARTIFACTS,
    PAGE_TIMEOUT_MS,
    VoilaServer,
    free_port,
    locale_text,
    wait_for_visible_or_error,
    wait_until_changed,
)
from test_preload import ONLY_NIGHT_PREHEATED

NIGHT = "/voila/render/night.ipynb"
HANDLE = ".explainer-param-n_apps .noUi-handle"
HEADLINE = ".explainer-headline"
BANNER = ".explainer-page-life"
# "At once": the banner must be up within this many seconds of the kernel ending.
BANNER_WITHIN_MS = 5_000
SHOTS = Path(os.environ.get("EXPLAINER_SHOTS", ARTIFACTS / "shots" / "pagelife"))


def open_night(page, base_url: str, query: str) -> None:
    """Open the night page and wait for its figures (and its slider, where the controls are
    shown: on a phone they wait behind the Settings button)."""
    page.goto(f"{base_url}{NIGHT}{query}", wait_until="domcontentloaded")
    phone = page.viewport_size["width"] < 760
    wait_for_visible_or_error(page, HEADLINE if phone else HANDLE, PAGE_TIMEOUT_MS)
    page.locator(HEADLINE).wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)


def kernel_id(page) -> str:
    return page.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
    )


def slider_value(page) -> float:
    return float(page.locator(HANDLE).get_attribute("aria-valuenow"))


def move_slider(page) -> float:
    """One step right; waits until the headline (computed in the kernel) and the address
    bar (which holds the state) changed."""
    before = page.inner_text(HEADLINE)
    search = page.evaluate("location.search")
    handle = page.locator(HANDLE)
    handle.focus()
    handle.press("ArrowRight")
    wait_until_changed(page, HEADLINE, before)
    page.wait_for_function("(before) => location.search !== before", arg=search)
    return slider_value(page)


def wait_for_banner(page, state: str, timeout_ms: float = BANNER_WITHIN_MS):
    banner = page.locator(f"{BANNER}[data-state='{state}']")
    banner.wait_for(state="visible", timeout=timeout_ms)
    return banner


def assert_controls_disabled(page) -> None:
    """Greyed, inert (no focus, no pointer), so that the slider cannot pretend to work."""
    assert page.evaluate("document.getElementById('rendered_cells').inert") is True
    assert page.evaluate("document.body.classList.contains('explainer-page-down')")
    page.locator(HANDLE).focus()
    assert not page.evaluate(
        "document.activeElement && document.activeElement.matches('.noUi-handle')"
    ), "the slider's handle could still take the focus"


def assert_banner_text(page, state: str, lang: str) -> None:
    banner = page.locator(BANNER)
    assert banner.locator(".explainer-page-life-text").inner_text().strip() == locale_text(
        f"page_life_{state}", lang
    )
    assert banner.locator("button").inner_text().strip() == locale_text("page_life_reload", lang)


def reload_from_banner_keeps_state(page, url: str, value: float) -> None:
    """The Reload button reloads the address bar's URL, which holds the state."""
    with page.expect_navigation(wait_until="domcontentloaded", timeout=PAGE_TIMEOUT_MS):
        page.locator(f"{BANNER} button").click()
    wait_for_visible_or_error(page, HANDLE, PAGE_TIMEOUT_MS)
    assert page.url == url
    assert slider_value(page) == value
    assert not page.locator(BANNER).is_visible()


def delete_kernel(base_url: str, kid: str) -> int:
    """Shut a kernel down through the server's REST API (tornado's double-submit XSRF check:
    the ``_xsrf`` cookie and the ``X-XSRFToken`` header carry the same value)."""
    request = urllib.request.Request(
        f"{base_url}/api/kernels/{kid}",
        method="DELETE",
        headers={"Cookie": "_xsrf=pagelife", "X-XSRFToken": "pagelife"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status


def kernel_pid(server: VoilaServer, kid: str) -> int:
    """The process of kernel ``kid`` (its connection file is named after its id)."""
    for pid in server.kernel_pids():
        with contextlib.suppress(OSError):
            if kid.encode() in Path(f"/proc/{pid}/cmdline").read_bytes():
                return pid
    raise AssertionError(f"no process for kernel {kid}")


def test_kernel_shut_down_through_the_api(page, voila_server):
    """The culler and the REST API end a kernel without closing the page's websocket."""
    base = voila_server.base_url
    open_night(page, base, "?lang=en&n_apps=9")
    value = move_slider(page)
    url = page.url
    assert "n_apps=10" in url, f"the address bar does not hold the state: {url}"

    assert delete_kernel(base, kernel_id(page)) == 204
    wait_for_banner(page, "gone")
    assert_banner_text(page, "gone", "en")
    assert_controls_disabled(page)
    reload_from_banner_keeps_state(page, url, value)


def test_killed_kernel_restarted_empty(page, voila_server):
    """A killed kernel is restarted by the server, empty: the page's widgets are gone."""
    open_night(page, voila_server.base_url, "?n_apps=5")
    value = move_slider(page)
    url = page.url
    os.kill(kernel_pid(voila_server, kernel_id(page)), signal.SIGKILL)
    wait_for_banner(page, "gone")
    assert_banner_text(page, "gone", "zh")  # no lang= in the link: the page is Chinese
    assert_controls_disabled(page)
    reload_from_banner_keeps_state(page, url, value)


def test_language_switched_in_the_page_is_the_banner_language(page, voila_server):
    """The page's language is the toggle's state, not only the link it was opened with."""
    open_night(page, voila_server.base_url, "?lang=en")
    page.locator(".explainer-language button", has_text="中文").click()
    page.wait_for_function("!/[?&]lang=en/.test(location.search)")
    delete_kernel(voila_server.base_url, kernel_id(page))
    wait_for_banner(page, "gone")
    assert_banner_text(page, "gone", "zh")


@pytest.fixture
def own_server():
    """A server of this test's own, which the test may stop and start again."""
    servers: list[VoilaServer] = []

    def start(port: int | None = None) -> VoilaServer:
        server = VoilaServer(
            log_path=ARTIFACTS / f"voila-pagelife-{len(servers)}.log",
            port=port or free_port(),
            extra_args=ONLY_NIGHT_PREHEATED,  # the test opens the night page alone
        )
        servers.append(server)
        return server.start(ready_timeout=120)

    yield start
    for server in servers:
        server.stop(grace=20)


def test_server_restarted_on_the_same_port(page, own_server):
    first = own_server()
    open_night(page, first.base_url, "?lang=en&n_apps=3")
    value = move_slider(page)
    url = page.url
    first.stop(grace=20)
    wait_for_banner(page, "lost")
    assert_banner_text(page, "lost", "en")
    assert_controls_disabled(page)

    own_server(first.port)  # the kernel the page knew does not exist on the new server
    wait_for_banner(page, "gone", timeout_ms=15_000)
    assert_banner_text(page, "gone", "en")
    reload_from_banner_keeps_state(page, url, value)


class CuttableProxy:
    """A TCP proxy on loopback whose connections can be cut, to drop a page's network."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.down = threading.Event()
        self.lock = threading.Lock()
        self.sockets: set[socket.socket] = set()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.down.is_set():
                client.close()  # refused while the network is "down"
                continue
            try:
                server = socket.create_connection(self.upstream)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets.update((client, server))
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        for sock in (source, sink):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        """Drop every open connection and refuse new ones until :meth:`restore`."""
        self.down.set()
        with self.lock:
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            self.sockets.clear()

    def restore(self) -> None:
        self.down.clear()

    def close(self) -> None:
        self.cut()
        self.listener.close()


def test_short_network_drop_resumes_without_reload(page, voila_server):
    proxy = CuttableProxy(voila_server.port)
    try:
        base = f"http://127.0.0.1:{proxy.port}"
        open_night(page, base, "?lang=en")
        page.evaluate("window.__pagelifeMarker = 'same page'")
        proxy.cut()
        wait_for_banner(page, "lost")
        assert_banner_text(page, "lost", "en")
        assert_controls_disabled(page)
        time.sleep(3)
        proxy.restore()
        # @jupyterlab/services retries with a growing delay (about 1, 2, 4 s ...).
        page.locator(BANNER).wait_for(state="hidden", timeout=30_000)
        assert page.evaluate("window.__pagelifeMarker") == "same page", "the page reloaded"
        assert page.evaluate("document.getElementById('rendered_cells').inert") is False
        move_slider(page)  # the kernel answers again: the headline changes
    finally:
        proxy.close()


@pytest.mark.parametrize("size", [(390, 844), (1280, 800), (1920, 1080)])
def test_banner_screenshots(page, voila_server, size):
    """PNGs of the banner for a person to look at (and a check that it fits the width)."""
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    lang = "zh" if width == 390 else "en"
    open_night(page, voila_server.base_url, f"?lang={lang}")
    delete_kernel(voila_server.base_url, kernel_id(page))
    banner = wait_for_banner(page, "gone")
    box = banner.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5
    button = banner.locator("button").bounding_box()
    assert button["x"] + button["width"] <= width + 0.5 and button["y"] >= 0
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"banner-{lang}-{width}x{height}.png"))

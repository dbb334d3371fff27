"""What the serving layer (explainer.serving.serve, explainer.serving.guard) refuses, against a
real server.

Issue 11, each test failing on the configuration before it:

- ``?theme=`` / ``?template=`` never run a script (Chromium, every dashboard; the Binder and
  hub routes in test_binder.py) and no longer bypass the preheated pool;
- malformed kernel websocket frames (the 24-byte one claiming 60 million parts, the older
  protocol's 50 million buffers) close their socket while the server keeps answering without a
  stall (judged against this run's own answers: ``stall_bound``) and its memory stays put;
  a frame fuzzer (150 frames on both protocols, loopback only, at most 60 s) finds no frame
  that stalls the server, raises in it, or reaches the kernel malformed;
- a foreign ``Host`` gets 403 (DNS rebinding), a 100 kB URL the bilingual 414 page,
  ``/logout`` and malformed template paths a clean 404 instead of voila's 500.

The page-load limit and the release of kernels whose page never connected are in
test_serving.py (they need servers of their own).
"""

from __future__ import annotations

import contextlib
import json
import random
import re
import struct
import time
import uuid
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import websocket
from e2e_support import REPO, error_text_in, http_get
from test_security import (
    WS_PROTOCOL,
    KernelSocket,
    open_page,
    raw_get,
    release,
    visible_text,
)

# ---------------------------------------------------------------------- issue 11: the URL
DASHBOARDS = sorted(path.stem for path in (REPO / "notebooks").glob("*.ipynb"))
#: (key, value): each sets window.__pwned and opens a dialog if its markup ever runs. The
#: first is issue 11's link; the second breaks out of the attribute differently.
INJECTIONS = [
    ("theme", '"><script>window.__pwned=1;alert(1)</script>'),
    ("template", '\'><img src=x onerror="window.__pwned=1;alert(2)">'),
]


def pool_takes(server) -> int:
    return server.count_log(r"Using pre-heated kernel")


def pool_fills(server, name: str) -> int:
    return server.count_log(rf"Kernel pool of {name}\.ipynb is filled")


@pytest.mark.parametrize("name", DASHBOARDS)
def test_theme_and_template_in_the_url_run_no_script_and_use_the_pool(
    page, voila_server, base_url, name
) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    filled_before = 0
    for key, payload in INJECTIONS:
        deadline = time.monotonic() + 90  # the pool of this page refills between loads
        while (filled := pool_fills(voila_server, name)) <= filled_before:
            assert time.monotonic() < deadline, "the pool did not refill"
            time.sleep(0.2)
        filled_before = filled
        before = pool_takes(voila_server)
        page.goto(
            f"{base_url}/voila/render/{name}.ipynb?{key}={quote(payload, safe='')}&lang=en",
            wait_until="domcontentloaded",
        )
        page.locator(".explainer-title").first.wait_for(state="visible", timeout=120_000)
        page.wait_for_timeout(500)
        assert page.evaluate("window.__pwned") is None, f"{key}={payload!r} ran on {name}"
        assert not dialogs, f"{key}={payload!r} opened a dialog on {name}: {dialogs}"
        assert payload not in page.content()
        assert pool_takes(voila_server) == before + 1, f"{key}= bypassed the pool of {name}"


# ---------------------------------------------------------------------- issue 11: frames
def server_rss_mb(server) -> float:
    status = Path(f"/proc/{server.proc.pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024


def worst_answer_while(base_url: str, seconds: float) -> float:
    """Slowest answer of a static file, asked every 50 ms for ``seconds``."""
    worst, deadline = 0.0, time.monotonic() + seconds
    while time.monotonic() < deadline:
        t0 = time.monotonic()
        status, _ = http_get(f"{base_url}/voila/static/voila.js", timeout=60)
        assert status == 200
        worst = max(worst, time.monotonic() - t0)
        time.sleep(0.05)
    return worst


# A frame the guard let through stalls the server for minutes, not seconds: jupyter_server's
# v1 deserializer parses the claimed offsets in a Python loop (6 million took 13 s on a loaded
# CI-sized machine; the malformed frame below claims 60 million, the fuzzer up to 2**64).
# "No stall" is therefore judged against this run's own answers, not a fixed second: an answer
# counts as a stall beyond STALL_FACTOR times the slowest answer of the same file in the second
# before the frame, and never below STALL_FLOOR_S (a loaded 2-core machine answered in 1.5 s
# once, against a fixed bound of 1 s, with no frame at fault).
STALL_FACTOR = 5
STALL_FLOOR_S = 3.0


def stall_bound(base_url: str) -> float:
    """Seconds beyond which an answer of the static file counts as a stall, from this run's
    reference (:data:`STALL_FACTOR`, :data:`STALL_FLOOR_S`)."""
    return max(STALL_FLOOR_S, STALL_FACTOR * worst_answer_while(base_url, 1))


def raw_socket(base_url: str, kernel_id: str, v1: bool = True) -> websocket.WebSocket:
    url = base_url.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels"
    return websocket.create_connection(
        f"{url}?session_id={uuid.uuid4().hex}",
        subprotocols=[WS_PROTOCOL] if v1 else None,
        origin=base_url,
        timeout=10,
    )


def closed_by_server(ws: websocket.WebSocket, seconds: float = 5) -> bool:
    ws.settimeout(seconds)
    try:
        while True:
            opcode, _ = ws.recv_data(control_frame=True)
            if opcode == websocket.ABNF.OPCODE_CLOSE:
                return True
    except (websocket.WebSocketConnectionClosedException, ConnectionError, OSError):
        return True
    except websocket.WebSocketTimeoutException:
        return False


MALFORMED = {
    "v1, 24 bytes claiming 60 million parts": (
        True,
        (60_000_000).to_bytes(8, "little") + (24).to_bytes(8, "little") * 2,
    ),
    "older protocol, 50 million buffers": (False, struct.pack("!i", 50_000_000) + b"\0" * 20),
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_a_malformed_frame_closes_its_socket_and_stalls_nothing(
    voila_server, base_url, name
) -> None:
    v1, frame = MALFORMED[name]
    status, _, kernel_id = open_page(base_url)
    assert status == 200 and kernel_id
    rss = server_rss_mb(voila_server)
    try:
        ws = raw_socket(base_url, kernel_id, v1=v1)
        bound = stall_bound(base_url)
        ws.send_binary(frame)
        worst = worst_answer_while(base_url, 3)
        assert worst < bound, f"the server took {worst:.1f} s to answer after the frame"
        assert closed_by_server(ws), "the socket that sent the frame stays open"
        assert server_rss_mb(voila_server) - rss < 100, "the server's memory grew"
        assert "malformed frame" in voila_server.log_text()
        sock = KernelSocket(base_url, kernel_id)  # the page can connect again
        try:
            ping = sock.send("kernel_info_request", {})
            assert sock.replies_to(ping, 60, until="kernel_info_reply")
        finally:
            sock.close()
    finally:
        release(base_url, kernel_id)


def fuzz_frame(rng: random.Random, v1: bool) -> bytes | str:
    """A hostile frame: valid-looking headers with wrong counts, offsets or sizes."""
    from jupyter_server.services.kernels.connection.base import serialize_msg_to_ws_v1

    # A fresh msg_id each time: the kernel refuses a replayed signature ("Duplicate Signature").
    msg_id = f"{rng.random()}"
    header = {"msg_id": msg_id, "msg_type": "comm_info_request", "session": "s", "date": ""}
    parts = [json.dumps(p).encode() for p in (header, {}, {}, {})]
    good = bytearray(serialize_msg_to_ws_v1(parts, "shell"))
    kind = rng.randrange(6)
    if kind == 0:  # a huge or odd count in the first 8 (v1) or 4 bytes (older)
        count = rng.choice([0, 1, 3, 65, 2**31 - 1, 2**40, 2**63, rng.randrange(2**64)])
        head = count.to_bytes(8, "little") if v1 else struct.pack("!I", count % 2**32)
        return head + bytes(rng.randrange(256) for _ in range(rng.randrange(40)))
    if kind == 1:  # a good frame with bytes overwritten
        for _ in range(rng.randrange(1, 5)):
            good[rng.randrange(len(good))] = rng.randrange(256)
        return bytes(good)
    if kind == 2:  # truncated
        return bytes(good[: rng.randrange(len(good))])
    if kind == 3:  # random bytes
        return bytes(rng.randrange(256) for _ in range(rng.randrange(64)))
    if kind == 4:  # text
        return rng.choice(["", "{", "[]", "null", '{"channel": 1}', "x" * 1000])
    return bytes(good)  # well formed: must pass


def test_fuzzed_frames_never_stall_or_break_the_server(voila_server, base_url) -> None:
    """150 frames on both protocols, loopback only, at most 60 s: the server answers without a
    stall throughout (:func:`stall_bound`), logs no uncaught exception, and the page can still
    reach its kernel."""
    rng = random.Random(11)
    status, _, kernel_id = open_page(base_url)
    assert status == 200 and kernel_id
    log_start = len(voila_server.log_text())
    rss = server_rss_mb(voila_server)
    bound = stall_bound(base_url)
    deadline, sent, ws = time.monotonic() + 60, 0, None
    try:
        while sent < 150 and time.monotonic() < deadline:
            v1 = sent % 3 != 2
            if ws is None or not ws.connected:
                ws = raw_socket(base_url, kernel_id, v1=v1)
            frame = fuzz_frame(rng, v1)
            with contextlib.suppress(websocket.WebSocketException, OSError):
                if isinstance(frame, str):
                    ws.send(frame)
                else:
                    ws.send_binary(frame)
            sent += 1
            if sent % 10 == 0:
                t0 = time.monotonic()
                assert http_get(f"{base_url}/voila/static/voila.js", timeout=60)[0] == 200
                took = time.monotonic() - t0
                assert took < bound, f"a stall of {took:.1f} s after {sent} frames"
                with contextlib.suppress(Exception):
                    ws.close()
                ws = None
        assert sent >= 100, f"only {sent} frames in 60 s"
        log = voila_server.log_text()[log_start:]
        # Nothing raised in the server, and no malformed message reached the kernel.
        for sign in ("Uncaught exception", "Invalid message", "[ExplainerVoila] ERROR"):
            assert sign not in log, log[log.index(sign) - 500 : log.index(sign) + 2500]
        assert server_rss_mb(voila_server) - rss < 150
        sock = KernelSocket(base_url, kernel_id)
        try:
            ping = sock.send("kernel_info_request", {})
            assert sock.replies_to(ping, 60, until="kernel_info_reply")
        finally:
            sock.close()
    finally:
        if ws is not None:
            with contextlib.suppress(Exception):
                ws.close()
        release(base_url, kernel_id)


# ---------------------------------------------------------------------- issue 11: requests
def assert_bilingual_refusal(body: str) -> None:
    assert 'class="explainer-refused"' in body
    assert 'lang="zh"' in body and 'lang="en"' in body
    assert "Traceback" not in body and not error_text_in(visible_text(body))


@pytest.mark.parametrize(
    "path", ["/", "/voila/tree", "/voila/render/night.ipynb", "/voila/static/voila.js"]
)
def test_a_foreign_host_name_is_refused(base_url, path) -> None:
    """DNS rebinding: a page on evil.example whose name now points at 127.0.0.1."""
    for host in ("evil.example", "evil.example:80", f"evil.example:{urlsplit(base_url).port}"):
        status, body = raw_get(base_url, path, {"Host": host})
        assert status == 403, (host, path, status)
        assert_bilingual_refusal(body)
    status, _ = raw_get(base_url, "/voila/static/voila.js", {"Host": "localhost"})
    assert status == 200


def test_a_foreign_host_cannot_open_a_kernel_websocket(base_url) -> None:
    status, _, kernel_id = open_page(base_url)
    try:
        url = base_url.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels"
        with pytest.raises(websocket.WebSocketBadStatusException) as refused:
            websocket.create_connection(
                url, host="evil.example", origin="http://evil.example", timeout=10
            )
        assert refused.value.status_code == 403
    finally:
        release(base_url, kernel_id)


def test_a_100_kb_url_gets_the_414_page(base_url) -> None:
    status, body = raw_get(base_url, "/voila/render/night.ipynb?n_apps=" + "9" * 100_000)
    assert status == 414
    assert_bilingual_refusal(body)
    assert "8192" in body


@pytest.mark.parametrize(
    "path",
    [
        "/logout",
        "/voila/templates/",
        "/voila/templates/x",
        "/voila/templates/lab",
        "/voila/templates/lab/static/",
        "/voila/templates/%00",
    ],
)
def test_paths_that_answered_500_get_a_clean_404(base_url, path) -> None:
    status, body = raw_get(base_url, path)
    assert status == 404, f"{path} answered {status}"
    assert_bilingual_refusal(body)


def test_an_oversized_frame_closes_its_socket(voila_server, base_url) -> None:
    """tornado's websocket_max_message_size is set from max_message_bytes (8 MiB): tornado
    itself drops a 9 MiB frame (its default, 10 MiB, would have handed it to the connection
    class, whose own check would then have logged the closing)."""
    status, _, kernel_id = open_page(base_url)
    assert status == 200 and kernel_id
    try:
        ws = raw_socket(base_url, kernel_id)
        bound = stall_bound(base_url)
        with contextlib.suppress(websocket.WebSocketException, OSError):
            ws.send_binary(b"\0" * (9 * 1024 * 1024))
        assert closed_by_server(ws, seconds=15), "a 9 MiB frame was accepted"
        assert worst_answer_while(base_url, 1) < bound
        closed_by_us = f"kernel websocket of kernel {kernel_id} closed"
        assert closed_by_us not in voila_server.log_text(), "tornado's limit is not set"
    finally:
        release(base_url, kernel_id)

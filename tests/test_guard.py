"""explainer.serving.guard in-process: frame checks (with a frame fuzzer), request checks, pages.

The running servers are driven in tests/e2e/test_security.py and tests/e2e/test_serving.py;
here each check is fed the inputs that broke voila 0.5.13 / jupyter_server 2.x (issue 11)
and generated ones, without a server.
"""

from __future__ import annotations

import contextlib
import json
import struct
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jupyter_server.services.kernels.connection.base import (
    deserialize_binary_message,
    deserialize_msg_from_ws_v1,
    serialize_binary_message,
    serialize_msg_to_ws_v1,
)
from tornado.httputil import HTTPHeaders, HTTPServerRequest, RequestStartLine

from explainer.serving.guard import V1_PROTOCOL, RequestGuard, frame_problem, refusal_page

MAX_BYTES, MAX_PARTS = 8 * 1024 * 1024, 64


def v1_frame(n_buffers: int = 0, channel: str = "shell") -> bytes:
    header = {"msg_id": "1", "msg_type": "comm_msg", "session": "s", "username": "", "date": ""}
    parts = [json.dumps(p).encode() for p in (header, {}, {}, {"data": {}})]
    return serialize_msg_to_ws_v1(parts + [b"x" * 10] * n_buffers, channel)


def legacy_frame(n_buffers: int = 0) -> bytes:
    msg = {"header": {"msg_type": "comm_msg"}, "parent_header": {}, "content": {}}
    return serialize_binary_message({**msg, "buffers": [b"y" * 5] * n_buffers})


# ---------------------------------------------------------------------- frames
def test_well_formed_frames_pass() -> None:
    for n in (0, 1, MAX_PARTS - 4):
        assert frame_problem(v1_frame(n), V1_PROTOCOL, MAX_BYTES, MAX_PARTS) is None
    for n in (0, 1, MAX_PARTS - 1):
        assert frame_problem(legacy_frame(n), None, MAX_BYTES, MAX_PARTS) is None
    assert frame_problem(json.dumps({"header": {}}), None, MAX_BYTES, MAX_PARTS) is None


def test_the_frames_of_issue_11_are_refused_at_once() -> None:
    """24 bytes claiming 60 million parts (v1); 50 million buffers (older protocol)."""
    v1 = (60_000_000).to_bytes(8, "little") + (24).to_bytes(8, "little") * 2
    legacy = struct.pack("!i", 50_000_000) + b"\0" * 20
    t0 = time.perf_counter()
    assert "message parts" in frame_problem(v1, V1_PROTOCOL, MAX_BYTES, MAX_PARTS)
    assert "buffers" in frame_problem(legacy, None, MAX_BYTES, MAX_PARTS)
    assert time.perf_counter() - t0 < 0.01


@pytest.mark.parametrize(
    ("frame", "protocol", "why"),
    [
        (b"\x00" * 3, V1_PROTOCOL, "shorter"),
        ("text", V1_PROTOCOL, "text frame"),
        (v1_frame(MAX_PARTS - 3), V1_PROTOCOL, "message parts"),
        ((6).to_bytes(8, "little") + b"\0" * 10, V1_PROTOCOL, "offset table"),
        (v1_frame()[:-5], V1_PROTOCOL, "outside"),
        (legacy_frame(MAX_PARTS), None, "buffers"),
        (struct.pack("!i", -1), None, "buffers"),
        (struct.pack("!iI", 1, 10**9), None, "outside"),
        ("[1, 2]", None, "not an object"),
        ("{" * 100_000, None, "not valid JSON"),
        ('{"content": {}}', None, "no header"),
        (v1_frame().replace(b'"msg_id"', b'"msg_id\x00'), V1_PROTOCOL, "not valid JSON"),
        (b"\0" * (MAX_BYTES + 1), V1_PROTOCOL, "over the limit"),
    ],
)
def test_malformed_frames_are_refused(frame, protocol, why) -> None:
    problem = frame_problem(frame, protocol, MAX_BYTES, MAX_PARTS)
    assert problem is not None and why in problem, problem


def _v1_mutant(draw) -> bytes:
    frame = bytearray(draw(st.sampled_from([v1_frame(0), v1_frame(2), v1_frame(7)])))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(frame) - 1))
        width = draw(st.sampled_from([1, 8]))
        value = draw(st.integers(0, 2**64 - 1 if width == 8 else 255))
        frame[at : at + width] = value.to_bytes(8, "little")[:width]
    return bytes(frame[: draw(st.integers(0, len(frame)))])


v1_frames = st.one_of(
    st.composite(_v1_mutant)(),
    st.binary(max_size=64),
    st.builds(
        lambda n, rest: n.to_bytes(8, "little") + rest,
        st.integers(0, 2**64 - 1),
        st.binary(max_size=48),
    ),
)
legacy_frames = st.one_of(
    st.binary(max_size=64),
    st.builds(
        lambda n, rest: struct.pack("!i", n) + rest,
        st.integers(-(2**31), 2**31 - 1),
        st.binary(max_size=48),
    ),
)


@settings(max_examples=600, deadline=None)
@given(frame=v1_frames)
def test_fuzzed_v1_frames_are_refused_or_parse_quickly(frame: bytes) -> None:
    """Whatever a frame claims, the check is cheap, and a frame it lets through is one that
    jupyter_server's own parser reads within the part limit and without raising."""
    t0 = time.perf_counter()
    problem = frame_problem(frame, V1_PROTOCOL, MAX_BYTES, MAX_PARTS)
    assert time.perf_counter() - t0 < 0.05
    if problem is None:
        channel, parts = deserialize_msg_from_ws_v1(frame)
        assert 4 <= len(parts) <= MAX_PARTS
        assert isinstance(channel, str)


@settings(max_examples=600, deadline=None)
@given(frame=legacy_frames)
def test_fuzzed_legacy_frames_are_refused_or_parse_quickly(frame: bytes) -> None:
    t0 = time.perf_counter()
    problem = frame_problem(frame, None, MAX_BYTES, MAX_PARTS)
    assert time.perf_counter() - t0 < 0.05
    if problem is None:
        # The parser may still reject the JSON part: the connection catches that.
        with contextlib.suppress(ValueError, KeyError, TypeError, UnicodeDecodeError):
            deserialize_binary_message(frame)


# ---------------------------------------------------------------------- requests
def request(uri: str, host: str = "127.0.0.1:8866", method: str = "GET", ip: str = "10.0.0.5"):
    line = RequestStartLine(method, uri, "HTTP/1.1")
    req = HTTPServerRequest(start_line=line, headers=HTTPHeaders({"Host": host}))
    req.remote_ip = ip
    return req


def guard(listen_ip: str = "127.0.0.1", **traits) -> RequestGuard:
    return RequestGuard(standalone=True, listen_ip=listen_ip, **traits)


@pytest.mark.parametrize(
    "host", ["127.0.0.1:8866", "localhost:8866", "[::1]:8866", "LOCALHOST", "127.0.0.1"]
)
def test_app_mode_answers_loopback_names(host) -> None:
    assert guard().check(request("/voila/static/voila.js", host)) is None


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8866", "127.0.0.1.evil.example", "192.168.1.20:8866"]
)
def test_app_mode_refuses_other_hosts(host) -> None:
    refusal = guard().check(request("/voila/static/voila.js", host))
    assert refusal is not None and refusal[0] == 403


def test_workshop_mode_answers_the_machines_names_and_configured_ones() -> None:
    import socket

    g = guard("0.0.0.0", allowed_hosts=["explainer.school.example"])
    for host in (socket.gethostname(), "explainer.school.example:8866", "127.0.0.1"):
        assert g.check(request("/", host)) is None, host
    assert g.check(request("/", "evil.example"))[0] == 403
    assert guard(allowed_hosts=["*"]).check(request("/", "anything.example")) is None


def test_an_over_long_url_gets_414() -> None:
    g = guard()
    assert g.check(request("/voila/render/night.ipynb?n=" + "1" * 8000)) is None
    status, key, values, _ = g.check(request("/voila/render/night.ipynb?n=" + "1" * 100_000))
    assert (status, key, values) == (414, "url", {"limit": 8192})


@pytest.mark.parametrize(
    "path",
    [
        "/logout",
        "/logout/",
        "/voila/templates/",
        "/voila/templates/x",
        "/voila/templates/lab",
        "/voila/templates/lab/static/",
        "/voila/templates/lab/other/x.css",
        "/voila/templates/lab/static/../../../../etc/passwd",
        "/voila/templates/explainer/static/..%2f..%2f..%2fetc%2fpasswd",
        "/voila/templates/%2e%2e/static/x.css",
    ],
)
def test_paths_that_answered_500_get_404(path) -> None:
    assert guard().check(request(path))[0] == 404


def test_template_static_files_still_pass() -> None:
    assert guard().check(request("/voila/templates/explainer/static/voila.js")) is None


def test_theme_and_template_are_dropped_from_page_loads() -> None:
    req = request("/voila/render/night.ipynb?theme=%22%3E%3Cscript%3E&n_apps=3&template=x&lang=en")
    assert guard().check(req) is None
    assert req.query == "n_apps=3&lang=en"
    assert req.uri == "/voila/render/night.ipynb?n_apps=3&lang=en"
    assert "theme" not in req.query_arguments and "template" not in req.arguments
    tree = request("/voila/tree?classic-tree=false")
    guard().check(tree)
    assert tree.query == "" and tree.uri == "/voila/tree"


def test_page_loads_are_rate_limited_per_address() -> None:
    g = guard(page_load_burst=3, page_loads_per_minute=6)
    statuses = [g.check(request("/voila/render/a.ipynb", ip="10.0.0.1")) for _ in range(5)]
    assert statuses[:3] == [None, None, None]
    status, key, values, headers = statuses[3]
    assert status == 429 and key == "rate" and 1 <= values["seconds"] <= 10
    assert headers["Retry-After"] == str(values["seconds"])
    assert g.check(request("/voila/render/a.ipynb", ip="10.0.0.2")) is None  # another address
    assert g.check(request("/voila/static/voila.js", ip="10.0.0.1")) is None  # not a page load
    assert guard(page_load_burst=0).check(request("/voila/render/a.ipynb")) is None


def test_the_rate_limit_remembers_a_bounded_number_of_addresses() -> None:
    g = guard(tracked_addresses=100)
    for i in range(1000):
        g.check(request("/voila/render/a.ipynb", ip=f"10.0.{i // 256}.{i % 256}"))
    assert len(g.buckets.state) == 100


@pytest.mark.parametrize("key", ["host", "url", "rate", "not_found"])
def test_refusal_pages_are_bilingual_and_escaped(key) -> None:
    page = refusal_page(key, limit="<b>", seconds="<script>")
    assert 'lang="zh"' in page and 'lang="en"' in page
    assert "<script>" not in page and "<b>" not in page
    assert "Traceback" not in page and "Error" not in page

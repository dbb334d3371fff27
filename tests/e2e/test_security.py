"""What a hostile visitor can and cannot do to the server that ``make app`` runs.

- A page's kernel websocket takes only the message types Voila allows (comm and kernel-info
  traffic); a raw ``execute_request`` sent over it is dropped by jupyter_server and never
  reaches the kernel.
- Nothing outside ``notebooks/`` is served, whatever the path spelling, and neither are the
  notebooks' sources; Jupyter's own file, tree and kernel-listing routes do not exist.
- The unload beacon's XSRF check stays meaningful with the template's cookie fix: a request
  without the cookie, with a mismatched field or from a foreign origin is refused.
- The URL query is fuzzed in two layers, because a real page load costs a kernel run
  (seconds) while the query handling itself costs milliseconds:
  1. in-process, on every page: the URL -> state parser (``state_from_query``, a pure
     function) for 1,200 hostile queries never raises, gives a valid state in which a
     visitor's own text can only be in ``problems`` (scenario validated, language, preset and
     extra ids among the declared ones), and the message that shows those problems is
     bounded and escaped; the whole ``Dashboard.apply_query`` (parser plus rendering of
     every widget, 100 times slower) for 200 of them: it shows exactly the parsed state,
     and no widget of the page carries visitor markup;
  2. 10 queries through the running server (preheated kernels: the query reaches the kernel
     through ``voila.utils.get_query_string``): no traceback or error text in the page, and
     the server keeps serving. Two of them carry every key that Voila, jupyter_server and
     tornado read from a query themselves (``theme``, ``template``, ``classic-tree``, ...),
     each with hostile markup, encoded and as typed; 8 are drawn like the ones above.

The serving layer's own checks (issue 11: Host, URL length, theme/template, websocket
frames) are tested in test_security_server.py.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import re
import secrets
import time
import uuid
from urllib.parse import quote, urlsplit

import pytest
import websocket  # websocket-client, a dependency of jupyter_server
from e2e_support import REPO, error_text_in, http_get
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from strategies import assert_clean_message

from explainer.core.spec import registry

WS_PROTOCOL = "v1.kernel.websocket.jupyter.org"


# ---------------------------------------------------------------------- helpers
def raw_get(base_url: str, path: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    """GET ``path`` byte for byte (no client-side normalisation of ``..`` or ``%2e``)."""
    parts = urlsplit(base_url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    try:
        skip_host = any(key.lower() == "host" for key in headers or {})
        conn.putrequest("GET", path, skip_host=skip_host, skip_accept_encoding=True)
        for key, value in (headers or {}).items():
            conn.putheader(key, value)
        conn.endheaders()
        resp = conn.getresponse()
        return resp.status, resp.read().decode("utf-8", errors="replace")
    finally:
        conn.close()


def post_form(
    base_url: str, path: str, form: dict[str, str], headers: dict[str, str]
) -> tuple[int, str]:
    parts = urlsplit(base_url)
    body = "&".join(f"{quote(k)}={quote(v)}" for k, v in form.items())
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        conn.request(
            "POST",
            path,
            body=body,
            headers={"Content-Type": "application/x-www-form-urlencoded", **headers},
        )
        resp = conn.getresponse()
        return resp.status, resp.read().decode("utf-8", errors="replace")
    finally:
        conn.close()


def open_page(base_url: str, query: str = "") -> tuple[int, str, str | None]:
    """Load the night page over HTTP: (status, HTML, kernel id)."""
    status, body = raw_get(base_url, "/voila/render/night.ipynb" + (f"?{query}" if query else ""))
    found = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', body)
    return status, body, found.group(1) if found else None


def release(base_url: str, kernel_id: str | None) -> None:
    """Voila's unload beacon, as the page sends it (double-submit ``_xsrf``)."""
    if kernel_id:
        token = secrets.token_hex(16)
        post_form(
            base_url,
            f"/voila/api/shutdown/{kernel_id}",
            {"_xsrf": token},
            {"Cookie": f"_xsrf={token}", "Origin": base_url},
        )


def visible_text(html: str) -> str:
    """The page as a visitor reads it: no scripts, styles or tags."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S | re.I)
    return re.sub(r"<[^>]+>", " ", html)


def kernel_alive(base_url: str, kernel_id: str) -> bool:
    status, _ = raw_get(base_url, f"/api/kernels/{kernel_id}")
    return status == 200


class KernelSocket:
    """The page's kernel websocket, spoken as JupyterLab's services speak it (v1 binary)."""

    def __init__(self, base_url: str, kernel_id: str) -> None:
        self.session = uuid.uuid4().hex
        url = base_url.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels"
        self.ws = websocket.create_connection(
            f"{url}?session_id={self.session}",
            subprotocols=[WS_PROTOCOL],
            origin=base_url,
            timeout=60,
        )

    def send(self, msg_type: str, content: dict, channel: str = "shell") -> str:
        from jupyter_server.services.kernels.connection.base import serialize_msg_to_ws_v1

        msg_id = uuid.uuid4().hex
        header = {
            "msg_id": msg_id,
            "msg_type": msg_type,
            "username": "visitor",
            "session": self.session,
            "date": "",
            "version": "5.3",
        }
        parts = [json.dumps(part).encode() for part in (header, {}, {}, content)]
        self.ws.send_binary(serialize_msg_to_ws_v1(parts, channel))
        return msg_id

    def replies_to(self, msg_id: str, seconds: float, until: str = "") -> list[dict]:
        """Messages whose parent is ``msg_id`` arriving within ``seconds`` (stop at ``until``)."""
        from jupyter_server.services.kernels.connection.base import deserialize_msg_from_ws_v1

        found, deadline = [], time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            self.ws.settimeout(min(left, 1.0))
            try:
                data = self.ws.recv()
            except websocket.WebSocketTimeoutException:
                continue
            if not isinstance(data, bytes) or not data:
                continue
            _, parts = deserialize_msg_from_ws_v1(data)
            header, parent = json.loads(parts[0]), json.loads(parts[1])
            if parent.get("msg_id") == msg_id:
                found.append({"msg_type": header["msg_type"], "content": json.loads(parts[3])})
                if header["msg_type"] == until:
                    break
        return found

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.ws.close()


# ---------------------------------------------------------------------- the kernel socket
def test_a_raw_execute_request_over_the_kernel_websocket_is_not_run(
    voila_server, base_url, tmp_path
) -> None:
    marker = tmp_path / "executed.txt"
    code = f"open({str(marker)!r}, 'w').write('ran')"
    status, _, kernel_id = open_page(base_url)
    assert status == 200 and kernel_id, "the page did not load"
    sock = KernelSocket(base_url, kernel_id)
    try:
        attempts = {
            sock.send(
                "execute_request",
                {
                    "code": code,
                    "silent": False,
                    "store_history": False,
                    "user_expressions": {},
                    "allow_stdin": False,
                    "stop_on_error": True,
                },
            ): "shell",
            sock.send("execute_request", {"code": code, "silent": True}, channel="control"): "c",
            sock.send("inspect_request", {"code": code, "cursor_pos": 1}): "inspect",
            sock.send(
                "debug_request",
                {
                    "command": "evaluate",
                    "arguments": {"expression": code},
                    "seq": 1,
                    "type": "request",
                },
                channel="control",
            ): "d",
        }
        for msg_id in attempts:
            replies = sock.replies_to(msg_id, seconds=3)
            assert not replies, f"the kernel answered a forbidden request: {replies}"
        # The socket is live: an allowed request on it is answered.
        ping = sock.send("kernel_info_request", {})
        replies = sock.replies_to(ping, 60, until="kernel_info_reply")
        assert any(r["msg_type"] == "kernel_info_reply" for r in replies)
        time.sleep(1)
        assert not marker.exists(), "code sent over the page's websocket was executed"
        ignored = voila_server.log_text()  # the whole log: another run may have rotated it
        for msg_type in ("execute_request", "inspect_request", "debug_request"):
            assert f'Received message of type "{msg_type}", which is not allowed' in ignored
    finally:
        sock.close()
        release(base_url, kernel_id)


# ---------------------------------------------------------------------- paths
#: Text that only files outside notebooks/, or notebook sources, contain.
SECRETS = {
    "pyproject.toml": "[build-system]",
    "voila.json": '"preheat_kernel"',
    "README.md": "fingertip formalism, made visible",
    "/etc/passwd": "root:x:0:0",
    "notebook source": "dashboard.apply_query(page_query())",
    "model source": "def apply_query(self",
}

OUTSIDE = [
    "/voila/files/../pyproject.toml",
    "/voila/files/%2e%2e/pyproject.toml",
    "/voila/files/..%2fpyproject.toml",
    "/voila/files/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/voila/files//etc/passwd",
    "/voila/files/night.ipynb",
    "/voila/files/night.py",
    "/voila/files/guide/../../voila.json",
    "/voila/render/../pyproject.toml",
    "/voila/render/%2e%2e/README.md",
    "/voila/render/..%2fREADME.md",
    "/voila/render/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/voila/render//etc/passwd",
    "/voila/render/night.py",
    "/voila/tree/..",
    "/voila/tree/%2e%2e",
    "/voila/api/contents/..",
    "/voila/api/contents/%2e%2e",
    "/voila/api/contents/night.ipynb",
    "/voila/api/contents/night.ipynb?content=1&format=text",
    "/voila/static/../../../../../../etc/passwd",
    "/voila/static/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/voila/templates/lab/static/../../../../../../../../etc/passwd",
    "/voila/templates/explainer/static/..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/voila/labextensions/../../../../../../etc/passwd",
    "/tree",
    "/tree/..",
    "/lab",
    "/edit/night.ipynb",
    "/notebooks/night.ipynb",
    "/files/pyproject.toml",
    "/api/contents",
    "/api/contents/night.ipynb",
    "/api/kernels",
    "/api/sessions",
    "/api/terminals",
    "/terminals/1",
    "/api/kernelspecs",
    "/voila/render/night.ipynb/../../pyproject.toml",
]


@pytest.mark.parametrize("path", OUTSIDE)
def test_nothing_outside_notebooks_is_served(base_url, path) -> None:
    status, body = raw_get(base_url, path)
    leaked = [name for name, text in SECRETS.items() if text in body]
    assert not leaked, f"{path} answered {status} with the content of {leaked}"
    assert "Traceback" not in body, f"{path} shows a traceback"
    if path.startswith(("/voila/files", "/voila/static", "/voila/labext")):
        assert status in (403, 404), f"{path} answered {status}"
    if path.startswith(
        "/voila/templates"
    ):  # voila 0.5.13 answered 500: explainer.serving.guard 404s
        assert status in (403, 404), f"{path} answered {status}"
    if path.startswith(("/tree", "/lab", "/edit", "/notebooks", "/files", "/api/", "/term")):
        assert status == 404, f"{path} answered {status}: a Jupyter route is exposed"


def test_the_contents_api_lists_notebooks_only_without_their_source(base_url) -> None:
    status, body = raw_get(base_url, "/voila/api/contents")
    assert status == 200
    listing = json.loads(body)["content"]
    assert listing and all(item["type"] in ("notebook", "directory") for item in listing)
    status, body = raw_get(base_url, "/voila/api/contents/night.ipynb?content=1")
    assert status == 200 and json.loads(body)["content"] is None


def test_a_rendered_page_carries_no_source(base_url) -> None:
    status, html, kernel_id = open_page(base_url)
    try:
        assert status == 200
        source = (REPO / "notebooks" / "night.py").read_text(encoding="utf-8")
        for line in source.splitlines():
            if line.startswith(("from ", "dashboard")) and len(line) > 20:
                assert line not in html, f"the page shows the source line {line!r}"
    finally:
        release(base_url, kernel_id)


# ---------------------------------------------------------------------- the unload beacon
def test_the_unload_beacon_keeps_its_xsrf_check(base_url) -> None:
    """The template sets a random same-site ``_xsrf`` cookie (double submit): only a request
    carrying that cookie *and* the same value in its form, from this origin, is accepted."""
    status, _, kernel_id = open_page(base_url)
    assert status == 200 and kernel_id
    path = f"/voila/api/shutdown/{kernel_id}"
    token, other = secrets.token_hex(16), secrets.token_hex(16)
    try:
        refused = [
            ({"_xsrf": token}, {}),  # no cookie: a cross-site form cannot send ours
            ({"_xsrf": other}, {"Cookie": f"_xsrf={token}"}),  # field does not match
            ({}, {"Cookie": f"_xsrf={token}"}),  # no field
            # matching pair, but from another origin (even another port of this host)
            ({"_xsrf": token}, {"Cookie": f"_xsrf={token}", "Origin": "http://127.0.0.1:1"}),
            ({"_xsrf": token}, {"Cookie": f"_xsrf={token}", "Origin": "https://evil.example"}),
        ]
        for form, headers in refused:
            status, _ = post_form(base_url, path, form, headers)
            assert status in (403, 404), (form, headers, status)
            assert kernel_alive(base_url, kernel_id), (form, headers)
        status, _ = post_form(
            base_url, path, {"_xsrf": token}, {"Cookie": f"_xsrf={token}", "Origin": base_url}
        )
        assert status == 204
        deadline = time.monotonic() + 30
        while kernel_alive(base_url, kernel_id) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not kernel_alive(base_url, kernel_id), "the accepted beacon did not stop it"
        kernel_id = None
    finally:
        release(base_url, kernel_id)


# ---------------------------------------------------------------------- the URL query
PARAMS = sorted(registry().params)
#: Keys that Voila (theme, template, classic-tree, format, content), jupyter_server (token,
#: _xsrf, next, download, no_track_activity, session_id, password) read from a query.
SERVER_KEYS = [
    "template",
    "theme",
    "classic-tree",
    "format",
    "content",
    "token",
    "_xsrf",
    "next",
    "download",
    "no_track_activity",
    "session_id",
    "password",
]
KEYS = [*PARAMS, "preset", "lang", "reforms", *SERVER_KEYS, "", "x"]
HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"'><svg onload=alert(1)>",
    "{{7*7}}",
    "${7*7}",
    "__import__('os').system('id')",
    "../../etc/passwd",
    "nan",
    "inf",
    "-inf",
    "1e309",
    "-0",
    "0x10",
    "1_000",
    "９",
    "٣",
    "99999999999999999999999999",
    "-1",
    "true",
    "True",
    "yes",
    "25:00",
    "07:60",
    "24:00",
    "\x00",
    "\u202e",
    "%",
    "%zz",
    "&",
    "=",
    ";",
    "li_yi",
    "zh",
    "en",
    "",
]
values = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=30),
    st.integers(-(10**30), 10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
pairs = st.lists(st.tuples(st.sampled_from(KEYS) | st.text(max_size=12), values), max_size=8)


def encode(items: list[tuple[str, str]], raw: bool) -> str:
    if raw:  # unencoded: '&', '=', '%' and '#' stay as typed
        return "&".join(f"{k}={v}" for k, v in items)
    return "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in items)


queries = st.one_of(
    st.builds(encode, pairs, st.booleans()),
    st.text(max_size=80),
)
#: Markup a visitor's text could smuggle in; escaped text (&lt;img ...) does not match.
MARKUP = re.compile(r"<\s*(script|img|svg|iframe|object|embed)\b", re.I)


@pytest.fixture(scope="module")
def pages():
    from explainer.ui.fit import FitDashboard
    from explainer.ui.night import NightDashboard
    from explainer.ui.reforms import ReformsDashboard
    from explainer.ui.unit import UnitDashboard

    return [cls("en") for cls in (NightDashboard, UnitDashboard, FitDashboard, ReformsDashboard)]


def page_html(page) -> str:
    """Every HTML widget's markup in the page's widget tree (the visitor's browser renders it)."""
    import ipywidgets as W

    parts, todo = [], [page.widget]
    while todo:
        widget = todo.pop()
        if isinstance(widget, W.HTML) and isinstance(widget.value, str):
            parts.append(widget.value)
        todo.extend(getattr(widget, "children", None) or ())
    return "\n".join(parts)


@settings(
    max_examples=1200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=queries, which=st.integers(0, 3))
def test_any_query_parses_to_a_valid_state_and_an_escaped_message(
    pages, query: str, which: int
) -> None:
    """The parser alone (milliseconds): what the page will show for any query.

    The page renders its widgets from the state alone (``Dashboard.set_state``); every field
    but ``problems`` is checked here to hold only validated or declared values, and
    ``problems`` reach the page only through ``problems_html``, checked here on every example.
    """
    from explainer.ui.dashboard import problems_html
    from explainer.ui.state import CUSTOM, state_from_query

    page = pages[which]
    state = state_from_query(query, page.page, page.state)  # must not raise
    page.registry.scenario_type.model_validate(state.scenario.model_dump())  # still valid
    assert state.lang in ("zh", "en")
    assert state.preset == CUSTOM or state.preset in page.page.presets()
    for extra in page.page.extras:
        assert set(state.extra(extra.key)) <= set(extra.options()), query
    assert_clean_message(problems_html(state.problems, state.lang), query)


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=queries, which=st.integers(0, 3))
def test_apply_query_survives_any_query(pages, query: str, which: int) -> None:
    """The whole page (parser and rendering, about 0.1 s each): fewer examples."""
    from explainer.ui.dashboard import problems_html
    from explainer.ui.state import state_from_query

    page = pages[which]
    parsed = state_from_query(query, page.page, page.state)
    page.apply_query(query)  # must not raise
    assert page.state == parsed, "the page shows another state than the parser's"
    assert page.message.value == problems_html(page.state.problems, page.lang)
    page.registry.scenario_type.model_validate(page.scenario.model_dump())  # still valid
    assert page.lang in ("zh", "en")
    shown = page_html(page)
    assert not MARKUP.search(shown), f"visitor text reached the page unescaped: {query!r}"
    assert_clean_message(page.message.value, query)  # bounded, no Python text (issue 11)
    page.apply_query("lang=en")  # back to the defaults for the next example


#: Every key that the server reads itself, each with hostile markup, encoded and as typed:
#: drawn at random, 20 queries rarely held more than a few of them.
EVERY_SERVER_KEY = [
    encode([(key, HOSTILE[i % 3]) for i, key in enumerate(SERVER_KEYS)], raw)
    for raw in (False, True)
]


# Each query through the server costs a pooled kernel's pre-run of the night notebook
# (seconds of CPU); the in-process tests above run 1,200 and 200 queries through the same
# parser and page code. Here: the two queries above and 8 drawn ones (before: 20 drawn).
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=queries)
@example(query=EVERY_SERVER_KEY[0])
@example(query=EVERY_SERVER_KEY[1])
def test_fuzzed_queries_through_the_server(voila_server, base_url, query: str) -> None:
    status, html, kernel_id = open_page(base_url, quote(query, safe="=&%"))
    try:
        assert status in (200, 400), f"{query!r}: the page answered {status}"
        if status == 200:
            errors = error_text_in(visible_text(html))
            assert not errors, f"{query!r}: the page shows {errors[:3]}"
            assert kernel_id, f"{query!r}: no kernel in the page"
    finally:
        release(base_url, kernel_id)
    status, _ = http_get(f"{base_url}/voila/static/voila.js", timeout=30)
    assert status == 200, "the server stopped serving"


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=queries)
def test_fuzzed_queries_on_the_landing_page(base_url, query: str) -> None:
    """The landing page reads ``theme`` and ``classic-tree`` itself (voila's tree handler)."""
    for path in ("/", "/voila/tree", "/voila/api/contents"):
        status, body = raw_get(base_url, f"{path}?{quote(query, safe='=&%')}")
        assert status in (200, 302, 400), f"{path}?{query!r} answered {status}"
        assert "Traceback" not in body, query
        for echo in ("<script>alert", "<img src=x", "<svg onload"):  # HOSTILE, unescaped
            assert echo not in body, f"{path}?{query!r} echoes markup"
        assert "cdn.jsdelivr" not in body and "unpkg.com" not in body, "classic-tree switched"


def test_the_server_still_serves_a_working_page_after_the_fuzz(base_url) -> None:
    status, html, kernel_id = open_page(base_url, "n_apps=3&lang=en")
    release(base_url, kernel_id)
    assert status == 200 and kernel_id and not error_text_in(visible_text(html))

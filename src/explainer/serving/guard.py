"""The serving layer's checks on what reaches Voila: requests, and kernel websocket frames.

Everything that comes in from a URL or a socket is hostile (issue 11). Two guards, each
configured through traitlets like the rest of Voila:

- :class:`RequestGuard` looks at every HTTP request before tornado routes it (it wraps the
  application's ``find_handler``), so it also covers static files and websockets:

  * ``Host`` must name this server (DNS rebinding): loopback names in app mode, also the
    machine's own addresses and names when it listens on the network (workshop), plus
    ``allowed_hosts``; otherwise ``403``;
  * a URL longer than ``max_url_bytes`` gets ``414`` (tornado itself closes connections whose
    header block exceeds ``ExplainerVoila.max_header_bytes``, without an answer);
  * page loads (``GET /voila/render/...``) per client address are rate-limited (a token
    bucket: ``page_load_burst`` at once, ``page_loads_per_minute`` after that); over it,
    ``429`` with ``Retry-After``: a web page cannot make a visitor's browser take every seat
    with plain GETs;
  * the query keys Voila reads for itself, ``theme`` and ``template`` (and ``classic-tree``
    on the landing page), are removed from page and tree loads: with
    ``allow_theme_override`` at "NO" they can no longer inject markup, but any value still
    made Voila bypass its preheated pool (``voila.handler.VoilaHandler.
    should_use_rendered_notebook``);
  * paths on which voila 0.5.13 answers 500 (``/logout`` in stand-alone Voila, whose login
    page it never sets up, and ``/voila/templates/...`` not shaped ``<name>/static/<file>``,
    where ``TemplateStaticFileHandler.parse_url_path`` fails to unpack) get a clean ``404``.

  Refusals are a small bilingual page (texts in data/locales, ``guard_*``), never a traceback.

- :class:`GuardedKernelWebsocketConnection` checks each frame a page sends on its kernel
  websocket *before* jupyter_server parses it. jupyter_server 2.x's
  ``deserialize_msg_from_ws_v1`` builds a list as long as the count in the frame's first 8
  bytes (a 24-byte frame claiming 60 million parts stopped the server for 22 s), and
  ``deserialize_binary_message`` of the older protocol unpacks as many offsets as its first
  4 bytes claim (1.6 GB held). Here the frame's size, part count and offsets are checked
  first; a bad frame closes that socket with a log line, and nothing else is affected.

Stand-alone Voila (``make app``, ``make workshop``) runs both through
:mod:`explainer.serving.serve`; a Jupyter server (Binder, a hub's user servers) loads this module as
a server extension (``jpserver_extensions``), which installs the checks that apply there.
Tested against voila 0.5.13, jupyter_server 2.x, tornado 6.x: tests/e2e/test_security.py,
tests/e2e/test_serving.py, tests/test_guard.py.
"""

from __future__ import annotations

import functools
import html
import ipaddress
import json
import re
import socket
import struct
import time
from collections import OrderedDict
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection
from tornado import httputil, web
from traitlets import Float, Integer, List, Unicode
from traitlets.config import LoggingConfigurable

__all__ = [
    "GuardedKernelWebsocketConnection",
    "RequestGuard",
    "frame_problem",
    "refusal_page",
]

V1_PROTOCOL = "v1.kernel.websocket.jupyter.org"
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
LANGS = ("zh", "en")


# ---------------------------------------------------------------------- refusal pages
def refusal_texts(key: str, lang: str, **values: object) -> tuple[str, str]:
    """Title and text of a refusal (data/locales, ``guard_*``), in ``lang``."""
    from explainer.core.i18n import t

    if key == "host":
        return t("guard_host_title", lang), t("guard_host_text", lang)
    if key == "url":
        return t("guard_url_title", lang), t("guard_url_text", lang, limit=values["limit"])
    if key == "rate":
        return t("guard_rate_title", lang), t("guard_rate_text", lang, seconds=values["seconds"])
    return t("guard_not_found_title", lang), t("guard_not_found_text", lang)


def refusal_page(key: str, **values: object) -> str:
    """A small page saying why a request was refused, in both languages, escaped."""
    texts = {lang: [html.escape(x) for x in refusal_texts(key, lang, **values)] for lang in LANGS}
    parts = [
        f'<section lang="{lang}"><h1>{title}</h1><p>{text}</p></section>'
        for lang, (title, text) in texts.items()
    ]
    titles = " · ".join(title for title, _ in texts.values())
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{titles}</title><style>"
        "body{font-family:sans-serif;line-height:1.6;color:#222;background:#f5f5f5;margin:0}"
        "main{max-width:36em;margin:12vh auto;padding:2em 2.5em;background:#fff;"
        "border-radius:6px;box-shadow:0 1px 4px rgba(0,0,0,.2)}"
        "h1{font-size:1.3em;margin:.2em 0}section[lang=en]{color:#444}"
        "</style></head>\n"
        f'<body><main class="explainer-refused" role="alert">{"".join(parts)}'
        '<p><a href="/">/</a></p></main></body></html>\n'
    )


class RefusalHandler(web.RequestHandler):
    """Answers any method with the status and bilingual page it was built with."""

    def initialize(
        self, status: int, key: str, values: dict | None = None, headers: dict | None = None
    ) -> None:
        self.status, self.key = status, key
        self.values, self.extra_headers = values or {}, headers or {}

    def prepare(self) -> None:
        self.set_status(self.status)
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Content-Type-Options", "nosniff")
        for name, value in self.extra_headers.items():
            self.set_header(name, value)
        if self.request.method != "HEAD":
            self.write(refusal_page(self.key, **self.values))
        self.finish()

    def check_xsrf_cookie(self) -> None:  # a refusal changes nothing
        return None


# ---------------------------------------------------------------------- the request guard
class _Buckets:
    """Token buckets per client address, at most ``size`` addresses (oldest dropped)."""

    def __init__(self, burst: int, per_minute: float, size: int) -> None:
        self.burst, self.rate, self.size = burst, per_minute / 60.0, size
        self.state: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, key: str, now: float) -> float:
        """Take a token for ``key``: 0 if granted, else seconds until one is free."""
        tokens, then = self.state.pop(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - then) * self.rate)
        if tokens >= 1:
            self.state[key] = (tokens - 1, now)
            wait = 0.0
        else:
            self.state[key] = (tokens, now)
            wait = (1 - tokens) / self.rate
        while len(self.state) > self.size:
            self.state.popitem(last=False)
        return wait


def _host_name(host: str) -> str:
    """``Host`` header without port and IPv6 brackets, lower case."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    if host.count(":") == 1:
        return host.split(":", 1)[0]
    return host


def machine_names() -> set[str]:
    """This machine's host names and addresses (for a server that listens on the network)."""
    names = {socket.gethostname().lower(), socket.getfqdn().lower()}
    names |= {f"{name}.local" for name in list(names) if "." not in name}
    try:
        import psutil

        for addrs in psutil.net_if_addrs().values():
            names |= {a.address.split("%", 1)[0].lower() for a in addrs if a.family in (2, 10)}
    except Exception:  # psutil missing or refusing: the resolver's view
        for name in list(names):
            try:
                names |= {info[4][0].lower() for info in socket.getaddrinfo(name, None)}
            except OSError:
                continue
    return {name for name in names if name}


class RequestGuard(LoggingConfigurable):
    """Checks every request before it is routed; see the module docstring."""

    allowed_hosts = List(
        Unicode(),
        config=True,
        help="Extra host names (or addresses) the Host header may name, e.g. a reverse "
        "proxy's public name; '*' turns the Host check off (only behind a proxy that "
        "checks it).",
    )
    max_url_bytes = Integer(
        8192, config=True, help="Longest request target (path and query) in bytes; 414 beyond."
    )
    page_load_burst = Integer(
        10,
        config=True,
        help="Page loads one client address may make at once (token bucket size); "
        "0 turns the page-load limit off.",
    )
    page_loads_per_minute = Float(
        20.0, config=True, help="Page loads per minute and client address after the burst."
    )
    tracked_addresses = Integer(
        10_000, config=True, help="Client addresses the rate limit remembers (oldest dropped)."
    )
    stripped_query_keys = List(
        Unicode(),
        ["theme", "template", "classic-tree"],
        config=True,
        help="Query keys removed from page and landing-page loads before Voila reads them.",
    )

    def __init__(self, *, standalone: bool, base_url: str = "/", listen_ip: str = "", **kw):
        super().__init__(**kw)
        self.standalone = standalone
        self.base_url = "/" + base_url.strip("/") + "/" if base_url.strip("/") else "/"
        self.render_prefix = f"{self.base_url}voila/render/"
        self.templates_prefix = f"{self.base_url}voila/templates/"
        self.tree_paths = (self.base_url, f"{self.base_url}voila/tree")
        self.hosts = self._hosts(listen_ip) if standalone else None
        self.buckets = _Buckets(
            self.page_load_burst, self.page_loads_per_minute, self.tracked_addresses
        )

    def _hosts(self, listen_ip: str) -> set[str] | None:
        if "*" in self.allowed_hosts:
            return None
        hosts = set(LOOPBACK_NAMES) | {_host_name(h) for h in self.allowed_hosts}
        ip = (listen_ip or "").strip("[]")
        if ip and ip != "localhost":
            try:
                loopback = ipaddress.ip_address(ip).is_loopback
            except ValueError:
                loopback = False
                hosts.add(ip.lower())  # a name to listen on is a name to be reached by
            if not loopback:
                hosts |= machine_names()
        return hosts

    # ---------------------------------------------------------------- checks
    def check(self, request: httputil.HTTPServerRequest) -> tuple[int, str, dict, dict] | None:
        """``(status, key, values, headers)`` of a refusal, or None to let it through."""
        if self.hosts is not None:
            host = _host_name(request.host or "")
            if host not in self.hosts:
                self.log.warning("refused a request for host %r (DNS rebinding?)", host[:100])
                return 403, "host", {}, {}
        if len(request.uri or "") > self.max_url_bytes:
            self.log.warning(
                "refused a %d-byte URL from %s (limit %d)",
                len(request.uri),
                request.remote_ip,
                self.max_url_bytes,
            )
            return 414, "url", {"limit": self.max_url_bytes}, {}
        path = request.path or ""
        if self.standalone and self._not_found(path):
            return 404, "not_found", {}, {}
        if path == self.tree_paths[0] or path.startswith(self.tree_paths[1]):
            self._strip_query(request)
        if path.startswith(self.render_prefix):
            self._strip_query(request)
            if self.standalone and request.method == "GET" and self.page_load_burst > 0:
                wait = self.buckets.take(request.remote_ip or "", time.monotonic())
                if wait > 0:
                    seconds = max(1, int(wait + 0.999))
                    self.log.warning(
                        "page-load limit: refused a page for %s (retry in %d s)",
                        request.remote_ip,
                        seconds,
                    )
                    return 429, "rate", {"seconds": seconds}, {"Retry-After": str(seconds)}
        return None

    def _not_found(self, path: str) -> bool:
        if path.rstrip("/") == f"{self.base_url}logout":
            return True  # stand-alone Voila has no login; its /logout page raises
        if path.startswith(self.templates_prefix):
            rest = unquote(path[len(self.templates_prefix) :])
            shaped = re.fullmatch(r"[A-Za-z0-9_-][A-Za-z0-9_.-]*/static/[^\x00\\]+", rest)
            return not shaped or ".." in rest.split("/")
        return False

    def _strip_query(self, request: httputil.HTTPServerRequest) -> None:
        """Drop ``stripped_query_keys`` from the request as if they had never been sent."""
        keys = set(self.stripped_query_keys)
        if not keys or not request.query:
            return
        pairs = parse_qsl(request.query, keep_blank_values=True)
        kept = [(k, v) for k, v in pairs if k not in keys]
        if len(kept) == len(pairs):
            return
        request.query = urlencode(kept)
        request.uri = request.path + (f"?{request.query}" if request.query else "")
        for key in keys:
            request.query_arguments.pop(key, None)
            request.arguments.pop(key, None)

    # ---------------------------------------------------------------- installation
    def install(self, app: web.Application) -> None:
        """Put :meth:`check` in front of ``app``'s routing (this instance only)."""
        route = app.find_handler

        @functools.wraps(route)
        def find_handler(request: httputil.HTTPServerRequest, **kwargs: Any):
            refusal = self.check(request)
            if refusal is None:
                return route(request, **kwargs)
            status, key, values, headers = refusal
            return app.get_handler_delegate(
                request,
                RefusalHandler,
                {"status": status, "key": key, "values": values, "headers": headers},
            )

        app.find_handler = find_handler


# ---------------------------------------------------------------------- websocket frames
def frame_problem(
    message: bytes | str, protocol: str | None, max_bytes: int, max_parts: int
) -> str | None:
    """Why a client frame must not reach jupyter_server's parser, or None if it may.

    v1 protocol (``v1.kernel.websocket.jupyter.org``): 8-byte little-endian offset count
    ``n``, then ``n`` 8-byte offsets; the channel name lies between the first two offsets,
    message parts (header, parent header, metadata, content, buffers) between the others.
    Older protocol, binary: 4-byte big-endian buffer count, that many 4-byte offsets.
    Older protocol, text: one JSON object.
    """
    size = len(message)
    if size > max_bytes:
        return f"{size} bytes, over the limit of {max_bytes}"
    if protocol == V1_PROTOCOL:
        if not isinstance(message, bytes):
            return "a text frame on the binary v1 protocol"
        if size < 8:
            return "shorter than its header"
        count = int.from_bytes(message[:8], "little")
        parts = count - 2  # offsets: channel start, channel end, then one end per part
        if not 4 <= parts <= max_parts:
            return f"claims {parts} message parts (allowed: 4 to {max_parts})"
        table = 8 * (count + 1)
        if size < table:
            return "shorter than its offset table"
        offsets = [
            int.from_bytes(message[8 * i : 8 * i + 8], "little") for i in range(1, count + 1)
        ]
        if offsets[0] != table or offsets[-1] > size:
            return "offsets outside the frame"
        if any(b < a for a, b in zip(offsets, offsets[1:], strict=False)):
            return "offsets out of order"
        if offsets[1] - offsets[0] > 64:
            return "channel name too long"
        return _json_parts_problem(message[offsets[i] : offsets[i + 1]] for i in range(1, 5))
    if isinstance(message, bytes):
        if size < 4:
            return "shorter than its header"
        nbufs = struct.unpack("!i", message[:4])[0]
        if not 1 <= nbufs <= max_parts:
            return f"claims {nbufs} buffers (allowed: 1 to {max_parts})"
        table = 4 * (nbufs + 1)
        if size < table:
            return "shorter than its offset table"
        offsets = struct.unpack(f"!{nbufs}I", message[4:table])
        if offsets[0] < table or any(o > size for o in offsets):
            return "offsets outside the frame"
        if any(b < a for a, b in zip(offsets, offsets[1:], strict=False)):
            return "offsets out of order"
        end = offsets[1] if nbufs > 1 else size
        return _json_parts_problem([message[offsets[0] : end]], ("header", "parent_header"))
    return _json_parts_problem([message], ("header",))


def _json_parts_problem(parts, required: tuple[str, ...] = ()) -> str | None:
    """Each part must be a JSON object (the first one with ``required`` keys holding objects):
    what the kernel's own ``Session.deserialize`` would otherwise reject, with a traceback."""
    for n, part in enumerate(parts):
        try:
            value = json.loads(part)
        except (ValueError, RecursionError):
            return f"message part {n} is not valid JSON"
        if not isinstance(value, dict):
            return f"message part {n} is JSON but not an object"
        if n == 0 and any(not isinstance(value.get(key), dict) for key in required):
            return "no header"
    return None


class GuardedKernelWebsocketConnection(ZMQChannelsWebsocketConnection):
    """jupyter_server's kernel websocket connection, checking each frame before parsing it.

    Configured as ``Voila.kernel_websocket_connection_class`` (stand-alone Voila, voila.json)
    or ``ServerApp.kernel_websocket_connection_class`` (Binder, hub). A frame that fails
    :func:`frame_problem` closes the socket (code 1009 if too big, 1008 otherwise) and logs
    one line; so does a frame that passes but still makes jupyter_server's parser raise.
    """

    max_message_bytes = Integer(
        8 * 1024 * 1024,
        config=True,
        help="Largest frame a page may send on its kernel websocket, in bytes (also set as "
        "tornado's websocket_max_message_size). Must exceed the largest scenario file.",
    )
    max_parts = Integer(
        64,
        config=True,
        help="Most message parts (header, parent, metadata, content and binary buffers) "
        "one frame may claim.",
    )

    def handle_incoming_message(self, incoming_msg: str) -> None:
        problem = frame_problem(
            incoming_msg, self.subprotocol, self.max_message_bytes, self.max_parts
        )
        if problem is None:
            try:
                return super().handle_incoming_message(incoming_msg)
            except Exception as exc:  # the frame passed the checks but is still malformed
                problem = f"unreadable ({type(exc).__name__})"
        self._refuse(problem)
        return None

    def _refuse(self, problem: str) -> None:
        self.log.warning(
            "kernel websocket of kernel %s closed: a malformed frame (%s)", self.kernel_id, problem
        )
        code = 1009 if "over the limit" in problem else 1008
        handler = self.websocket_handler
        if handler is not None and handler.ws_connection is not None:
            handler.close(code, "malformed frame")


def websocket_settings(parent: LoggingConfigurable) -> dict[str, int]:
    """tornado settings that go with the connection class's limits."""
    limit = GuardedKernelWebsocketConnection(parent=parent).max_message_bytes
    return {"websocket_max_message_size": limit}


# ---------------------------------------------------------------------- server extension
def _jupyter_server_extension_points() -> list[dict[str, str]]:
    """Binder and hub servers load this module through ``ServerApp.jpserver_extensions``."""
    return [{"module": "explainer.serving.guard"}]


def _load_jupyter_server_extension(server_app: Any) -> None:
    """In a Jupyter server: URL length, theme/template keys, frame limits.

    The Host check, ``/logout`` and the page-load limit are left to the Jupyter server and the
    hub in front of it: there, visitors log in, and the server is their own.
    """
    web_app = server_app.web_app
    guard = RequestGuard(parent=server_app, standalone=False, base_url=server_app.base_url)
    guard.install(web_app)
    for key, value in websocket_settings(server_app).items():
        web_app.settings.setdefault(key, value)
    from explainer.serving.caching import install_cache_headers
    from explainer.serving.offline import serve_chart_module

    install_cache_headers(web_app)  # browsers keep Voila's bundle (issue 15)
    serve_chart_module(server_app.log)  # the template preloads it (explainer.serving.chartjs)
    server_app.log.info("explainer.serving.guard: request and websocket checks installed")

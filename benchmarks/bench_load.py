"""A workshop's burst against Voila, measured with protocol-level visitors and a few browsers.

    .venv/bin/python benchmarks/bench_load.py [--visitors 40] [--browsers 2] [--changes 10]
                                              [--mode workshop|app] [--no-static]

Serves notebooks/ exactly as ``make workshop`` does (voila.json overridden by
config/workshop/voila.json), but on a free port of 127.0.0.1, and waits until the kernel
pools are filled and quiet. Then all visitors arrive at once. Each protocol-level visitor does
what a browser does, without rendering anything:

1. GET /voila/render/night.ipynb?n_apps=K&lang=... (K differs per visitor) and the page's own
   static files (the list a real Chromium page fetched in a warm-up; --no-static skips them);
2. opens the kernel websocket (/api/kernels/<id>/channels, the v1 binary subprotocol, as
   JupyterLab's services do), sends kernel_info_request, then asks ipywidgets' control comm
   for every widget's state (comm_open jupyter.widget.control + request_states);
   "working" = the state has arrived and the n_apps slider holds K (URL state survived the
   preheated kernel: the query reached it through Voila's helper);
3. sends what each Altair chart's JavaScript sends once drawn (local_tz, selections, params);
4. once every visitor is working, moves the n_apps slider --changes times, with 0.5-2 s
   think time, as ipywidgets' frontend does (comm_msg "update" {value}); round trip = until
   the timeline chart's new Vega-Lite spec arrives;
5. leaves: closes the websocket and posts Voila's unload beacon with its _xsrf cookie.

Alongside, --browsers real Chromium pages (Debian's, headless) load the same page, wait until
the slider and the chart are visible, check that no error text shows, move the slider and see
the chart change.

Reports: time to a working page (median, p95, max), slider round trips while everyone is
connected (median, p95, max), failures, memory (RSS and USS per kernel, the server, total:
idle with the pools full, with everyone connected, after everyone left, after the pools
refilled), and CPU seconds of the server and the kernels. Figures go to
benchmarks/out/load.json. Traffic goes to 127.0.0.1 only; every loop is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import secrets
import statistics
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "e2e"))

sys.path.insert(0, str(REPO / "benchmarks"))

from bench_night_page import cpu_seconds, memory_mb, summary  # noqa: E402
from e2e_support import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    VoilaServer,
    error_text_in,
)

OUT = REPO / "benchmarks" / "out"
PAGE = "night.ipynb"
POOL_FILLED = r"Kernel pool of (\S+) is filled with (\d+) kernel"
WS_PROTOCOL = "v1.kernel.websocket.jupyter.org"
SLIDER_CLASS = "explainer-param-n_apps"
CHART_CLASS = "explainer-chart-timeline"
HANDLE = f".{SLIDER_CLASS} .noUi-handle"
MARKS = f".{CHART_CLASS} svg.marks"
TARGET_WORKING_S = 15.0
TARGET_RTT_P95_MS = 250.0

INTERACTIVE_JS = """([handleSel, marksSel]) => {
    const shown = (el) => el && el.getClientRects().length > 0;
    const m = document.querySelector(marksSel);
    return shown(document.querySelector(handleSel)) && shown(m) && m.childElementCount > 0;
}"""


# ---------------------------------------------------------------------- measurement helpers
def memory_snapshot(server: VoilaServer) -> dict:
    kernels = [memory_mb(pid) for pid in server.kernel_pids()]
    kernels = [k for k in kernels if k[0] > 0]
    srv = memory_mb(server.proc.pid)
    return {
        "kernels": len(kernels),
        "kernel_rss_mb_median": statistics.median(k[0] for k in kernels) if kernels else 0,
        "kernel_uss_mb_median": statistics.median(k[1] for k in kernels) if kernels else 0,
        "server_rss_mb": srv[0],
        "total_rss_mb": srv[0] + sum(k[0] for k in kernels),
        "total_uss_mb": srv[1] + sum(k[1] for k in kernels),
    }


def server_cpu(server: VoilaServer) -> tuple[float, float]:
    """CPU seconds so far: (Voila, all its live kernels)."""
    return cpu_seconds(server.proc.pid), sum(cpu_seconds(p) for p in server.kernel_pids())


def cpu_by_part(server: VoilaServer) -> dict[str, float]:
    """CPU seconds so far of Voila, its kernels, this script and the Chromium processes."""
    from e2e_support import _descendants

    chromium = 0.0
    for pid in _descendants(os.getpid()):
        with contextlib.suppress(OSError):
            if b"chromium" in Path(f"/proc/{pid}/cmdline").read_bytes():
                chromium += cpu_seconds(pid)
    voila, kernels = server_cpu(server)
    return {
        "voila": voila,
        "kernels": kernels,
        "this script": time.process_time(),
        "chromium": chromium,
    }


async def wait_quiet(server: VoilaServer, timeout: float, want_kernels: int = 0) -> bool:
    """Wait until at least ``want_kernels`` kernels run and all CPU use has stopped."""
    deadline = time.monotonic() + timeout
    quiet = 0
    while time.monotonic() < deadline:
        before = sum(server_cpu(server))
        await asyncio.sleep(1.0)
        after = sum(server_cpu(server))
        enough = len(server.kernel_pids()) >= want_kernels
        quiet = quiet + 1 if enough and after - before < 0.1 else 0
        if quiet >= 3:
            return True
    return False


# ---------------------------------------------------------------------- the kernel protocol
def kernel_msg(msg_type: str, content: dict, session: str, metadata: dict | None = None) -> dict:
    return {
        "header": {
            "msg_id": uuid.uuid4().hex,
            "msg_type": msg_type,
            "username": "bench",
            "session": session,
            "date": "",
            "version": "5.3",
        },
        "parent_header": {},
        "metadata": metadata or {},
        "content": content,
    }


def to_ws(msg: dict, channel: str) -> bytes:
    from jupyter_server.services.kernels.connection.base import serialize_msg_to_ws_v1

    parts = [json.dumps(msg[k]).encode() for k in ("header", "parent_header", "metadata")]
    return serialize_msg_to_ws_v1([*parts, json.dumps(msg["content"]).encode()], channel)


def from_ws(data: bytes | str) -> tuple[str, dict]:
    from jupyter_server.services.kernels.connection.base import deserialize_msg_from_ws_v1

    if isinstance(data, str):  # the legacy JSON protocol, should the server fall back to it
        msg = json.loads(data)
        return msg.get("channel", ""), msg
    channel, parts = deserialize_msg_from_ws_v1(data)
    keys = ("header", "parent_header", "metadata", "content")
    msg = {k: json.loads(parts[i]) for i, k in enumerate(keys)}
    msg["buffers"] = parts[4:]
    return channel, msg


class Failure(Exception):
    pass


async def fetch_all(base_url: str, queue: list[str]) -> None:
    """GET paths from ``queue`` over one keep-alive HTTP/1.1 connection, bodies discarded.

    A few lines of asyncio instead of an HTTP library: the visitors' static files are ~4,000
    requests, and a full client in this one Python process would measure itself, not Voila.
    """
    parts = urlsplit(base_url)
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    try:
        while queue:
            path = queue.pop(0)
            request = f"GET {path} HTTP/1.1\r\nHost: {parts.netloc}\r\n\r\n"
            writer.write(request.encode())
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").lower()
            status = int(head.split(" ", 2)[1])
            if status >= 400:
                raise Failure(f"{path} answered {status}")
            length = re.search(r"content-length:\s*(\d+)", head)
            if length:
                await reader.readexactly(int(length.group(1)))
            elif "transfer-encoding: chunked" in head:
                while size := int((await reader.readline()).strip() or b"0", 16):
                    await reader.readexactly(size + 2)
                await reader.readline()
    finally:
        writer.close()


@dataclass
class Visitor:
    index: int
    base_url: str
    statics: list[str]
    n_apps: int
    lang: str
    working_s: float | None = None
    rtts_ms: list[float] = field(default_factory=list)
    error: str | None = None
    kernel_id: str | None = None
    ws: object = None
    session: str = field(default_factory=lambda: uuid.uuid4().hex)
    xsrf: str = field(default_factory=lambda: secrets.token_hex(16))
    slider: str = ""
    chart: str = ""
    charts: list[str] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)  # seconds since arrival

    @property
    def url(self) -> str:
        return f"{self.base_url}/voila/render/{PAGE}?n_apps={self.n_apps}&lang={self.lang}"

    async def arrive(self, http) -> None:
        t0 = time.perf_counter()
        resp = await http.get(self.url, headers={"Cookie": f"_xsrf={self.xsrf}"})
        if resp.status_code != 200:
            raise Failure(f"page answered {resp.status_code}")
        html = resp.text
        visible = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
        errors = error_text_in(re.sub(r"<[^>]+>", " ", visible))
        if errors:
            raise Failure(f"error text in the page: {errors[:3]}")
        found = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', html)
        if not found:
            raise Failure("no kernel id in the page")
        self.kernel_id = found.group(1)
        self.phases["page"] = time.perf_counter() - t0
        if self.statics:  # over 6 keep-alive connections, as a browser does
            queue = list(self.statics)
            await asyncio.gather(*(fetch_all(self.base_url, queue) for _ in range(6)))
        self.phases["static"] = time.perf_counter() - t0
        await self.connect()
        states = await self.widget_states()
        self.find_models(states)
        value = states[self.slider]["state"]["value"]
        if value != self.n_apps:
            raise Failure(f"n_apps slider shows {value}, the URL asked for {self.n_apps}")
        self.working_s = time.perf_counter() - t0
        for chart in self.charts:  # what altair's JupyterChart JavaScript sends once drawn
            await self.update(chart, {"local_tz": "Asia/Shanghai"})
            await self.update(chart, {"_vl_selections": {}, "_params": {}})

    async def connect(self) -> None:
        import websockets

        url = self.base_url.replace("http://", "ws://")
        url += f"/api/kernels/{self.kernel_id}/channels?session_id={self.session}"
        self.ws = await websockets.connect(
            url,
            subprotocols=[WS_PROTOCOL],
            max_size=None,
            open_timeout=120,
            additional_headers={"Cookie": f"_xsrf={self.xsrf}", "Origin": self.base_url},
        )
        info = kernel_msg("kernel_info_request", {}, self.session)
        await self.ws.send(to_ws(info, "shell"))
        await self.receive(
            lambda ch, m: (
                m["parent_header"].get("msg_id") == info["header"]["msg_id"]
                and m["header"]["msg_type"] == "kernel_info_reply"
            ),
            timeout=120,
        )

    async def receive(self, match, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Failure("timed out waiting for the kernel")
            channel, msg = from_ws(await asyncio.wait_for(self.ws.recv(), left))
            if match(channel, msg):
                return msg

    async def widget_states(self) -> dict:
        comm_id = uuid.uuid4().hex
        opening = kernel_msg(
            "comm_open",
            {"comm_id": comm_id, "target_name": "jupyter.widget.control", "data": {}},
            self.session,
            metadata={"version": "1.0.0"},
        )
        await self.ws.send(to_ws(opening, "shell"))
        request = kernel_msg(
            "comm_msg", {"comm_id": comm_id, "data": {"method": "request_states"}}, self.session
        )
        await self.ws.send(to_ws(request, "shell"))
        msg = await self.receive(
            lambda ch, m: (
                m["header"]["msg_type"] == "comm_msg" and m["content"].get("comm_id") == comm_id
            ),
            timeout=120,
        )
        closing = kernel_msg("comm_close", {"comm_id": comm_id, "data": {}}, self.session)
        await self.ws.send(to_ws(closing, "shell"))
        data = msg["content"]["data"]
        if data.get("method") != "update_states":
            raise Failure(f"control comm answered {data.get('method')}")
        return data["states"]

    def find_models(self, states: dict) -> None:
        for model_id, model in states.items():
            classes = model["state"].get("_dom_classes") or []
            if SLIDER_CLASS in classes and "value" in model["state"]:
                self.slider = model_id
            if any(c.startswith("explainer-chart-") for c in classes):
                self.charts.append(model_id)
                if CHART_CLASS in classes:
                    self.chart = model_id
        if not self.slider or not self.chart:
            raise Failure("the n_apps slider or the timeline chart is missing from the state")

    async def update(self, model_id: str, state: dict) -> dict:
        content = {
            "comm_id": model_id,
            "data": {"method": "update", "state": state, "buffer_paths": []},
        }
        msg = kernel_msg("comm_msg", content, self.session, metadata={"version": "2.1.0"})
        await self.ws.send(to_ws(msg, "shell"))
        return msg

    async def slide(self, changes: int, rng: random.Random) -> None:
        value = self.n_apps
        for _ in range(changes):
            await asyncio.sleep(rng.uniform(0.5, 2.0))
            value = value + 1 if value < 15 else value - 1
            t0 = time.perf_counter()
            await self.update(self.slider, {"value": value})
            await self.receive(
                lambda ch, m: (
                    m["header"]["msg_type"] == "comm_msg"
                    and m["content"].get("comm_id") == self.chart
                    and m["content"]["data"].get("method") == "update"
                    and "spec" in m["content"]["data"].get("state", {})
                ),
                timeout=60,
            )
            self.rtts_ms.append((time.perf_counter() - t0) * 1000)

    async def leave(self, http) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self.kernel_id:  # Voila's unload beacon, with the page's double-submit cookie
            await http.post(
                f"{self.base_url}/voila/api/shutdown/{self.kernel_id}",
                data={"_xsrf": self.xsrf},
                headers={"Cookie": f"_xsrf={self.xsrf}", "Origin": self.base_url},
            )


# ---------------------------------------------------------------------- real browsers
async def browser_visit(browser, base_url: str, index: int, barrier: asyncio.Event) -> dict:
    out: dict = {"index": index}
    context = await browser.new_context(viewport={"width": 1280, "height": 1000})
    page = await context.new_page()
    t0 = time.perf_counter()
    try:
        await page.goto(f"{base_url}/voila/render/{PAGE}?n_apps=5", timeout=180_000)
        await page.wait_for_function(INTERACTIVE_JS, arg=[HANDLE, MARKS], timeout=180_000)
        out["interactive_s"] = time.perf_counter() - t0
        errors = error_text_in(await page.inner_text("body"))
        if errors:
            raise Failure(f"error text: {errors[:3]}")
        now = await page.get_attribute(HANDLE, "aria-valuenow")
        if now is None or float(now) != 5:
            raise Failure(f"the slider shows {now}, the URL asked for 5")
        await barrier.wait()
        before = await page.inner_html(MARKS)
        await page.focus(HANDLE)
        t1 = time.perf_counter()
        await page.keyboard.press("ArrowRight")
        await page.wait_for_function(
            "([sel, before]) => document.querySelector(sel).innerHTML !== before",
            arg=[MARKS, before],
            timeout=60_000,
        )
        out["slider_ms"] = (time.perf_counter() - t1) * 1000
    except Exception as exc:  # reported, not raised: the other visitors go on
        out["error"] = f"{type(exc).__name__}: {exc}"[:300]
    finally:
        await page.goto("about:blank")  # fires Voila's unload beacon
        await context.close()
    return out


async def static_paths(browser, base_url: str) -> list[str]:
    """Same-origin GETs (besides the page itself) of one real page load of fit.ipynb."""
    context = await browser.new_context()
    page = await context.new_page()
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url) if r.method == "GET" else None)
    await page.goto(f"{base_url}/voila/render/fit.ipynb", timeout=180_000)
    await page.wait_for_selector(".widget-slider, .jupyter-widgets", timeout=180_000)
    await page.wait_for_timeout(2000)
    await page.goto("about:blank")
    await context.close()
    paths = []
    for url in seen:
        if url.startswith(base_url) and "/voila/render/" not in url and "/api/" not in url:
            path = url[len(base_url) :]
            if path not in paths:
                paths.append(path)
    return paths


# ---------------------------------------------------------------------- the run
async def run(args) -> dict:
    import httpx
    from playwright.async_api import async_playwright

    extra: list[str] = []  # VoilaServer listens on 127.0.0.1 only
    if args.mode == "workshop":
        extra += [
            f"--Voila.config_file_paths={REPO / 'config' / 'workshop'}",
            f"--Voila.config_file_paths={REPO}",
        ]
    server = VoilaServer(log_path=OUT / "voila-load.log", extra_args=extra)
    result: dict = {"visitors": args.visitors, "browsers": args.browsers, "mode": args.mode}
    server.start(ready_timeout=180)
    try:
        print("waiting for the kernel pools to fill and go quiet ...", flush=True)
        t_fill = time.monotonic()
        # Every notebook's pool logs "filled" once; then the pre-runs must finish.
        pools = len(list((REPO / "notebooks").glob("*.ipynb")))
        deadline = time.monotonic() + args.fill_timeout
        while len(set(re.findall(POOL_FILLED, server.log_text()))) < pools:
            if time.monotonic() > deadline:
                raise TimeoutError("the kernel pools did not fill in time")
            await asyncio.sleep(1)
        await wait_quiet(server, max(30.0, deadline - time.monotonic()))
        result["pool_fill_s"] = time.monotonic() - t_fill
        pooled = len(server.kernel_pids())
        print(f"  {pooled} pooled kernels after {result['pool_fill_s']:.0f} s", flush=True)

        async with async_playwright() as pw:
            browser = await pw.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            statics: list[str] = []
            if not args.no_static:
                statics = await static_paths(browser, server.base_url)
                print(f"  a page fetches {len(statics)} static files", flush=True)
                await wait_quiet(server, 240, want_kernels=pooled)
            result["idle"] = memory_snapshot(server)
            cpu0 = server_cpu(server)
            parts0 = cpu_by_part(server)
            loadavg0 = Path("/proc/loadavg").read_text().split()[:3]

            limits = httpx.Limits(max_connections=None, max_keepalive_connections=None)
            timeout = httpx.Timeout(180.0)
            rng = random.Random(7)
            visitors = [
                Visitor(
                    i,
                    server.base_url,
                    statics,
                    n_apps=rng.randint(1, 14),
                    lang=("zh", "en")[i % 2],
                )
                for i in range(args.visitors)
            ]
            everyone_working = asyncio.Event()
            print(f"{args.visitors} visitors and {args.browsers} browsers arrive", flush=True)
            t_burst = time.perf_counter()

            async with httpx.AsyncClient(limits=limits, timeout=timeout) as http:

                async def one(v: Visitor) -> None:
                    try:
                        await asyncio.wait_for(v.arrive(http), args.page_timeout)
                    except Exception as exc:
                        v.error = f"arrival: {type(exc).__name__}: {exc}"[:300]
                    arrived.append(v)
                    if len(arrived) == len(visitors):
                        parts1.update(cpu_by_part(server))
                        t_working.append(time.perf_counter() - t_burst)
                        everyone_working.set()
                    await everyone_working.wait()
                    if v.error is None:
                        try:
                            await v.slide(args.changes, random.Random(v.index))
                        except Exception as exc:
                            v.error = f"slider: {type(exc).__name__}: {exc}"[:300]

                arrived: list[Visitor] = []
                parts1: dict[str, float] = {}
                t_working: list[float] = []
                browsers = [
                    browser_visit(browser, server.base_url, j, everyone_working)
                    for j in range(args.browsers)
                ]
                gathered = await asyncio.gather(*(one(v) for v in visitors), *browsers)
                browser_results = gathered[len(visitors) :]
                result["burst_s"] = time.perf_counter() - t_burst
                result["connected"] = memory_snapshot(server)
                cpu1 = server_cpu(server)
                print("  everyone has slid; leaving", flush=True)
                await asyncio.gather(*(v.leave(http) for v in visitors), return_exceptions=True)
            await browser.close()

        await asyncio.sleep(10)
        result["left"] = memory_snapshot(server)
        print("waiting for the pools to refill ...", flush=True)
        refilled = await wait_quiet(server, args.refill_timeout, want_kernels=pooled)
        result["refilled"] = {**memory_snapshot(server), "complete": refilled}
        # Counted before the stop: pooled kernels log errors when they are shut down.
        result["timeouts_in_log"] = server.count_log(r"Timeout waiting for IOPub")
        result["errors_in_log"] = server.count_log(r"\] ERROR \|")
    finally:
        if server.stop():
            print("  warning: Voila needed SIGKILL to stop")

    result["load_average_before_burst"] = loadavg0
    result["arrival_wall_s"] = t_working[0] if t_working else None
    result["arrival_cpu_s"] = {k: parts1[k] - parts0[k] for k in parts1}
    for phase in ("page", "static"):
        done = [v.phases[phase] for v in visitors if phase in v.phases]
        result[f"{phase}_done_s"] = summary(done)
    working = [v.working_s for v in visitors if v.working_s is not None]
    rtts = [ms for v in visitors for ms in v.rtts_ms]
    result["working_s"] = summary(working)
    result["rtt_ms"] = summary(rtts)
    result["failures"] = [f"visitor {v.index}: {v.error}" for v in visitors if v.error]
    result["browsers_seen"] = browser_results
    result["failures"] += [
        f"browser {b['index']}: {b['error']}" for b in browser_results if "error" in b
    ]
    pages = args.visitors + args.browsers
    result["cpu_s_per_page"] = {
        "server": (cpu1[0] - cpu0[0]) / pages,
        "kernels_alive_at_end": cpu1[1],
    }
    result["load_average"] = Path("/proc/loadavg").read_text().split()[:3]
    return result


def report(r: dict) -> None:
    w, t = r["working_s"], r["rtt_ms"]
    print()
    print(
        f"{r['visitors']} protocol visitors + {r['browsers']} Chromium pages ({r['mode']} config), "
        f"load average at the end {' '.join(r['load_average'])}"
    )
    print(f"pools filled and quiet after {r['pool_fill_s']:.0f} s")
    if w.get("n"):
        ok = w["max"] <= TARGET_WORKING_S
        print(
            f"time to a working page: median {w['median']:.1f} s, p95 {w['p95']:.1f} s, "
            f"max {w['max']:.1f} s (n={w['n']})  "
            f"{'meets' if ok else 'MISSES'} 'all within {TARGET_WORKING_S:.0f} s'"
        )
    if t.get("n"):
        ok = t["p95"] <= TARGET_RTT_P95_MS
        print(
            f"slider round trip, all connected: median {t['median']:.0f} ms, "
            f"p95 {t['p95']:.0f} ms, max {t['max']:.0f} ms (n={t['n']})  "
            f"{'meets' if ok else 'MISSES'} p95 <= {TARGET_RTT_P95_MS:.0f} ms"
        )
    for b in r["browsers_seen"]:
        if "error" in b:
            continue
        print(
            f"Chromium page {b['index']}: interactive after {b['interactive_s']:.1f} s, "
            f"slider -> chart {b['slider_ms']:.0f} ms, no error text"
        )
    pg, st = r["page_done_s"], r["static_done_s"]
    if pg.get("n") and st.get("n"):
        print(
            f"  of which: page HTML received after median {pg['median']:.1f} s "
            f"(max {pg['max']:.1f}), static files after median {st['median']:.1f} s "
            f"(max {st['max']:.1f}); the rest is the websocket and the widget state"
        )
    if r.get("arrival_wall_s"):
        cpu = r["arrival_cpu_s"]
        print(
            f"  CPU while they arrived ({r['arrival_wall_s']:.1f} s wall, 2 cores): "
            + ", ".join(f"{k} {v:.1f} s" for k, v in cpu.items())
            + f"; load average before {' '.join(r['load_average_before_burst'])}"
        )
    print(f"failures: {len(r['failures'])}")
    for f in r["failures"][:10]:
        print("  " + f)
    print(
        f"server CPU per page load: {r['cpu_s_per_page']['server']:.2f} CPU-s; "
        f"IOPub timeouts in the log: {r['timeouts_in_log']}; ERROR lines: {r['errors_in_log']}"
    )
    print(
        "memory                      kernels  kernel RSS  kernel USS  server RSS"
        "  total RSS  total USS"
    )
    for key in ("idle", "connected", "left", "refilled"):
        m = r[key]
        print(
            f"{key:<28}{m['kernels']:>7}{m['kernel_rss_mb_median']:>10.0f} MB"
            f"{m['kernel_uss_mb_median']:>9.0f} MB{m['server_rss_mb']:>9.0f} MB"
            f"{m['total_rss_mb'] / 1024:>9.2f} GB{m['total_uss_mb'] / 1024:>8.2f} GB"
        )
    if not r["refilled"]["complete"]:
        print("  (the pools had not finished refilling when the wait ended)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--visitors", type=int, default=40)
    parser.add_argument("--browsers", type=int, default=2)
    parser.add_argument("--changes", type=int, default=10, help="slider moves per visitor")
    parser.add_argument("--mode", choices=("workshop", "app"), default="workshop")
    parser.add_argument("--no-static", action="store_true", help="skip the static files")
    parser.add_argument("--fill-timeout", type=float, default=420)
    parser.add_argument("--refill-timeout", type=float, default=240)
    parser.add_argument("--page-timeout", type=float, default=180)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    result = asyncio.run(run(args))
    (OUT / "load.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    report(result)
    print(f"figures written to {OUT / 'load.json'}")


if __name__ == "__main__":
    main()

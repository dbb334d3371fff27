"""Page weight: bytes on the wire and requests per page, and the first readable chart on a
slow network, in headless Chromium against Voila with a checkout's own config.

    .venv/bin/python benchmarks/bench_page_weight.py [--repo PATH] [--python PATH]
        [--pages night,unit,fit,reforms,landing] [--label after]

For each page, in a fresh browser context (empty cache):

- first visit: every HTTP response's encoded (on-the-wire) bytes, summed from the DevTools
  protocol's ``Network.loadingFinished`` ``encodedDataLength`` (headers included), the number
  of requests, and the kernel websocket's received bytes (separately: they are the page's
  data, not its code; decoded, i.e. before the websocket's deflate: DevTools reports no
  compressed size);
- first readable chart: navigation start to the first animation frame where the page's first
  chart has drawn marks (``svg.marks`` with children), with the network throttled through
  ``Network.emulateNetworkConditions`` to 9 Mbit/s each way and 60 ms latency;
- repeat visit: the same page again in the same context (browser cache warm), unthrottled.

"Before" is the same script pointed at another checkout and its interpreter, e.g. main:

    .venv/bin/python benchmarks/bench_page_weight.py --repo /work/main \\
        --python /work/main/.venv/bin/python --module voila --label before

or, better on a shared machine, both in ONE run: ``--before-repo PATH`` starts a second
server from that checkout (its ``src`` first on PYTHONPATH, so this interpreter runs that
code) and every measurement alternates before / after, ``--repeat N`` times, medians printed.

On the repeat visit, requests are split into those answered from the browser's cache (no
network), revalidations (304) and downloads. ``--waterfall`` prints the first (throttled)
visit of the night page request by request: start and end (ms from navigation), bytes,
status, cache header, and when the kernel websocket's frames arrived; ``--frames`` takes
apart that visit's largest websocket frame (Voila's widget state): bytes per widget model
type, the largest values, and its size deflated (the websocket's permessage-deflate; DevTools
reports frames decoded, and binary ones base64-encoded).

Targets (issue 15, night page): first visit <= 2 MB on the wire; first readable chart <= 4 s
throttled. Figures are from one loaded machine: compare runs on the same machine.
Writes benchmarks/out/page_weight_<label>.json as well.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "e2e"))

from e2e_support import VoilaServer, launch_chromium  # noqa: E402

OUT = REPO / "benchmarks" / "out"
PAGES = {
    "night": "/voila/render/night.ipynb",
    "unit": "/voila/render/unit.ipynb",
    "fit": "/voila/render/fit.ipynb",
    "reforms": "/voila/render/reforms.ipynb",
    "landing": "/",
}
THROTTLE = {
    "offline": False,
    "latency": 60,  # ms
    "downloadThroughput": 9_000_000 / 8,  # bytes/s
    "uploadThroughput": 9_000_000 / 8,
}
TARGET_FIRST_VISIT_BYTES = 2_000_000
TARGET_FIRST_CHART_S = 4.0

# performance.now() (ms since navigation start) once the first chart has drawn marks.
CHART_JS = """() => {
    const m = document.querySelector("svg.marks");
    return m && m.childElementCount > 0 && m.getClientRects().length > 0
        ? performance.now() : false;
}"""


class Server(VoilaServer):
    """Voila started by a given interpreter and module (another checkout's, for "before")."""

    python: str = sys.executable
    module: str = "explainer.serving.serve"  # both set per server by start()

    def command(self) -> list[str]:
        return [self.python, "-m", self.module, *super().command()[3:]]


class Wire:
    """Bytes and requests seen by the DevTools protocol on one page (one visit)."""

    def __init__(self, cdp) -> None:
        self.bytes = 0
        self.requests = 0
        self.ws_bytes = 0
        self.cached = 0  # answered from the browser's cache, no network
        self.revalidated = 0  # 304
        self.by_type: dict[str, int] = {}
        self.rows: dict[str, dict] = {}  # the waterfall
        self.frames: list[tuple[float, int]] = []
        self.largest_frame = ""  # its payload, as DevTools gives it
        self.ws_extensions = ""  # Sec-WebSocket-Extensions of the handshake's answer
        self._on = True
        for name, handler in (
            ("Network.requestWillBeSent", self._sent),
            ("Network.requestServedFromCache", self._from_cache),
            ("Network.responseReceived", self._response),
            ("Network.loadingFinished", self._finished),
            ("Network.webSocketFrameReceived", self._frame),
            ("Network.webSocketHandshakeResponseReceived", self._handshake),
        ):
            cdp.on(name, lambda event, handler=handler: self._on and handler(event))

    def stop(self) -> None:
        self._on = False  # the CDP session keeps its listeners: later visits count apart

    def _sent(self, event: dict) -> None:
        self.requests += 1
        self.rows[event["requestId"]] = {
            "url": event["request"]["url"],
            "type": event.get("type", "Other"),
            "start": event["timestamp"],
        }

    def _from_cache(self, event: dict) -> None:
        self.cached += 1
        self.rows.get(event["requestId"], {})["cache"] = "hit"

    def _response(self, event: dict) -> None:
        row = self.rows.get(event["requestId"], {})
        response = event["response"]
        row["status"] = response.get("status")
        headers = {k.lower(): v for k, v in response.get("headers", {}).items()}
        row["cache_control"] = headers.get("cache-control", "")
        if response.get("status") == 304:
            self.revalidated += 1
        if response.get("fromDiskCache") or response.get("fromMemoryCache"):
            row["cache"] = "hit"

    def _finished(self, event: dict) -> None:
        size = int(event.get("encodedDataLength", 0))
        self.bytes += size
        row = self.rows.get(event["requestId"], {})
        row["end"], row["bytes"] = event["timestamp"], size
        kind = row.get("type", "Other")
        self.by_type[kind] = self.by_type.get(kind, 0) + size

    def _frame(self, event: dict) -> None:
        response = event.get("response", {})
        payload = response.get("payloadData", "")
        size = len(payload)
        if response.get("opcode") == 2:  # binary: DevTools gives it base64-encoded
            size = size * 3 // 4 - payload[-2:].count("=")
        self.ws_bytes += size
        self.frames.append((event["timestamp"], size))
        if size > len(self.largest_frame):
            self.largest_frame = payload

    def _handshake(self, event: dict) -> None:
        headers = {k.lower(): v for k, v in event.get("response", {}).get("headers", {}).items()}
        self.ws_extensions = headers.get("sec-websocket-extensions", "")

    def network_requests(self) -> int:
        """Requests that went to the server (not answered from the browser's cache)."""
        return sum(1 for row in self.rows.values() if row.get("cache") != "hit")

    def waterfall(self, base_url: str) -> list[str]:
        """The visit request by request, in ms from the first request."""
        rows = sorted(self.rows.values(), key=lambda row: row["start"])
        if not rows:
            return []
        t0 = rows[0]["start"]
        lines = [
            f"{(row['start'] - t0) * 1000:7.0f} {(row.get('end', row['start']) - t0) * 1000:7.0f}"
            f" {row.get('bytes', 0):8d} {row.get('status', '-')!s:>3} {row['type']:<10}"
            f" {row['url'].replace(base_url, '')[:88]}  [{row.get('cache_control', '')[:30]}]"
            for row in rows
        ]
        if self.frames:
            first, last = self.frames[0][0], self.frames[-1][0]
            big = max(self.frames, key=lambda frame: frame[1])
            lines.append(
                f"websocket: {len(self.frames)} frames from {(first - t0) * 1000:.0f} to "
                f"{(last - t0) * 1000:.0f} ms, the largest ({big[1]:,} bytes decoded) at "
                f"{(big[0] - t0) * 1000:.0f} ms"
            )
        return lines


def frame_breakdown(payload: str, extensions: str) -> list[str]:
    """What the largest websocket frame holds: a Jupyter message (kernel protocol v1 binary
    framing, ``v1.kernel.websocket.jupyter.org``, or JSON) whose content, for Voila's widget
    state, is ``{"method": "update_states", "states": {model_id: {"state": ...}}}``."""
    if not payload:
        return []
    import base64
    import struct
    import zlib
    from collections import Counter

    try:
        raw = base64.b64decode(payload, validate=True)
        count = struct.unpack_from("<Q", raw, 0)[0]
        offsets = [struct.unpack_from("<Q", raw, 8 + 8 * i)[0] for i in range(count)]
        offsets.append(len(raw))
        parts = [raw[offsets[i] : offsets[i + 1]] for i in range(count)]
        header, content = json.loads(parts[1]), json.loads(parts[4])
    except (ValueError, struct.error, IndexError):
        raw = payload.encode("utf-8")
        message = json.loads(payload)
        header, content = message.get("header", {}), message.get("content", {})
    deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
    deflated = len(deflate.compress(raw) + deflate.flush())
    lines = [
        f"largest websocket frame: {header.get('msg_type')} {len(raw):,} bytes decoded "
        f"(DevTools shows {len(payload):,} characters), {deflated:,} bytes deflated; "
        f"the server's websocket extensions: {extensions or 'none'}"
    ]
    states = content.get("data", {}).get("states", {}) if isinstance(content, dict) else {}
    if not states:
        return lines
    size: Counter[str] = Counter()
    count_by: Counter[str] = Counter()
    values = []
    for model_id, entry in states.items():
        state = entry.get("state", {})
        name = entry.get("model_name") or state.get("_model_name", "?")
        size[name] += len(json.dumps(entry))
        count_by[name] += 1
        for key, value in state.items():
            text = json.dumps(value)
            first_class = re.search(r"class=['\"]([\w-]+)", text) if key == "value" else None
            label = first_class.group(1) if first_class else ""
            values.append((len(text), f"{name}.{key} {label}".strip(), model_id))
    lines.append(f"  {len(states)} widget models; bytes of JSON by model type:")
    lines += [f"  {b:9,d} {count_by[n]:4d} × {n}" for n, b in size.most_common(8)]
    nulls = sum(
        len(json.dumps({k: v})) - 2
        for entry in states.values()
        for k, v in entry.get("state", {}).items()
        if v is None
    )
    lines.append(f"  keys whose value is null (a default): {nulls:,} bytes")
    lines.append("  the largest values:")
    lines += [f"  {b:9,d} {label}" for b, label, _ in sorted(values, reverse=True)[:8]]
    return lines


def visit(page, cdp, url: str, throttled: bool, has_chart: bool) -> dict:
    """Load ``url`` once; wire figures, and the first chart's time if the page has one."""
    cdp.send(
        "Network.emulateNetworkConditions",
        THROTTLE
        if throttled
        else {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    wire = Wire(cdp)
    page.goto(url, wait_until="load", timeout=180_000)
    chart_ms = None
    if has_chart:
        chart_ms = page.wait_for_function(CHART_JS, polling="raf", timeout=180_000).json_value()
    page.wait_for_timeout(1500)  # late requests (widget modules, fonts) still count
    wire.stop()
    return {
        "bytes": wire.bytes,
        "requests": wire.requests,
        "network_requests": wire.network_requests(),
        "from_cache": wire.cached,
        "revalidated": wire.revalidated,
        "ws_bytes": wire.ws_bytes,
        "by_type": wire.by_type,
        "first_chart_s": round(chart_ms / 1000, 2) if chart_ms else None,
        "waterfall": wire.waterfall(url.split("/voila/")[0]),
        "largest_frame": frame_breakdown(wire.largest_frame, wire.ws_extensions),
    }


def wait_for_pool(server: VoilaServer, notebook: str, used_before: int) -> None:
    """Wait for Voila to preheat a fresh kernel for ``notebook`` after one was used."""
    name = notebook.rsplit("/", 1)[-1].replace(".", r"\.")
    deadline = time.monotonic() + 180
    while server.count_log(rf"Kernel pool of {name} is filled") < used_before + 2:
        if time.monotonic() > deadline:
            return  # no pool (preheating off): nothing to wait for
        time.sleep(0.5)


def measure(server: VoilaServer, browser, name: str, path: str) -> dict:
    has_chart = path != "/"
    url = server.base_url + path
    name_re = path.rsplit("/", 1)[-1].replace(".", r"\.")
    used = server.count_log(rf"Using pre-heated kernel: \S+ for {name_re}") if has_chart else 0
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    first = visit(page, cdp, url, throttled=True, has_chart=has_chart)
    page.goto("about:blank")
    if has_chart:
        wait_for_pool(server, path, used)
    repeat = visit(page, cdp, url, throttled=False, has_chart=has_chart)
    page.goto("about:blank")
    context.close()
    if has_chart:
        wait_for_pool(server, path, used + 1)
    return {"first": first, "repeat": repeat}


def start(repo: Path, python: str, module: str, label: str, own_code: bool) -> Server:
    """A server for ``repo``; with ``own_code`` its ``src`` comes first on PYTHONPATH (a
    checkout that this interpreter's editable install does not point at)."""
    env = {"JUPYTER_PATH": str(repo / "share" / "jupyter")}
    if own_code:
        env["PYTHONPATH"] = str(repo / "src")
    server = Server(
        log_path=OUT / f"page_weight_{label}_voila.log",
        notebooks=repo / "notebooks",
        cwd=repo,
        env=env,
    )
    server.python, server.module = python, module
    return server


def summary(label: str, name: str, runs: list[dict]) -> str:
    """One line: first visit (wire), repeat visit (cache), first chart (median of runs)."""
    first, repeat = runs[0]["first"], runs[0]["repeat"]
    charts = sorted(r["first"]["first_chart_s"] for r in runs if r["first"]["first_chart_s"])
    chart = (
        f"{statistics.median(charts):.2f} s (runs: {', '.join(f'{c:.2f}' for c in charts)})"
        if charts
        else "-"
    )
    return (
        f"{label:>7} {name:<8} first visit {first['bytes'] / 1e6:5.2f} MB in "
        f"{first['requests']:3d} requests (+{first['ws_bytes'] / 1e3:.0f} kB websocket); "
        f"repeat {repeat['bytes'] / 1e6:5.2f} MB: {repeat['network_requests']:3d} to the "
        f"server ({repeat['revalidated']} × 304), {repeat['from_cache']:3d} from the cache; "
        f"first readable chart {chart} at 9 Mbit/s, 60 ms"
    )


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, default=REPO)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--label", default="after")
    parser.add_argument(
        "--module",
        default="explainer.serving.serve",
        help="what `python -m` starts: explainer.serving.serve (gzip included), or voila",
    )
    parser.add_argument("--before-repo", type=Path, help="also measure this checkout, in turn")
    parser.add_argument("--before-module", default="explainer.serving.serve")
    parser.add_argument("--repeat", type=int, default=1, help="throttled visits per page")
    parser.add_argument("--waterfall", action="store_true", help="print the night page's")
    parser.add_argument(
        "--frames", action="store_true", help="take the night page's widget state apart"
    )
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    servers = {args.label: start(args.repo.resolve(), args.python, args.module, args.label, False)}
    if args.before_repo:
        before = start(args.before_repo.resolve(), args.python, args.before_module, "before", True)
        servers = {"before": before, **servers}
    from playwright.sync_api import sync_playwright

    results: dict[str, dict[str, list[dict]]] = {label: {} for label in servers}
    try:
        for server in servers.values():
            server.start(ready_timeout=180)
        time.sleep(20)  # let the first kernel pools fill before the first visit
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for name in args.pages.split(","):
                for _ in range(args.repeat if name != "landing" else 1):
                    for label, server in servers.items():  # alternate: same load for both
                        run = measure(server, browser, name, PAGES[name])
                        results[label].setdefault(name, []).append(run)
                for label in servers:
                    print(summary(label, name, results[label][name]), flush=True)
            browser.close()
    finally:
        for server in servers.values():
            server.stop()
    report(args, results)


def report(args: argparse.Namespace, results: dict[str, dict[str, list[dict]]]) -> None:
    """Targets, ratios, the waterfall; the JSON file."""
    for label, pages in results.items():
        night = pages.get("night")
        if not night:
            continue
        weight = night[0]["first"]["bytes"]
        charts = [r["first"]["first_chart_s"] for r in night if r["first"]["first_chart_s"]]
        chart = statistics.median(charts) if charts else None
        print(
            f"{label}: night page first visit {weight / 1e6:.2f} MB (target <= "
            f"{TARGET_FIRST_VISIT_BYTES / 1e6:.0f} MB: "
            f"{'met' if weight <= TARGET_FIRST_VISIT_BYTES else 'NOT met'}); first readable "
            f"chart {chart} s, median of {len(charts)} (target <= {TARGET_FIRST_CHART_S} s: "
            f"{'met' if chart is not None and chart <= TARGET_FIRST_CHART_S else 'NOT met'})"
        )
        if args.waterfall:
            print(f"--- {label}: night page, first visit, throttled")
            print("\n".join(night[0]["first"]["waterfall"]))
        if args.frames:
            print(f"--- {label}: night page, first visit, the widget state")
            print("\n".join(night[0]["first"]["largest_frame"]))
    if "before" in results and args.label in results:
        for name, runs in results[args.label].items():
            old = [r["first"]["first_chart_s"] for r in results["before"].get(name, [])]
            new = [r["first"]["first_chart_s"] for r in runs]
            if all(old) and all(new) and old and new:
                ratio = statistics.median(new) / statistics.median(old)
                print(f"{name}: first readable chart after / before = {ratio:.2f}")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"page_weight_{args.label}.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

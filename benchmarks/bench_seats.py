"""Seats held by nobody (issue 11): a burst of plain GETs, then a real visitor.

    .venv/bin/python benchmarks/bench_seats.py [--gets 30] [--scenario shipped release before]

Serves notebooks/ as ``make app`` does (voila.json: one preheated kernel per dashboard, a cap
of 24 kernels) on a free port of 127.0.0.1, waits until the pools are full and quiet, then
sends --gets plain GETs of the night dashboard at once, from one address, as any web page can
make a visitor's browser send them (no websocket is ever opened). Then one visitor, from the
same address, asks for the page until it gets it (honouring ``Retry-After``, or every 2 s on
the 503 page) and checks that its kernel answers ``kernel_info_request`` on the websocket.

Scenarios:

- ``shipped``: the settings as shipped (page-load limit per address, 60 s release);
- ``release``: the page-load limit off (``RequestGuard.page_load_burst=0``): the release of
  kernels whose page never opened its websocket alone;
- ``before``: both off, as before issue 11 (seats came back only with the 600 s idle cull);
  the visitor gives up after --give-up seconds.

Prints, per scenario: GET answers by status, kernels started by the burst (log lines) and the
most kernel processes seen, seconds until the visitor had a working page, and seconds until
the server was back to its idle kernel count. Figures to benchmarks/out/seats.json. Traffic
goes to 127.0.0.1 only; every loop is bounded.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "e2e"))

from e2e_support import VoilaServer, http_get  # noqa: E402

OUT = REPO / "benchmarks" / "out"
PAGE = "/voila/render/night.ipynb"
SCENARIOS = {
    "shipped": [],
    "release": ["--RequestGuard.page_load_burst=0"],
    "before": [
        "--RequestGuard.page_load_burst=0",
        "--WorkshopKernelManager.unconnected_kernel_timeout=0",
        "--WorkshopKernelManager.disconnected_kernel_timeout=0",
    ],
}


def get(server: VoilaServer, query: str = "") -> tuple[int, str, dict[str, str]]:
    """GET the page; (status, body, headers) of the answer."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(server.base_url + PAGE + query, timeout=300) as resp:
            return resp.status, resp.read().decode("utf-8", "replace"), dict(resp.headers)
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8", "replace"), dict(err.headers)


def kernel_answers(server: VoilaServer, kernel_id: str, timeout: float = 60) -> bool:
    """Open the page's kernel websocket (v1 protocol) and wait for kernel_info_reply."""
    import websocket
    from jupyter_server.services.kernels.connection.base import (
        deserialize_msg_from_ws_v1,
        serialize_msg_to_ws_v1,
    )

    session = uuid.uuid4().hex
    url = server.base_url.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels"
    ws = websocket.create_connection(
        f"{url}?session_id={session}",
        subprotocols=["v1.kernel.websocket.jupyter.org"],
        origin=server.base_url,
        timeout=timeout,
    )
    try:
        header = {
            "msg_id": uuid.uuid4().hex,
            "msg_type": "kernel_info_request",
            "username": "visitor",
            "session": session,
            "date": "",
            "version": "5.3",
        }
        parts = [json.dumps(p).encode() for p in (header, {}, {}, {})]
        ws.send_binary(serialize_msg_to_ws_v1(parts, "shell"))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            data = ws.recv()
            if isinstance(data, bytes) and data:
                _, msg = deserialize_msg_from_ws_v1(data)
                if json.loads(msg[0])["msg_type"] == "kernel_info_reply":
                    return True
        return False
    finally:
        ws.close()


def release(server: VoilaServer, kernel_id: str) -> None:
    """Voila's unload beacon, with the double-submit _xsrf cookie the template sets."""
    import secrets
    import urllib.request

    token = secrets.token_hex(16)
    req = urllib.request.Request(
        f"{server.base_url}/voila/api/shutdown/{kernel_id}",
        data=f"_xsrf={token}".encode(),
        headers={"Cookie": f"_xsrf={token}", "Origin": server.base_url},
        method="POST",
    )
    try:
        urllib.request.urlopen(req, timeout=30).close()
    except Exception as exc:  # the figures matter more than this visitor's tidy exit
        print(f"    (beacon failed: {exc})")


def wait_quiet(server: VoilaServer, timeout: float) -> int:
    """Wait until every pool logged 'filled' and the kernel count held for 10 s."""
    pools = len(list((REPO / "notebooks").glob("*.ipynb")))
    deadline = time.monotonic() + timeout
    while len(set(re.findall(r"Kernel pool of (\S+) is filled", server.log_text()))) < pools:
        if time.monotonic() > deadline:
            raise TimeoutError("the pools did not fill")
        time.sleep(1)
    last, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        count = len(server.kernel_pids())
        if count != last:
            last, since = count, time.monotonic()
        elif time.monotonic() - since > 10:
            return count
        time.sleep(0.5)
    raise TimeoutError("the kernel count did not settle")


def run(name: str, gets: int, give_up: float) -> dict:
    server = VoilaServer(
        log_path=OUT / f"voila-seats-{name}.log",
        extra_args=SCENARIOS[name],
        page_load_limit=True,  # on unless the scenario's own arguments turn it off
    )
    server.start(ready_timeout=180)
    result: dict = {"scenario": name, "gets": gets}
    try:
        idle = wait_quiet(server, 600)
        result["idle_kernels"] = idle
        started_before = server.count_log(r"Kernel started")
        peak = {"n": idle}
        stop = threading.Event()

        def watch() -> None:
            while not stop.is_set():
                peak["n"] = max(peak["n"], len(server.kernel_pids()))
                time.sleep(0.25)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        t0 = time.monotonic()
        with ThreadPoolExecutor(max_workers=gets) as pool:
            statuses = list(pool.map(lambda _: get(server)[0], range(gets)))
        result["burst_s"] = round(time.monotonic() - t0, 1)
        result["statuses"] = dict(sorted(Counter(statuses).items()))

        # The visitor, from the same address.
        working = None
        while time.monotonic() - t0 < give_up:
            status, body, headers = get(server, "?lang=en")
            found = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', body)
            if status == 200 and found:
                ok = kernel_answers(server, found.group(1))
                working = round(time.monotonic() - t0, 1) if ok else None
                release(server, found.group(1))
                break
            time.sleep(min(float(headers.get("Retry-After", 2)), 10))
        result["visitor_working_after_s"] = working

        back = None
        while time.monotonic() - t0 < give_up + 120:
            if len(server.kernel_pids()) <= idle:
                back = round(time.monotonic() - t0, 1)
                break
            time.sleep(1)
        stop.set()
        watcher.join()
        result["kernels_started_by_burst"] = server.count_log(r"Kernel started") - started_before
        result["peak_kernels"] = peak["n"]
        result["back_to_idle_after_s"] = back
        result["released_unconnected"] = server.count_log(r"did not open the kernel websocket")
        result["refused_page_loads_logged"] = server.count_log(r"page-load limit: refused")
        status, _ = http_get(server.base_url + "/voila/static/voila.js", timeout=30)
        result["server_answers_after"] = status == 200
    finally:
        server.stop(grace=30)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gets", type=int, default=30)
    parser.add_argument(
        "--scenario", nargs="+", choices=list(SCENARIOS), default=["shipped", "release"]
    )
    parser.add_argument("--give-up", type=float, default=150, help="seconds (visitor)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    results = []
    for name in args.scenario:
        print(f"==> {name}: {args.gets} plain GETs of {PAGE} at once, then a visitor", flush=True)
        result = run(name, args.gets, args.give_up)
        results.append(result)
        for key, value in result.items():
            print(f"    {key:28} {value}")
    (OUT / "seats.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"figures in {OUT / 'seats.json'}")


if __name__ == "__main__":
    main()

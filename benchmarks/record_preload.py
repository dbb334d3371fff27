"""Record the preload list (explainer.serving.hints): which scripts each page's Voila bundle
fetches in chains, in headless Chromium.

    .venv/bin/python benchmarks/record_preload.py [--pages night,unit,fit,reforms] [--check]

Starts the server with an empty preload list, opens each page once in a fresh browser context
(empty cache) and keeps every script it requested under Voila's static routes that the page's
own HTML did not name (requested by a script: webpack's chunk loader), plus ``voila.js``
(named by the HTML, but at the end of the body: the browser meets it late). For each, the
SHA-256 of the file Voila serves (explainer.serving.hints.file_for) and the pages that use it.
Writes ``share/jupyter/voila/templates/explainer/preload.json`` (``--check``: only compare,
exit 1 if it differs) and prints the figures: files and bytes per page, hinted or not.

Re-run it after upgrading Voila, ipywidgets or anywidget (the server logs the hints it drops
at start-up), and commit the file; tests/e2e/test_preload.py fails if the night page loads a
script that was not hinted.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "e2e"))
sys.path.insert(0, str(REPO / "src"))

from e2e_support import VoilaServer, launch_chromium  # noqa: E402

from explainer.serving import hints  # noqa: E402

OUT = REPO / "benchmarks" / "out"
MANIFEST = REPO / "share" / "jupyter" / "voila" / "templates" / "explainer" / hints.MANIFEST_NAME
# Already hinted by the template another way (modulepreload; the extensions' remoteEntry).
SKIP = ("/jupyterchart.js", "/remoteEntry.")


def wanted(url: str, initiator: str, base: str) -> str | None:
    """``url`` relative to the base URL if it belongs in the list, else None."""
    if not url.startswith(base + "/"):
        return None
    relative = url[len(base) + 1 :]
    if not hints.URL.fullmatch(relative) or any(s in relative for s in SKIP):
        return None
    path = urlsplit(relative).path
    if not path.endswith(".js"):
        return None  # fonts: the icon font is not on the chart's path (see the docstring)
    if initiator == "script" or path == "voila/static/voila.js":
        return relative
    return None


def record(server: VoilaServer, browser, page_name: str) -> list[tuple[str, int]]:
    """The scripts one fresh visit of a page fetched (relative URL, encoded bytes), in order."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    seen: dict[str, dict] = {}
    cdp.on(
        "Network.requestWillBeSent",
        lambda e: seen.setdefault(
            e["requestId"],
            {"url": e["request"]["url"], "init": e.get("initiator", {}).get("type", "")},
        ),
    )
    cdp.on(
        "Network.loadingFinished",
        lambda e: seen.get(e["requestId"], {}).update(bytes=int(e.get("encodedDataLength", 0))),
    )
    page.goto(f"{server.base_url}/voila/render/{page_name}.ipynb", timeout=180_000)
    page.wait_for_function(
        """() => { const m = document.querySelector("svg.marks");
                   return m && m.childElementCount > 0; }""",
        polling="raf",
        timeout=180_000,
    )
    page.wait_for_timeout(3000)  # widget views and their chunks after the first chart
    context.close()
    out = []
    for row in seen.values():
        relative = wanted(row["url"], row["init"], server.base_url)
        if relative and relative not in [r for r, _ in out]:
            out.append((relative, row.get("bytes", 0)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", default="night,unit,fit,reforms")
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 if stale")
    args = parser.parse_args()
    pages = args.pages.split(",")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp, "none.json")
        empty.write_text('{"files": []}')
        server = VoilaServer(
            log_path=OUT / "record_preload_voila.log",
            extra_args=[f"--ExplainerVoila.preload_manifest={empty}"],
        )
        per_page: dict[str, list[tuple[str, int]]] = {}
        try:
            server.start(ready_timeout=180)
            time.sleep(10)
            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                for name in pages:
                    per_page[name] = record(server, browser, name)
                browser.close()
        finally:
            server.stop()
    roots = hints.static_roots()
    files: dict[str, dict] = {}
    for name in pages:
        for url, size in per_page[name]:
            path = hints.file_for(url, roots)
            if path is None:
                print(f"not found on disk, left out: {url}")
                continue
            entry = files.setdefault(
                url, {"url": url, "sha256": hints.sha256(path), "bytes": size, "pages": []}
            )
            entry["pages"].append(name)
    for name in pages:
        used = [files[u] for u, _ in per_page[name] if u in files]
        extra = [e for e in files.values() if name not in e["pages"]]
        print(
            f"{name:<8} {len(used):3d} scripts fetched in chains, "
            f"{sum(e['bytes'] for e in used) / 1e3:6.0f} kB on the wire; "
            f"{len(extra)} recorded for other pages only "
            f"({sum(e['bytes'] for e in extra) / 1e3:.0f} kB)"
        )
    import voila

    manifest = {
        "about": "Scripts Voila's pages fetch in chains; written by benchmarks/record_preload.py, "
        "read by explainer.serving.hints (entries whose file differs are dropped at start-up).",
        "voila": voila.__version__,
        "files": list(files.values()),
    }
    text = json.dumps(manifest, indent=1, ensure_ascii=False) + "\n"
    if args.check:
        old = json.loads(MANIFEST.read_text()) if MANIFEST.exists() else {"files": []}
        same = {(e["url"], e["sha256"]) for e in old["files"]} == {
            (e["url"], e["sha256"]) for e in files.values()
        }
        print("preload.json is up to date" if same else "preload.json is STALE: re-record")
        return 0 if same else 1
    MANIFEST.write_text(text, encoding="utf-8")
    print(f"wrote {MANIFEST.relative_to(REPO)}: {len(files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Preload hints on a first visit (explainer.serving.hints, issue 15).

Without hints, Voila's bundle discovers its chunks in chains: ``voila.js`` runs, then asks for
~70 chunks, which run and ask for the extensions' chunks, and so on; each such request is
started by a script (the DevTools protocol's initiator ``script``). With the hints every one
of them is in the page's ``<head>`` as ``<link rel="preload">``, so the browser requests them
from the HTML (initiator ``parser``) and webpack's own ``<script>`` finds them in the memory
cache. A stale list (a hinted file changed or gone) must leave the page working. The hints
are off unless the server is started with ``--ExplainerVoila.preload_hints=True`` (and the
hinting tests turn the chunk bundle off, which would otherwise make the hints moot).

The chunk bundle (explainer.serving.bundle, on by default: ``--ExplainerVoila.bundle_chunks``)
puts the same chunks in one script, ``chunks.js``, that runs before webpack starts.
"""

from __future__ import annotations

import hashlib
import json
import re
import urllib.request
import uuid

import pytest
from e2e_support import (
    ARTIFACTS,
    PAGE_TIMEOUT_MS,
    REPO,
    VoilaServer,
    assert_no_error_text,
    worker_file,
)

from explainer.serving.hints import file_for, static_roots

NIGHT = "/voila/render/night.ipynb"
TEMPLATE = REPO / "share" / "jupyter" / "voila" / "templates" / "explainer"
STATIC_ROUTE = re.compile(r"/voila/(static|labextensions|templates/[^/]+/static)/")
CHART_DRAWN = """() => {
    const m = document.querySelector("svg.marks");
    return m && m.childElementCount > 0 && m.getClientRects().length > 0;
}"""


def first_visit(browser, url: str) -> tuple[list[dict], str, object]:
    """Open ``url`` in a fresh context (empty cache) until its first chart is drawn; every
    request (url, DevTools initiator type, status) and the page's HTML."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    rows: dict[str, dict] = {}
    cdp.on(
        "Network.requestWillBeSent",
        lambda e: rows.setdefault(
            e["requestId"],
            {"url": e["request"]["url"], "initiator": e.get("initiator", {}).get("type")},
        ),
    )
    cdp.on(
        "Network.responseReceived",
        lambda e: rows.get(e["requestId"], {}).update(status=e["response"]["status"]),
    )
    response = page.goto(url, timeout=PAGE_TIMEOUT_MS)
    html = response.text()
    page.wait_for_function(CHART_DRAWN, polling=200, timeout=PAGE_TIMEOUT_MS)
    page.wait_for_timeout(2000)  # the widget views' chunks come after the first chart
    assert_no_error_text(page)
    return list(rows.values()), html, context


def hinted(html: str) -> set[str]:
    return set(re.findall(r'<link rel="preload" as="script" href="([^"]+)"', html))


def remote_entries(html: str) -> set[str]:
    """The extensions' entry points, which the template preloads with or without the list."""
    return {url for url in hinted(html) if "/remoteEntry." in url}


def late_scripts(rows: list[dict], base: str) -> list[str]:
    """Scripts from Voila's static routes that a script asked for (not the page's HTML)."""
    return [
        row["url"][len(base) :]
        for row in rows
        if row["url"].startswith(base)
        and STATIC_ROUTE.search(row["url"])
        and row["initiator"] == "script"
        and re.search(r"\.js(\?|$)", row["url"])
    ]


#: The servers of this file serve the night page alone: only its pool is filled (voila.json
#: preheats every dashboard, and each pre-run costs a kernel start and a notebook run). The
#: list replaces voila.json's (``guide/``); Voila matches each entry as a substring or a
#: regular expression of the notebook's path.
ONLY_NIGHT_PREHEATED = [
    f"--VoilaKernelManager.preheat_denylist={name}" for name in ("guide/", "unit", "fit", "reforms")
]


def hinting_server(name: str, *extra: str) -> VoilaServer:
    """A server with the hints on (``ExplainerVoila.preload_hints``, off by default)."""
    return VoilaServer(
        log_path=ARTIFACTS / worker_file(f"voila-{name}.log"),
        extra_args=[
            "--ExplainerVoila.preload_hints=True",
            "--ExplainerVoila.bundle_chunks=False",
            *ONLY_NIGHT_PREHEATED,
            *extra,
        ],
    ).start(ready_timeout=180)


def test_hints_are_off_by_default(base_url):
    with urllib.request.urlopen(base_url + NIGHT, timeout=180) as response:
        html = response.read().decode("utf-8")
    assert 'rel="modulepreload"' in html and not hinted(html) - remote_entries(html)


def test_night_page_first_visit_requests_every_chunk_from_the_hints(browser):
    server = hinting_server("preload")
    try:
        base_url = server.base_url
        rows, html, context = first_visit(browser, base_url + NIGHT)
        context.close()
    finally:
        server.stop()
    links = hinted(html)
    assert len(links) > 50, "the page carries no preload hints for Voila's chunks"
    late = late_scripts(rows, base_url)
    assert not late, (
        "the night page loaded scripts it had no hint for (found only when a script ran); "
        "re-record the list with `.venv/bin/python benchmarks/record_preload.py`:\n  "
        + "\n  ".join(late)
    )
    chunks = [r for r in rows if re.search(r"/voila/static/\d+\.voila\.js$", r["url"])]
    assert len(chunks) > 50 and all(r["initiator"] == "parser" for r in chunks)
    requested = {r["url"][len(base_url) :] for r in rows}
    unused = links - remote_entries(html) - requested
    assert not unused, f"hinted but not used: {sorted(unused)[:5]}"


@pytest.fixture
def stale_file():
    """A file in the template's static folder, there when the server starts, gone later."""
    path = TEMPLATE / "static" / f"stale-hint-{uuid.uuid4().hex[:12]}.js"
    path.write_text("/* removed before the page asks for it */\n", encoding="utf-8")
    yield path
    path.unlink(missing_ok=True)


def test_a_stale_hint_list_leaves_the_page_working(browser, tmp_path, stale_file):
    """Hints for a file that changed (its recorded hash differs), one that was never there and
    one that disappears after start-up: the first two are dropped (webpack loads the changed
    chunk itself, as without hints), the third is requested, answered 404 and not needed."""
    shipped = json.loads((TEMPLATE / "preload.json").read_text(encoding="utf-8"))
    files = shipped["files"]
    changed = next(f for f in files if f["url"] == "voila/static/5764.voila.js")
    changed["sha256"] = "0" * 64
    gone = f"voila/templates/explainer/static/{stale_file.name}"
    files += [
        {"url": "voila/static/9999999.voila.js", "sha256": "1" * 64, "pages": ["night"]},
        {
            "url": gone,
            "sha256": hashlib.sha256(stale_file.read_bytes()).hexdigest(),
            "pages": ["night"],
        },
    ]
    manifest = tmp_path / "preload.json"
    manifest.write_text(json.dumps(shipped), encoding="utf-8")
    server = hinting_server("preload-stale", f"--ExplainerVoila.preload_manifest={manifest}")
    try:
        server.wait_for_log(r"preload hints: 2 of \d+ entries", timeout=60)
        stale_file.unlink()
        rows, html, context = first_visit(browser, server.base_url + NIGHT)
        context.close()
    finally:
        server.stop()
    links = {link.removeprefix("/") for link in hinted(html)}  # the base URL is "/"
    assert gone in links
    assert changed["url"] not in links and "voila/static/9999999.voila.js" not in links
    by_url = {row["url"][len(server.base_url) + 1 :]: row for row in rows}
    assert by_url[gone]["status"] == 404
    assert by_url[changed["url"]]["initiator"] == "script"  # as without hints
    assert by_url[changed["url"]]["status"] == 200
    assert late_scripts(rows, server.base_url) == ["/" + changed["url"]]


def bundling_server(name: str, *extra: str) -> VoilaServer:
    """A server with the chunk bundle on (``ExplainerVoila.bundle_chunks``, on by default)."""
    return VoilaServer(
        log_path=ARTIFACTS / worker_file(f"voila-{name}.log"),
        extra_args=["--ExplainerVoila.bundle_chunks=True", *ONLY_NIGHT_PREHEATED, *extra],
    ).start(ready_timeout=180)


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=180) as response:
        assert response.status == 200
        return response.read()


BUNDLE_TAG = re.compile(
    r'<script src="(/voila/templates/explainer/static/chunks\.js\?v=[0-9a-f]+)">'
)


def test_the_bundle_is_on_by_default(base_url):
    """The session's server runs with the shipped settings: its pages load chunks.js (so every
    browser test of the suite draws its pages with the bundle)."""
    bundled(base_url)


def bundled(base_url: str) -> tuple[str, bytes]:
    """The night page's HTML and the chunk bundle it names."""
    html = fetch(base_url + NIGHT).decode("utf-8")
    tag = BUNDLE_TAG.search(html)
    assert tag, "the page does not load chunks.js"
    assert html.index(tag.group(1)) < html.index("/voila/static/voila.js")
    return html, fetch(base_url + tag.group(1))


def installed(url: str) -> bytes:
    path = file_for(url, static_roots())
    assert path is not None, url
    return path.read_bytes().rstrip()


def test_the_bundle_holds_every_listed_chunk_before_voila_starts():
    """With the bundle on, the page loads chunks.js before voila.js, and the file holds every
    chunk on the list, byte for byte (pages are not drawn here: every other browser test draws
    them with the bundle, which is on by default)."""
    server = bundling_server("bundle")
    try:
        _, data = bundled(server.base_url)
    finally:
        server.stop()
    listed = json.loads((TEMPLATE / "preload.json").read_text(encoding="utf-8"))["files"]
    chunks = [f["url"] for f in listed if not f["url"].endswith("/voila.js")]
    assert len(chunks) > 50
    for url in chunks:
        assert installed(url) in data, f"{url} is not in chunks.js"
    assert installed("voila/static/voila.js") not in data


def test_a_changed_chunk_is_left_out_of_the_bundle(tmp_path):
    """A chunk whose file no longer matches the list is not bundled (webpack fetches it itself,
    as without the bundle)."""
    shipped = json.loads((TEMPLATE / "preload.json").read_text(encoding="utf-8"))
    changed = next(f for f in shipped["files"] if f["url"] == "voila/static/5764.voila.js")
    changed["sha256"] = "0" * 64
    manifest = tmp_path / "preload.json"
    manifest.write_text(json.dumps(shipped), encoding="utf-8")
    server = bundling_server("bundle-stale", f"--ExplainerVoila.preload_manifest={manifest}")
    try:
        _, data = bundled(server.base_url)
    finally:
        server.stop()
    assert installed(changed["url"]) not in data
    assert installed("voila/static/8135.voila.js") in data

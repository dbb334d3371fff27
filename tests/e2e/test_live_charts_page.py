"""Charts updated in place (issue 14, speed), in headless Chromium against a real Voila.

A slider move on the night page changes only the charts' data and parameters
(explainer.charts.live): the page's chart module (serving/jupyterchart.js) then keeps the
chart's svg and moves its marks through Vega's View API instead of embedding it again. A
structure change (pinning A, another language) still embeds the chart again, and an updated
chart shows the same marks as a fresh load of the same scenario's link.
"""

from __future__ import annotations

from e2e_support import PAGE_TIMEOUT_MS, assert_no_error_text, switch_language

NIGHT = "/voila/render/night.ipynb"
HANDLE = ".explainer-param-signin_min_per_app .noUi-handle"
TIMELINE = ".explainer-chart-timeline"
LINK_INPUT = "input.explainer-link-text"
PIN = ".explainer-pin"

#: The module's counters on the chart's element: full embeds and in-place updates.
COUNTS_JS = """sel => {
    const el = document.querySelector(sel + "[data-embeds], " + sel + " [data-embeds]");
    return el ? {embeds: +el.dataset.embeds, live: +el.dataset.liveUpdates} : null;
}"""

#: True once the bands are drawn for the scenario on the page and the chart has not changed
#: for 800 ms (the module updates the chart after each message: values, then the band).
QUIET_JS = """sel => {
    const table = document.querySelector(".explainer-bands-table[data-state='ready']");
    const marker = document.querySelector(".explainer-headline .explainer-value-scenario");
    const svg = document.querySelector(sel + " svg.marks");
    if (!table || !marker || table.dataset.scenario !== marker.dataset.scenario || !svg)
        return false;
    const w = window.__quiet ??= {svg: null, html: null, since: 0};
    const html = svg.outerHTML, now = performance.now();
    if (w.svg !== svg || w.html !== html) {
        Object.assign(w, {svg, html, since: now});
        return false;
    }
    return now - w.since > 800;
}"""

#: Every mark drawn: its kind, its geometry and its text (ids such as clip paths left out).
MARKS_JS = """sel => {
    const svg = document.querySelector(sel + " svg.marks");
    const keys = ["d", "x", "y", "x1", "x2", "y1", "y2", "transform", "width", "height"];
    return [...svg.querySelectorAll("g[class*='mark-'] > *")].map(node =>
        [node.closest("g[class*='mark-']").getAttribute("class"), node.tagName,
         ...keys.map(k => node.getAttribute(k)), node.textContent]);
}"""


def settle(page) -> None:
    page.evaluate("() => { window.__quiet = null; }")
    page.wait_for_function(QUIET_JS, arg=TIMELINE, timeout=PAGE_TIMEOUT_MS, polling=100)


def open_page(page, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    page.locator(HANDLE).wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    settle(page)


def counts(page) -> dict[str, int]:
    found = page.evaluate(COUNTS_JS, TIMELINE)
    assert found is not None, "the chart module in use is not the project's (no counters)"
    return found


def test_a_slider_move_updates_the_chart_in_place_and_a_structure_change_redraws_it(
    page, base_url, browser
):
    open_page(page, f"{base_url}{NIGHT}?lang=en")
    start, before = counts(page), page.evaluate(MARKS_JS, TIMELINE)
    page.evaluate("sel => { document.querySelector(sel + ' svg.marks').__kept = true; }", TIMELINE)

    page.locator(HANDLE).focus()
    for _ in range(2):
        page.keyboard.press("ArrowRight")
        settle(page)
    after = counts(page)
    assert after["embeds"] == start["embeds"], "a slider move embedded the chart again"
    assert after["live"] >= start["live"] + 2, after  # each move, then each band
    kept = "sel => document.querySelector(sel + ' svg.marks').__kept === true"
    assert page.evaluate(kept, TIMELINE), "the chart's svg was replaced"
    moved = page.evaluate(MARKS_JS, TIMELINE)
    assert moved != before, "the timeline's marks did not move"
    assert_no_error_text(page)

    # The same scenario, loaded fresh from its link, draws the same marks.
    link = page.input_value(LINK_INPUT)
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 1000})
    try:
        other = context.new_page()
        open_page(other, link)
        assert counts(other)["embeds"] >= 1
        assert other.evaluate(MARKS_JS, TIMELINE) == moved
    finally:
        context.close()

    # Pinning A overlays a second scenario: a new structure, so the chart is embedded again.
    page.locator(PIN).click()
    page.wait_for_function(
        f"([sel, n]) => ({COUNTS_JS})(sel).embeds > n",
        arg=[TIMELINE, after["embeds"]],
        timeout=PAGE_TIMEOUT_MS,
    )
    settle(page)
    pinned = counts(page)
    switch_language(page, "中文")
    page.wait_for_function(
        f"([sel, n]) => ({COUNTS_JS})(sel).embeds > n",
        arg=[TIMELINE, pinned["embeds"]],
        timeout=PAGE_TIMEOUT_MS,
    )
    settle(page)
    assert_no_error_text(page)

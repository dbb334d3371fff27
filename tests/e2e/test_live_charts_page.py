"""Charts updated in place (issue 14, speed), in headless Chromium against a real Voila.

A slider move on the night page changes only the charts' data and parameters
(explainer.charts.live): the page's chart module (serving/jupyterchart.js) then keeps the
chart's svg and moves its marks through Vega's View API instead of embedding it again. A
structure change (pinning A, another language) still embeds the chart again, and an updated
chart shows the same marks as a fresh load of the same scenario's link.
"""

from __future__ import annotations

import pytest
from e2e_support import (
    PAGE_TIMEOUT_MS,
    assert_no_error_text,
    declared,
    group_label,
    locale_text,
    reveal_control,
    switch_language,
)

NIGHT = "/voila/render/night.ipynb"
SLIDER = "signin_min_per_app"
HANDLE = f".explainer-param-{SLIDER} .noUi-handle"
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


# ----------------------------------------------------------------------------- the tornado
TORNADO = ".explainer-chart-tornado"
#: At every change on the page, the value marker's scenario, the tornado's caption (its
#: last line: the page's state; or the line saying its bars are being computed) and its
#: number of bars, when any of them changed.
TORNADO_WATCH_JS = """sel => {
    const seen = window.__tornado = {records: []};
    let last = "";
    const record = () => {
        const marker = document.querySelector(".explainer-headline .explainer-value-scenario");
        const svg = document.querySelector(sel + " svg.marks");
        if (!marker || !svg) return;
        const caption = [...svg.querySelectorAll(".role-title-subtitle text")]
            .map(t => t.textContent).join("");
        const row = [marker.dataset.scenario, caption,
            svg.querySelectorAll(".layer_0_marks > path").length];
        const key = JSON.stringify(row);
        if (key !== last) { seen.records.push(row); last = key; }
    };
    new MutationObserver(record).observe(document.body,
        {subtree: true, childList: true, characterData: true, attributes: true});
}"""
#: True once the tornado shows bars and no "being computed" line.
TORNADO_DRAWN_JS = """([sel, pending]) => {
    const svg = document.querySelector(sel + " svg.marks");
    if (!svg || !svg.querySelectorAll(".layer_0_marks > path").length) return false;
    const caption = [...svg.querySelectorAll(".role-title-subtitle text")]
        .map(t => t.textContent).join("").replace(/\\s+/g, "");
    return !caption.includes(pending);
}"""
MARKER = ".explainer-headline .explainer-value-scenario"


def _drawn(marks: list[list]) -> list[list]:
    """Marks as a set: an axis updated in place keeps its old ticks' nodes first (the same
    ticks and places, in another order), and a group's text is all of its children's."""
    return sorted((row[:-1] + ["" if row[1] == "g" else row[-1]] for row in marks), key=repr)


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _stamp_of(query: str) -> str:
    """The value marker's scenario stamp of the night page at ``query`` (ui/bands.py)."""
    from explainer.ui.night import NightDashboard

    board = NightDashboard("en")
    board.apply_query(query)
    return board.bands.stamp()


def test_the_tornado_is_updated_in_place_and_never_shows_an_older_scenario(page, base_url, browser):
    pending = _squeezed(locale_text("tornado_pending", "en"))
    open_page(page, f"{base_url}{NIGHT}?lang=en")
    page.wait_for_function(TORNADO_DRAWN_JS, arg=[TORNADO, pending], timeout=PAGE_TIMEOUT_MS)
    start = page.evaluate(COUNTS_JS, TORNADO)
    assert start is not None, "the chart module in use is not the project's (no counters)"
    page.evaluate("sel => { document.querySelector(sel + ' svg.marks').__kept = true; }", TORNADO)
    page.evaluate(TORNADO_WATCH_JS, TORNADO)

    page.locator(HANDLE).focus()
    for _ in range(4):  # a burst: each change as soon as the last one's values show
        before = page.locator(MARKER).get_attribute("data-scenario")
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            f"() => document.querySelector('{MARKER}')?.dataset.scenario !== '{before}'",
            timeout=PAGE_TIMEOUT_MS,
        )
    settle(page)
    page.wait_for_function(TORNADO_DRAWN_JS, arg=[TORNADO, pending], timeout=PAGE_TIMEOUT_MS)

    after = page.evaluate(COUNTS_JS, TORNADO)
    assert after["embeds"] == start["embeds"], "a slider move embedded the tornado again"
    assert after["live"] > start["live"], after
    kept = "sel => document.querySelector(sel + ' svg.marks').__kept === true"
    assert page.evaluate(kept, TORNADO), "the tornado's svg was replaced"

    records = page.evaluate("window.__tornado.records")
    assert any(pending in _squeezed(caption) for _, caption, _ in records), "never pending"
    stamps: dict[str, str] = {}
    for marker, caption, bars in records:
        text = _squeezed(caption)
        if pending in text:
            assert bars == 0, "bars drawn while the tornado says they are being computed"
            continue
        query = text.rsplit("sources.yaml·", 1)[1]
        stamps.setdefault(query, _stamp_of(query))
        assert stamps[query] == marker, f"the tornado of {query} beside other values"
    final = page.locator(MARKER).get_attribute("data-scenario")
    assert records[-1][0] == final and pending not in _squeezed(records[-1][1])
    assert records[-1][2] > 0

    # The bars are the new scenario's: a fresh load of the link draws the same marks.
    moved = page.evaluate(MARKS_JS, TORNADO)
    link = page.input_value(LINK_INPUT)
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 1000})
    try:
        other = context.new_page()
        open_page(other, link)
        other.wait_for_function(TORNADO_DRAWN_JS, arg=[TORNADO, pending], timeout=PAGE_TIMEOUT_MS)
        assert _drawn(other.evaluate(MARKS_JS, TORNADO)) == _drawn(moved)
    finally:
        context.close()
    assert_no_error_text(page)


# ----------------------------------------------------------------------------- chart bands
#: Every chart's element: its class, the module's counters and whether its svg is the one
#: marked before (``__kept``).
CHARTS_JS = """() => [...document.querySelectorAll("[class*='explainer-chart-']")].map(c => {
    const el = c.matches("[data-embeds]") ? c : c.querySelector("[data-embeds]");
    const svg = c.querySelector("svg.marks");
    return [[...c.classList].find(k => k.startsWith("explainer-chart-")),
        el ? +el.dataset.embeds : null, el ? +el.dataset.liveUpdates : null,
        !!svg && svg.__kept === true];
})"""
KEEP_JS = """() => document.querySelectorAll("[class*='explainer-chart-'] svg.marks")
    .forEach(svg => { svg.__kept = true; })"""
#: A page with bands on its charts, what it is opened with, and one change on it (a slider
#: to move one step, or a reform to tick).
BANDED = [
    ("unit", "", ".explainer-param-n_staff .noUi-handle"),
    ("fit", "", ".explainer-param-metric_reward .noUi-handle"),
    ("reforms", "&reforms=one_stop_platform", ".explainer-reform-{other} input[type=checkbox]"),
]


def _charts(page) -> dict[str, tuple]:
    return {css: rest for css, *rest in page.evaluate(CHARTS_JS)}


def _settled(page) -> None:
    """The bands of the scenario on the page are drawn, and no chart moved for 800 ms."""
    page.wait_for_function(
        """() => {
            const table = document.querySelector(".explainer-bands-table[data-state='ready']");
            const marker = document.querySelector(".explainer-headline .explainer-value-scenario");
            if (!table || !marker || table.dataset.scenario !== marker.dataset.scenario)
                return false;
            const now = performance.now();
            const html = [...document.querySelectorAll("[class*='explainer-chart-'] svg.marks")]
                .map(svg => svg.outerHTML).join("");
            const w = window.__still ??= {html: null, since: now};
            if (w.html !== html) { Object.assign(w, {html, since: now}); return false; }
            return now - w.since > 800;
        }""",
        timeout=3 * PAGE_TIMEOUT_MS,
        polling=200,
    )
    page.evaluate("() => { window.__still = null; }")


@pytest.mark.parametrize(("name", "query", "control"), BANDED)
def test_a_band_s_arrival_keeps_each_chart_on_screen(page, base_url, name, query, control):
    """Each page chart, banded ones included (the older bands too: unit veto, fit and reform
    effort, reform minutes), is embedded once; a change, then its bands' arrival, update it
    in place (charts.live: the band's layer is there, empty, from the start)."""
    from explainer.charts.bands import CHART_BANDS

    page.goto(f"{base_url}/voila/render/{name}.ipynb?lang=en{query}")
    page.locator(".explainer-headline").wait_for(timeout=PAGE_TIMEOUT_MS)
    _settled(page)
    before = _charts(page)
    banded = {css for page_id, css in CHART_BANDS if page_id == name}
    assert banded and banded <= set(before), (banded, set(before))
    for css, (embeds, _live, _kept) in before.items():
        assert embeds == 1, f"{css} was embedded {embeds} times on the way in"
    page.evaluate(KEEP_JS)
    marker = page.locator(".explainer-headline .explainer-value-scenario")
    stamp = marker.get_attribute("data-scenario")
    if "{other}" in control:
        other = next(r["id"] for r in declared("reforms")["reforms"] if r["id"] not in query)
        page.locator(control.format(other=other)).check()
    else:
        param = control.split("explainer-param-")[1].split()[0]
        reveal_control(page, control, group_label(param, "en")).focus()
        page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "s => document.querySelector('.explainer-headline .explainer-value-scenario')"
        "?.dataset.scenario !== s",
        arg=stamp,
        timeout=PAGE_TIMEOUT_MS,
    )
    _settled(page)
    after = _charts(page)
    for css in banded:
        embeds, live, kept = after[css]
        assert kept and embeds == 1, f"{css}: drawn again ({embeds} embeds)"
        assert live >= before[css][1] + 1, f"{css}: not updated"
    assert_no_error_text(page)

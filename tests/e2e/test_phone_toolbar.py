"""The phone's first screen and its "More" menu; presenter mode's first screen (issue 15).

On a phone (390 × 844 and 360 × 740) a visitor opening a shared link sees the title, the
summary (which states the headline figures in words) and the top of the first chart without
scrolling; the figures' cards follow the chart. The toolbar's tools fold behind one
"More / 更多" button beside the language switch. Opened, the menu holds every tool, each a tap
target of at least 44 px that touches no other; it opens and closes from the keyboard
(Escape closes it and gives the focus back), and its tools work (Undo after a change, Copy
link). Nothing scrolls sideways; no two tap targets on the first screen overlap or touch.
At 1280 × 720 in presenter mode on a playlist step, the step's question and the headline
figures come before the article's box.
"""

from __future__ import annotations

import pytest
from e2e_support import (
    ARTIFACTS,
    PAGE_TIMEOUT_MS,
    assert_no_error_text,
    locale_text,
    settled_text,
    switch_language,
    wait_for_text,
    wait_for_visible_or_error,
    wait_until_changed,
)

SHOTS = ARTIFACTS / "screens"
DASHBOARDS = ("night", "unit", "fit", "reforms")
PHONES = {"phone-390": (390, 844), "phone-360": (360, 740)}
TOOLBAR = ".explainer-toolbar"
MORE = ".explainer-more-button"
SUMMARY = ".explainer-summary"
MIN_GAP = 4  # px between two tap targets

# Every tool of the night page's toolbar, by selector and label key (the brief button and
# the downloads come from other modules; they are checked by their class).
NIGHT_TOOLS = {
    ".explainer-reset-policy": "reset_policy",
    ".explainer-reset-people": "reset_people",
    ".explainer-undo": "undo",
    ".explainer-pin": "pin_a",
    ".explainer-presenter-toggle": "presenter",
    "button.explainer-copy-link": "copy_link",
    ".explainer-import-button": "import_label",
    ".explainer-playlist-load button": "playlist_load",
}
OTHER_TOOLS = (".explainer-qr-fold summary", ".explainer-exports", ".explainer-brief")

# Where things are, measured in the page: the first screen's boxes and every visible tap
# target (buttons, pickers, links, the QR disclosure), with the pairs that overlap or touch.
LAYOUT_JS = """(minGap) => {
  const H = innerHeight;
  const box = (el) => { const r = el.getBoundingClientRect();
                        return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; };
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    for (let a = el; a; a = a.parentElement) {
      const cs = getComputedStyle(a);
      if (cs.display === "none" || cs.visibility === "hidden") return false;
    }
    return true;
  };
  const first = (sel) => {
    const all = [...document.querySelectorAll(sel)].filter(shown).map(box);
    all.sort((a, b) => a.top - b.top);
    return all[0] || null;
  };
  const targets = [...document.querySelectorAll(
      "button, select, input:not([type=hidden]):not([type=file]), a[href], summary, " +
      ".noUi-handle")]
    .filter(shown).filter((el) => !el.closest(".explainer-controls"))
    .map((el) => ({el, r: el.getBoundingClientRect(),
                   name: el.tagName.toLowerCase() + "." + String(el.className).slice(0, 40) +
                         " " + (el.textContent || el.value || "").trim().slice(0, 16)}));
  const close = [];
  for (let i = 0; i < targets.length; i++) for (let j = i + 1; j < targets.length; j++) {
    const a = targets[i], b = targets[j];
    if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
    // the gap between the two boxes along the axis that separates them (negative: overlap)
    const dx = Math.max(a.r.left - b.r.right, b.r.left - a.r.right);
    const dy = Math.max(a.r.top - b.r.bottom, b.r.top - a.r.bottom);
    const gap = Math.max(dx, dy);
    if (gap < minGap) close.push(a.name + " | " + b.name + " gap " + gap.toFixed(1));
  }
  return {
    height: H, width: innerWidth, scrollWidth: document.scrollingElement.scrollWidth,
    summary: first(".explainer-summary p"),
    chart: first(".explainer-outputs [class*='explainer-chart-'] svg.marks"),
    toolbar: [...document.querySelectorAll(".explainer-toolbar > *")].filter(shown)
      .map((el) => String(el.className).slice(0, 60)),
    close, targets: targets.length,
  };
}"""

# Visible tools inside the toolbar smaller than a 44 × 44 px tap target.
SMALL_TOOLS_JS = """() => [...document.querySelectorAll(
    ".explainer-toolbar button, .explainer-toolbar summary, .explainer-toolbar a[href]")]
  .filter((b) => b.getClientRects().length && getComputedStyle(b).visibility !== "hidden")
  .filter((b) => { const r = b.getBoundingClientRect();
                   return r.width > 0 && (r.height < 44 || r.width < 44); })
  .map((b) => b.className + " " + Math.round(b.getBoundingClientRect().width) + "x" +
              Math.round(b.getBoundingClientRect().height))"""


def open_dashboard(page, base_url: str, name: str, query: str = "") -> None:
    page.goto(f"{base_url}/voila/render/{name}.ipynb{query}", wait_until="domcontentloaded")
    wait_for_visible_or_error(page, "svg.marks", PAGE_TIMEOUT_MS)
    page.wait_for_function(
        "() => [...document.querySelectorAll('svg.marks')].every(s => s.childElementCount > 0)",
        timeout=PAGE_TIMEOUT_MS,
    )


def settle(page) -> None:
    page.wait_for_timeout(500)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def layout(page) -> dict:
    return page.evaluate(LAYOUT_JS, MIN_GAP)


def menu_open(page) -> bool:
    return page.locator(MORE).get_attribute("aria-expanded") == "true"


@pytest.mark.parametrize("name", DASHBOARDS)
def test_a_phone_sees_the_story_first_and_no_tap_targets_touch(page, base_url, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 390, "height": 844})
    open_dashboard(page, base_url, name)
    for view, (width, height) in PHONES.items():
        page.set_viewport_size({"width": width, "height": height})
        settle(page)
        label = f"{name} at {width}×{height}"
        m = layout(page)
        page.screenshot(path=str(SHOTS / f"{name}-{view}-first-screen.png"))
        assert m["scrollWidth"] <= width, f"{label}: scrolls sideways ({m['scrollWidth']})"
        # the toolbar is folded behind one "More" button until opened
        assert not m["toolbar"], f"{label}: toolbar shows {m['toolbar']}"
        assert page.locator(MORE).is_visible(), f"{label}: no More button"
        assert m["summary"] and m["summary"]["bottom"] <= height, f"{label}: {m['summary']}"
        assert m["chart"] and m["chart"]["top"] < height - 40, f"{label}: chart {m['chart']}"
        assert m["targets"] > 3, label
        assert not m["close"], f"{label}: tap targets overlap or touch: {m['close'][:6]}"
        # opened, the menu's tools are 44 px targets that touch nothing, and still fit
        page.locator(MORE).click()
        page.locator(".explainer-undo").wait_for(state="visible")
        settle(page)
        m = layout(page)
        page.screenshot(path=str(SHOTS / f"{name}-{view}-menu-open.png"), full_page=True)
        assert m["scrollWidth"] <= width, f"{label}, menu open: {m['scrollWidth']}"
        assert not m["close"], f"{label}, menu open: targets touch: {m['close'][:6]}"
        small = page.evaluate(SMALL_TOOLS_JS)
        assert not small, f"{label}: menu tools under 44 × 44 px: {small}"
        page.locator(MORE).click()
        page.locator(".explainer-undo").wait_for(state="hidden")
    assert_no_error_text(page)


def test_the_phone_menu_holds_every_tool_in_both_languages_and_they_work(page, base_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page.set_viewport_size({"width": 390, "height": 844})
    open_dashboard(page, base_url, "night")
    more = page.locator(MORE)
    for lang in ("zh", "en"):
        if lang == "en":
            switch_language(page, "English")
        wait_for_text(page, MORE, locale_text("more_menu", lang))
        assert more.get_attribute("aria-expanded") == "false"
        for selector in NIGHT_TOOLS:
            assert not page.locator(selector).first.is_visible(), f"{selector} shown folded"
        more.click()
        assert menu_open(page)
        for selector, key in NIGHT_TOOLS.items():
            tool = page.locator(selector).first
            tool.wait_for(state="visible")
            assert locale_text(key, lang) in tool.inner_text(), f"{selector} in {lang}"
        for selector in OTHER_TOOLS:
            assert page.locator(selector).first.is_visible(), f"{selector} not in the menu"
        # a tap outside closes it
        page.locator(".explainer-title").click()
        page.locator(".explainer-undo").wait_for(state="hidden")
        assert not menu_open(page)

    # the keyboard: Enter opens, Tab walks into the tools, Escape closes and comes back
    more.focus()
    page.keyboard.press("Enter")
    assert menu_open(page)
    page.keyboard.press("Tab")
    assert page.evaluate(
        "() => document.activeElement.closest('.explainer-toolbar') !== null"
        " && !document.activeElement.classList.contains('explainer-more-button')"
    ), "Tab from More does not go into its tools"
    page.keyboard.press("Escape")
    assert not menu_open(page)
    assert page.evaluate("() => document.activeElement.classList.contains('explainer-more-button')")

    # Undo through the menu takes back a change of case
    summary = settled_text(page, SUMMARY)  # with its verdicts, which follow the bands
    select = page.locator(".explainer-preset select")
    other = [
        v
        for v in select.locator("option").evaluate_all("o => o.map(x => x.value)")
        if v != select.input_value()
    ][0]
    select.select_option(other)
    wait_until_changed(page, SUMMARY, summary)
    more.click()
    page.locator(".explainer-undo").click()
    wait_for_text(page, SUMMARY, " ".join(summary.split()))
    # Copy link through the menu copies the page's link
    page.locator("button.explainer-copy-link").click()
    wait_for_text(page, "button.explainer-copy-link", locale_text("copied", "en"))
    assert page.evaluate("navigator.clipboard.readText()") == page.evaluate("location.href")
    assert_no_error_text(page)


def test_wide_screens_keep_the_toolbar_and_no_more_button(page, base_url):
    page.set_viewport_size({"width": 1366, "height": 768})
    open_dashboard(page, base_url, "night")
    assert not page.locator(MORE).is_visible()
    for selector in NIGHT_TOOLS:
        assert page.locator(selector).first.is_visible(), f"{selector} hidden on a laptop"


def test_presenter_on_a_playlist_step_shows_question_and_figures_first(page, base_url):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 720})
    open_dashboard(page, base_url, "night", "?playlist=one-night&step=3")
    page.locator(".explainer-playlist-step .question").wait_for(state="visible")
    page.locator(".explainer-presenter .explainer-headline .card").first.wait_for(state="visible")
    settle(page)
    page.screenshot(path=str(SHOTS / "night-presenter-playlist-step3-1280x720.png"))
    top = page.evaluate(
        """() => Object.fromEntries(Object.entries({
             question: ".explainer-playlist-step .question",
             cards: ".explainer-headline .card",
             article: ".explainer-article-vs-model",
           }).map(([k, s]) => [k, document.querySelector(s).getBoundingClientRect().top])
           .concat([["height", document.querySelector(".explainer-article-vs-model")
                                       .getBoundingClientRect().height]]))"""
    )
    assert top["height"] > 20, f"the article's box is empty on this step: {top}"
    assert top["question"] < top["cards"] < top["article"], top
    # the first row of figures is on the projected first screen, with room for its value
    assert top["cards"] + 60 < 720, top

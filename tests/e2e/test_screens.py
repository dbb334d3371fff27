"""Every page on every screen (issue 15): phone, tablet, laptop, projector.

Each dashboard is opened once (one shared Voila, one page per dashboard) and resized through
the viewports; at each: nothing wider than the screen (neither the document nor Voila's own
scrolling panel scrolls sideways, no visible element pokes out), every chart's SVG inside the
screen, tap targets of 44 px on a phone. Presenter mode at 1280 × 720 and 1920 × 1080: no
two of cards, charts, buttons and QR code overlap, headline figures at least 32 px, one chart
per screen width; on every page. The QR code decodes (zxing-cpp) to the page's current link.

Screenshots of every page at every viewport go to tests/e2e/artifacts/screens/ (kept).
"""

from __future__ import annotations

import pytest
from chart_text import chart_texts, check_chart_text, label_sizes
from e2e_support import ARTIFACTS, PAGE_TIMEOUT_MS, wait_for_visible_or_error

SHOTS = ARTIFACTS / "screens"
DASHBOARDS = ("night", "unit", "fit", "reforms")
VIEWPORTS = {
    "phone-360": (360, 740),
    "phone-390": (390, 844),
    "phone-430": (430, 932),
    "tablet": (768, 1024),
    "laptop": (1366, 768),
    "projector-720": (1280, 720),
    "projector-1080": (1920, 1080),
}
PRESENTER_VIEWPORTS = ("projector-720", "projector-1080")
#: Axis and legend labels in presenter mode, at least (px), legible from the back of a room.
PRESENTER_LABEL_PX = {"projector-720": 14, "projector-1080": 18}
PHONE_MAX = 760  # the stylesheet's phone layout applies below this width

# Everything the viewport check needs, measured in the page.
MEASURE_JS = """() => {
  const W = innerWidth;
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    const cs = getComputedStyle(el);
    return cs.visibility !== "hidden" && cs.display !== "none";
  };
  const name = (el) => el.tagName.toLowerCase() + "." +
      String(el.className && el.className.baseVal !== undefined ? el.className.baseVal
                                                                  : el.className).slice(0, 80);
  // clipped by an ancestor that hides overflow (the screen-reader-only labels, say)
  const clipped = (el) => {
    for (let a = el.parentElement; a; a = a.parentElement) {
      const cs = getComputedStyle(a);
      if (cs.overflowX !== "visible" && a.getBoundingClientRect().right <= W + 1) return true;
    }
    return false;
  };
  const scrollers = [...document.querySelectorAll("*")].filter((el) => {
    const cs = getComputedStyle(el);
    return (cs.overflowX === "auto" || cs.overflowX === "scroll") &&
        el.scrollWidth > el.clientWidth + 1 && el.tagName !== "TABLE" && visible(el);
  }).map(name);
  const poking = [...document.querySelectorAll("body *")].filter((el) => {
    if (!visible(el) || el.closest("option, select, script, style")) return false;
    const r = el.getBoundingClientRect();
    return (r.right > W + 1 || r.left < -1) && !clipped(el);
  }).slice(0, 10).map((el) => name(el) + " right=" + Math.round(el.getBoundingClientRect().right));
  const charts = [...document.querySelectorAll("svg.marks")].map((svg) => {
    const r = svg.getBoundingClientRect();
    return {left: r.left, right: r.right, width: r.width};
  });
  return {
    scrollWidth: document.scrollingElement.scrollWidth, innerWidth: W,
    scrollers, poking, charts,
  };
}"""

# Buttons and pickers shorter than 44 px (a finger's tap target), a chart's ⋯ menu included.
TAP_TARGETS_JS = """() => [...document.querySelectorAll(
    ".jupyter-button, .explainer-copy-link, .widget-toggle-button, .explainer-preset select, " +
    ".vega-embed > details > summary")]
  .filter((b) => b.getClientRects().length && getComputedStyle(b).display !== "none")
  .filter((b) => b.getBoundingClientRect().height < 44)
  .map((b) => b.className + " " + Math.round(b.getBoundingClientRect().height))"""

# Boxes that must not overlap in presenter mode.
BOXES_JS = """() => {
  const sel = [".explainer-cards .card", "svg.marks", ".jupyter-button",
               ".widget-toggle-button", ".explainer-qr-presenter", ".explainer-preset select"];
  const out = [];
  for (const s of sel) {
    document.querySelectorAll(s).forEach((el) => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      if (r.width < 1 || r.height < 1 || cs.visibility === "hidden") return;
      out.push({sel: s, el, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom});
    });
  }
  const clashes = [];
  for (let i = 0; i < out.length; i++) for (let j = i + 1; j < out.length; j++) {
    const a = out[i], b = out[j];
    if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
    const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
    const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
    if (w > 1 && h > 1) clashes.push(a.sel + " × " + b.sel);
  }
  return {count: out.length, clashes};
}"""

# The QR image's pixels as the page draws them (grey levels, row by row).
QR_PIXELS_JS = """(img) => {
  const size = 4 * Math.max(img.naturalWidth, 50);
  const canvas = document.createElement("canvas");
  canvas.width = size; canvas.height = size;
  const ctx = canvas.getContext("2d");
  ctx.imageSmoothingEnabled = false;
  ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, size, size);
  ctx.drawImage(img, 0, 0, size, size);
  const data = ctx.getImageData(0, 0, size, size).data;
  const grey = new Array(size * size);
  for (let i = 0; i < size * size; i++) grey[i] = data[4 * i];
  return {size, grey};
}"""


def open_dashboard(page, base_url: str, name: str) -> None:
    page.goto(f"{base_url}/voila/render/{name}.ipynb", wait_until="domcontentloaded")
    wait_for_visible_or_error(page, "svg.marks", PAGE_TIMEOUT_MS)
    page.wait_for_function(
        "() => [...document.querySelectorAll('svg.marks')].every(s => s.childElementCount > 0)"
        " && document.querySelectorAll('svg.marks').length > 0",
        timeout=PAGE_TIMEOUT_MS,
    )


def settle(page) -> None:
    """Let the layout and Vega's resize (ResizeObserver → window resize) finish."""
    page.wait_for_timeout(600)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def decode_qr(page, img_selector: str) -> str:
    import numpy as np
    import zxingcpp

    img = page.locator(img_selector).first
    pixels = img.evaluate(QR_PIXELS_JS)
    size = pixels["size"]
    array = np.array(pixels["grey"], dtype=np.uint8).reshape(size, size)
    found = zxingcpp.read_barcodes(array)
    assert found, f"no QR code found in {img_selector}"
    return found[0].text


def check_fits(page, label: str) -> dict:
    m = page.evaluate(MEASURE_JS)
    width = m["innerWidth"]
    assert m["scrollWidth"] <= width, f"{label}: the page scrolls sideways ({m['scrollWidth']})"
    assert not m["scrollers"], f"{label}: panels scroll sideways: {m['scrollers']}"
    assert not m["poking"], f"{label}: elements wider than the screen: {m['poking']}"
    assert m["charts"], f"{label}: no chart drawn"
    for chart in m["charts"]:
        assert chart["width"] > 0, f"{label}: a chart is 0 px wide"
        assert chart["left"] >= -1 and chart["right"] <= width + 1, f"{label}: chart {chart}"
    return m


@pytest.mark.parametrize("name", DASHBOARDS)
def test_dashboard_fits_every_screen(page, base_url, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    open_dashboard(page, base_url, name)
    for view, (width, height) in VIEWPORTS.items():
        page.set_viewport_size({"width": width, "height": height})
        settle(page)
        label = f"{name} at {width}×{height}"
        check_fits(page, label)
        page.screenshot(path=str(SHOTS / f"{name}-{view}-{width}x{height}.png"))
        check_chart_text(page, label)
        if width < PHONE_MAX:
            # controls fold away behind one button; tap targets at least 44 px
            assert not page.locator(".explainer-controls").is_visible(), label
            small = page.evaluate(TAP_TARGETS_JS)
            assert not small, f"{label}: tap targets under 44 px: {small}"
    # the settings open on demand on a phone, and still fit
    page.set_viewport_size({"width": 390, "height": 844})
    settle(page)
    page.locator(".explainer-controls-toggle").click()
    page.locator(".explainer-controls").wait_for(state="visible")
    settle(page)
    check_fits(page, f"{name} at 390×844 with the settings open")
    page.screenshot(path=str(SHOTS / f"{name}-phone-390-settings-open.png"))


@pytest.mark.parametrize("name", DASHBOARDS)
def test_presenter_mode_on_a_projector(page, base_url, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 720})
    open_dashboard(page, base_url, name)
    page.locator(".explainer-presenter-toggle").click()
    page.locator(".explainer-qr-presenter img").wait_for(state="visible")
    for view in PRESENTER_VIEWPORTS:
        width, height = VIEWPORTS[view]
        page.set_viewport_size({"width": width, "height": height})
        settle(page)
        label = f"{name} presenter at {width}×{height}"
        m = check_fits(page, label)
        page.screenshot(path=str(SHOTS / f"{name}-presenter-{width}x{height}.png"))
        check_chart_text(page, label)
        boxes = page.evaluate(BOXES_JS)
        assert boxes["count"] > 3, label
        assert not boxes["clashes"], f"{label}: overlapping boxes: {boxes['clashes'][:8]}"
        # no chart menu (the ⋯ button) drawn over a chart
        assert not page.locator(".vega-embed > details").first.is_visible()
        # one chart per screen width
        for chart in m["charts"]:
            assert chart["width"] >= 0.8 * width, f"{label}: a chart is {chart['width']} px"
        sizes = page.evaluate(
            "() => [...document.querySelectorAll('.card-value')]"
            ".map(e => parseFloat(getComputedStyle(e).fontSize))"
        )
        # every page with headline cards (the reform page shows a table instead)
        assert sizes or name == "reforms", f"{label}: no headline figures"
        assert not sizes or min(sizes) >= 32, f"{label}: headline figures at {sizes} px"
        # axis and legend labels from the back of the room
        for chart in chart_texts(page):
            found = label_sizes(chart)
            assert found, f"{label}: {chart['name']} has no axis or legend labels"
            least = PRESENTER_LABEL_PX[view]
            assert min(found) >= least, f"{label}: {chart['name']} labels at {min(found)} px"
    # the QR code holds the page's current link
    assert decode_qr(page, ".explainer-qr-presenter img") == page.evaluate("location.href")


def test_qr_beside_copy_link_follows_the_scenario(page, base_url):
    open_dashboard(page, base_url, "night")
    page.locator(".explainer-qr-fold summary").click()
    page.locator(".explainer-qr-fold img").wait_for(state="visible")
    first = page.evaluate("location.href")
    assert decode_qr(page, ".explainer-qr-fold img") == first
    # another case: the address bar and the code change together
    select = page.locator(".explainer-preset select")
    current = select.input_value()
    other = [
        v for v in select.locator("option").evaluate_all("o => o.map(x => x.value)") if v != current
    ][0]
    old_src = page.locator(".explainer-qr-fold img").get_attribute("src")
    select.select_option(other)
    page.wait_for_function(
        """(src) => { const i = document.querySelector('.explainer-qr-fold img');
                     return i !== null && i.getAttribute('src') !== src; }""",
        arg=old_src,
        timeout=PAGE_TIMEOUT_MS,
    )
    now = page.evaluate("location.href")
    if not page.locator(".explainer-qr-fold img").is_visible():
        page.locator(".explainer-qr-fold summary").click()
    assert now != first
    assert decode_qr(page, ".explainer-qr-fold img") == now


def test_landing_page_fits_every_screen(page, base_url):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(f"{base_url}/", wait_until="load")
    for view, (width, height) in VIEWPORTS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(200)
        m = page.evaluate(MEASURE_JS)
        assert m["scrollWidth"] <= width, f"landing at {width}: {m['scrollWidth']}"
        assert not m["poking"], f"landing at {width}: {m['poking']}"
        page.screenshot(path=str(SHOTS / f"landing-{view}-{width}x{height}.png"), full_page=True)

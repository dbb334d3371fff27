"""The night dashboard as a visitor sees it, in headless Chromium against a real Voila.

Every test also fails (in the ``page`` fixture) if the page fetched anything from a host
other than 127.0.0.1.
"""

from __future__ import annotations

import re

import pytest
from e2e_support import (
    PAGE_TIMEOUT_MS,
    assert_no_error_text,
    parameter,
    wait_for_visible_or_error,
    wait_until_changed,
)
from playwright.sync_api import TimeoutError as PlaywrightTimeout

NIGHT = "/voila/render/night.ipynb"
SLIDER = ".explainer-param-n_apps"
HANDLE = f"{SLIDER} .noUi-handle"
HEADLINE = ".explainer-headline"
TIMELINE_MARKS = ".explainer-chart-timeline svg.marks"
APPS_CHART = ".explainer-chart-apps"
PRESET_SELECT = ".explainer-preset select"
MESSAGE = ".explainer-message"
ARTICLE_VS_MODEL = ".explainer-article-vs-model"


def open_night(page, base_url: str, query: str = "") -> None:
    """Open the dashboard and wait for what a person waits for: slider and chart."""
    page.goto(f"{base_url}{NIGHT}{query}", wait_until="domcontentloaded")
    wait_for_visible_or_error(page, HANDLE, PAGE_TIMEOUT_MS)
    page.locator(TIMELINE_MARKS).first.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    page.locator(HEADLINE).wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)


def slider_value(page) -> float:
    return float(page.locator(HANDLE).get_attribute("aria-valuenow"))


def test_dashboard_loads_with_both_charts_and_no_error(page, base_url):
    open_night(page, base_url)
    page.locator(f"{APPS_CHART} svg.marks").first.wait_for(state="visible")
    assert page.inner_text(HEADLINE).strip(), "the headline is empty"
    assert_no_error_text(page)


def test_preset_changes_headline(page, base_url):
    open_night(page, base_url)
    select = page.locator(PRESET_SELECT)
    current = select.input_value()
    others = [
        value
        for value in select.locator("option").evaluate_all("opts => opts.map(o => o.value)")
        if value != current
    ]
    assert others, "the preset dropdown offers only one choice"
    before = page.inner_text(HEADLINE)
    for value in others:
        select.select_option(value=value)
        try:
            wait_until_changed(page, HEADLINE, before, timeout=15_000)
            break
        except PlaywrightTimeout:
            continue  # this preset happens to give the same headline; try the next
    else:
        pytest.fail(f"no other preset ({others}) changed the headline {before!r}")
    assert page.inner_text(HEADLINE) != before
    assert_no_error_text(page)


def test_slider_key_updates_headline_and_chart(page, base_url):
    open_night(page, base_url)
    handle = page.locator(HANDLE)
    value = slider_value(page)
    at_max = value >= float(handle.get_attribute("aria-valuemax"))
    key, step = ("ArrowLeft", -1) if at_max else ("ArrowRight", 1)
    headline_before = page.inner_text(HEADLINE)
    marks_before = page.inner_html(TIMELINE_MARKS)

    handle.focus()
    handle.press(key)

    wait_until_changed(page, HEADLINE, headline_before)
    wait_until_changed(page, TIMELINE_MARKS, marks_before, prop="innerHTML")
    assert slider_value(page) == value + step * parameter("n_apps")["step"]
    assert_no_error_text(page)


def test_bad_query_value_is_explained_not_a_traceback(page, base_url):
    spec = parameter("n_apps")
    open_night(page, base_url, "?n_apps=999")
    message = page.locator(MESSAGE)
    message.wait_for(state="visible")
    text = message.inner_text()
    assert "n_apps" in text, f"the message does not name the parameter: {text!r}"
    numbers = set(re.findall(r"\d+(?:\.\d+)?", text))
    for bound in (spec["min"], spec["max"]):
        assert str(bound) in numbers, f"the message does not give the range: {text!r}"
    assert_no_error_text(page)


def test_query_value_sets_the_slider(page, base_url):
    open_night(page, base_url, "?n_apps=3")
    assert slider_value(page) == 3
    assert page.inner_text(f"{SLIDER} .widget-readout").strip() == "3"
    if page.locator(MESSAGE).count():
        assert "n_apps" not in page.inner_text(MESSAGE), "a valid value was reported as bad"
    assert_no_error_text(page)


def test_article_and_model_figures_are_shown(page, base_url):
    open_night(page, base_url)
    shown = page.locator(ARTICLE_VS_MODEL)
    if not shown.inner_text().strip():
        # The page opens on "custom" (no case from the article): pick the first case.
        select = page.locator(PRESET_SELECT)
        current = select.input_value()
        options = select.locator("option").evaluate_all("opts => opts.map(o => o.value)")
        select.select_option(value=next(v for v in options if v != current))
    shown.wait_for(state="visible")
    text = shown.inner_text()
    pair = re.compile(r"(文章|article)\s*[:：].*·\s*(模型|model)\s*[:：]", re.I)
    assert pair.search(text), f"no 'article: X · model: Y' line in {text!r}"
    assert re.search(r"\d", text), f"no figure in {text!r}"
    # Issue 12: each figure carries its status (reproduced / calibrated / not reproduced).
    status = re.compile(r"已复现|已校准|未复现|\breproduced\b|\bcalibrated\b|not reproduced", re.I)
    assert status.search(text), f"no status next to the figures in {text!r}"


def test_leaving_the_page_shuts_its_kernel_down(page, base_url, voila_server):
    """The unload beacon must pass Voila's XSRF check (see the template), else kernels linger."""
    open_night(page, base_url)
    kernel_id = page.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
    )
    offset = len(voila_server.log_text())
    page.goto("about:blank")
    voila_server.wait_for_log(rf"Kernel shutdown: {re.escape(kernel_id)}", 20, after=offset)
    assert "403 POST /voila/api/shutdown" not in voila_server.log_text()[offset:]


def test_landing_page_links_the_evidence_page(page, base_url):
    """Issue 12: docs/evidence.md is linked from the landing page, as a page Voila serves."""
    from explainer.teaching.evidence import figure_rows

    page.goto(f"{base_url}/", wait_until="domcontentloaded")
    link = page.locator("section[lang=en] a[href$='evidence.html']")
    link.click()
    page.wait_for_url("**/evidence.html", timeout=PAGE_TIMEOUT_MS)
    text = page.inner_text("main")
    for row in figure_rows():
        assert row["name_en"] in text and row["name_zh"] in text, row["preset"]
    page.locator("a", has_text="Home").click()
    page.wait_for_url(f"{base_url}/", timeout=PAGE_TIMEOUT_MS)


def test_the_server_gzips_what_it_sends(base_url):
    """Issue 15: `make app`'s server (explainer.serving.serve) compresses its JavaScript; Voila
    alone
    stores voila.json's compress_response too late for tornado to act on it."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        connection.request("GET", "/voila/static/voila.js", headers={"Accept-Encoding": "gzip"})
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert body[:2] == b"\x1f\x8b"

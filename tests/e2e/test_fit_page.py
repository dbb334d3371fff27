"""The task-tool fit dashboard as a visitor sees it, in headless Chromium against a real Voila.

Every test also fails (in the ``page`` fixture) if the page fetched anything from a host
other than 127.0.0.1. Controls outside the first accordion section are reached by opening
their section first, as a visitor would (sections may build their controls only then).
"""

from __future__ import annotations

from chart_text import wait_for_title
from e2e_support import (
    PAGE_TIMEOUT_MS,
    assert_no_error_text,
    group_label,
    locale_text,
    parameter,
    reveal_control,
    switch_language,
    wait_for_text,
    wait_for_visible_or_error,
    wait_until_changed,
)

FIT = "/voila/render/fit.ipynb"
QUADRANT = ".explainer-chart-fit"
EFFORT = ".explainer-chart-effort"
CAPABILITY = ".explainer-chart-capability"  # real output and displaced effort against τ
TOOL = ".explainer-param-tool select"
REWARD_HANDLE = ".explainer-param-metric_reward .noUi-handle"
HEADLINE = ".explainer-headline"
TITLE = ".explainer-title"


def open_fit(page, base_url: str, query: str = "") -> None:
    """Open the dashboard and wait for the tool picker, the headline and the charts."""
    page.goto(f"{base_url}{FIT}{query}", wait_until="domcontentloaded")
    wait_for_visible_or_error(page, f"{QUADRANT} svg.marks", PAGE_TIMEOUT_MS)
    for chart in (CAPABILITY, EFFORT):
        page.locator(f"{chart} svg.marks").first.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    page.locator(HEADLINE).wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)


def test_tool_and_reward_change_the_charts(page, base_url):
    open_fit(page, base_url)
    for chart in (QUADRANT, CAPABILITY, EFFORT):
        assert page.locator(f"{chart} svg.marks").first.inner_html(), f"{chart} drew nothing"
    assert_no_error_text(page)

    # Another tool: the departments move in the quadrant, and the headline says so.
    tool = reveal_control(page, TOOL, group_label("tool", "zh"))
    options = tool.locator("option").evaluate_all("opts => opts.map(o => o.value)")
    assert len(options) == len(parameter("tool")["choices"]), options
    quadrant_before = page.inner_html(f"{QUADRANT} svg.marks")
    capability_before = page.inner_html(f"{CAPABILITY} svg.marks")
    headline_before = page.inner_text(HEADLINE)
    tool.select_option(value=next(o for o in options if o != tool.input_value()))
    wait_until_changed(page, f"{QUADRANT} svg.marks", quadrant_before, prop="innerHTML")
    # the tool moves real output (issue 12): the capability chart's marker and the cards change
    wait_until_changed(page, f"{CAPABILITY} svg.marks", capability_before, prop="innerHTML")
    wait_until_changed(page, HEADLINE, headline_before)

    # The reward on process metrics, from the keyboard: the effort chart is redrawn.
    handle = reveal_control(page, REWARD_HANDLE, group_label("metric_reward", "zh"))
    reward = parameter("metric_reward")
    value = float(page.inner_text(".explainer-param-metric_reward .widget-readout"))
    key, sign = ("ArrowLeft", -1) if value >= reward["max"] else ("ArrowRight", 1)
    effort_before = page.inner_html(f"{EFFORT} svg.marks")
    handle.focus()
    handle.press(key)
    wait_until_changed(page, f"{EFFORT} svg.marks", effort_before, prop="innerHTML")
    # The readout, not aria-valuenow: noUiSlider rounds the latter to one decimal (1.55 → 1.6).
    readout = page.inner_text(".explainer-param-metric_reward .widget-readout").strip()
    assert abs(float(readout) - (value + sign * reward["step"])) < 1e-9, (value, readout)
    assert_no_error_text(page)


def test_language_toggle(page, base_url):
    open_fit(page, base_url)
    assert page.inner_text(TITLE).strip() == locale_text("fit_title", "zh")
    switch_language(page, "English")
    wait_for_text(page, TITLE, locale_text("fit_title", "en"))
    wait_for_title(
        page, f"{QUADRANT} svg.marks .role-title-text", locale_text("chart_fit_title", "en")
    )
    wait_for_title(
        page, f"{EFFORT} svg.marks .role-title-text", locale_text("chart_effort_title", "en")
    )
    assert_no_error_text(page)

"""The unit dashboard as a visitor sees it, in headless Chromium against a real Voila.

Every test also fails (in the ``page`` fixture) if the page fetched anything from a host
other than 127.0.0.1. Controls outside the first accordion section are reached by opening
their section first, as a visitor would (sections may build their controls only then).
"""

from __future__ import annotations

import re

from chart_text import wait_for_title
from e2e_support import (
    PAGE_TIMEOUT_MS,
    assert_no_error_text,
    declared,
    group_label,
    locale_text,
    parameter,
    reveal_control,
    switch_language,
    wait_for_text,
    wait_for_visible_or_error,
    wait_until_changed,
)

UNIT = "/voila/render/unit.ipynb"
CHARTS = (
    ".explainer-chart-bedtimes",
    ".explainer-chart-risk",
    ".explainer-chart-veto",
    ".explainer-chart-cascade",
)
STAFF = ".explainer-param-n_staff"
STAFF_HANDLE = f"{STAFF} .noUi-handle"
READING = ".explainer-param-run_reading select"
HEADLINE = ".explainer-headline"
VETO_CARD = f"{HEADLINE} .card-veto"
PRESET_SELECT = ".explainer-preset select"
MESSAGE = ".explainer-message"
ARTICLE_VS_MODEL = ".explainer-article-vs-model"
TITLE = ".explainer-title"
NIGHT_TIMELINE = ".explainer-chart-timeline"


def open_unit(page, base_url: str, query: str = "") -> None:
    """Open the dashboard and wait for the staff slider, the headline and every chart."""
    page.goto(f"{base_url}{UNIT}{query}", wait_until="domcontentloaded")
    wait_for_visible_or_error(page, STAFF_HANDLE, PAGE_TIMEOUT_MS)
    page.locator(HEADLINE).wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    for chart in CHARTS:
        page.locator(f"{chart} svg.marks").first.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)


def preset_name(pid: str, lang: str) -> str:
    (preset,) = [p for p in declared("presets")["presets"] if p["id"] == pid]
    return preset["name"][lang]


def no_figures(pid: str, lang: str) -> str:
    (preset,) = [p for p in declared("presets")["presets"] if p["id"] == pid]
    return preset["no_figures"][lang]


def test_charts_preset_reading_and_language(page, base_url):
    open_unit(page, base_url)
    for chart in CHARTS:
        assert page.locator(f"{chart} svg.marks").first.inner_html(), f"{chart} drew nothing"
    assert_no_error_text(page)

    # The district's unit case: the article's figures are set beside the model's.
    page.locator(PRESET_SELECT).select_option(label=preset_name("district_20h_unit", "zh"))
    article = page.locator(ARTICLE_VS_MODEL)
    article.wait_for(state="visible")
    wait_for_text(page, ARTICLE_VS_MODEL, preset_name("district_20h_unit", "zh"), exact=False)
    text = article.inner_text()
    assert re.search(r"文章\s*[:：].*·\s*模型\s*[:：]", text), f"no article/model pair: {text!r}"

    # The Shandong village case reports no figure: the box says so instead of a pair.
    page.locator(PRESET_SELECT).select_option(label=preset_name("shandong_village", "zh"))
    wait_for_text(page, ARTICLE_VS_MODEL, preset_name("shandong_village", "zh"), exact=False)
    wait_for_text(page, ARTICLE_VS_MODEL, no_figures("shandong_village", "zh")[:12], exact=False)

    # The other reading of "3 or more in a row" changes the unit's veto risk.
    reading = reveal_control(page, READING, group_label("run_reading", "zh"))
    options = reading.locator("option").evaluate_all("opts => opts.map(o => o.value)")
    assert len(options) == len(parameter("run_reading")["choices"]), options
    veto_before = page.inner_text(VETO_CARD)
    reading.select_option(value=next(o for o in options if o != reading.input_value()))
    wait_until_changed(page, VETO_CARD, veto_before)
    assert_no_error_text(page)

    # English: the page title, a chart's title and the accordion's titles follow.
    switch_language(page, "English")
    wait_for_text(page, TITLE, locale_text("unit_title", "en"))
    wait_for_title(
        page,
        ".explainer-chart-bedtimes svg.marks .role-title-text",
        locale_text("chart_bedtime_title", "en"),
    )
    page.locator(".explainer-controls").get_by_text(
        group_label("run_reading", "en"), exact=True
    ).wait_for(state="visible")
    assert_no_error_text(page)


def test_query_sets_staff_and_language_and_the_nav_link_keeps_it(page, base_url):
    open_unit(page, base_url, "?n_staff=1000&lang=en")
    handle = page.locator(STAFF_HANDLE)
    assert float(handle.get_attribute("aria-valuenow")) == 1000
    assert page.inner_text(f"{STAFF} .widget-readout").strip() == "1000"
    assert page.inner_text(TITLE).strip() == locale_text("unit_title", "en")
    active = page.locator(".explainer-language button.mod-active")
    assert active.inner_text().strip() == "English"
    assert not page.inner_text(MESSAGE).strip(), "valid values were reported as bad"
    assert_no_error_text(page)

    # The link to the night page keeps the language; the toggle there switches it back.
    page.locator(".explainer-nav a", has_text=locale_text("nav_night", "en")).click()
    page.wait_for_url(re.compile(r"/voila/render/night\.ipynb"), timeout=PAGE_TIMEOUT_MS)
    wait_for_visible_or_error(page, f"{NIGHT_TIMELINE} svg.marks", PAGE_TIMEOUT_MS)
    wait_for_text(page, TITLE, locale_text("app_title", "en"))
    wait_for_title(
        page,
        f"{NIGHT_TIMELINE} svg.marks .role-title-text",
        locale_text("chart_timeline_title", "en"),
    )

    switch_language(page, "中文")
    wait_for_text(page, TITLE, locale_text("app_title", "zh"))
    wait_for_title(
        page,
        f"{NIGHT_TIMELINE} svg.marks .role-title-text",
        locale_text("chart_timeline_title", "zh"),
    )
    assert_no_error_text(page)


def test_bad_query_is_explained_and_the_page_still_works(page, base_url):
    open_unit(page, base_url, "?n_staff=5000&rule=lottery")
    message = page.locator(MESSAGE)
    message.wait_for(state="visible")
    text = message.inner_text()
    staff = parameter("n_staff")
    assert "n_staff" in text and "rule" in text, f"the message does not name both: {text!r}"
    numbers = set(re.findall(r"\d+", text))
    assert {str(staff["min"]), str(staff["max"])} <= numbers, f"no staff range in {text!r}"
    for choice in parameter("rule")["choices"]:
        assert choice in text, f"the message does not list {choice!r}: {text!r}"
    assert_no_error_text(page)

    # The defaults stand, and the page still answers.
    handle = page.locator(STAFF_HANDLE)
    assert float(handle.get_attribute("aria-valuenow")) == staff["default"]
    headline_before = page.inner_text(HEADLINE)
    handle.focus()
    handle.press("ArrowRight")
    wait_until_changed(page, HEADLINE, headline_before)
    assert float(handle.get_attribute("aria-valuenow")) == staff["default"] + staff["step"]
    assert_no_error_text(page)

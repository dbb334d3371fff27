"""The reform dashboard as a visitor sees it, in headless Chromium against a real Voila.

Every test also fails (in the ``page`` fixture) if the page fetched anything from a host
other than 127.0.0.1. The comparison table is read by its column and row headings, in the
page's language, as a visitor reads it.
"""

from __future__ import annotations

import re

from chart_text import wait_for_title
from e2e_support import (
    ACTION_TIMEOUT_MS,
    PAGE_TIMEOUT_MS,
    assert_no_error_text,
    declared,
    locale_text,
    switch_language,
    wait_for_text,
    wait_for_visible_or_error,
)

REFORMS = "/voila/render/reforms.ipynb"
CHARTS = (
    ".explainer-chart-minutes",
    ".explainer-chart-bedtimes",
    ".explainer-chart-effort",
    ".explainer-chart-fit",
)
TABLE = ".explainer-compare"
MESSAGE = ".explainer-message"
TITLE = ".explainer-title"

# {row heading: cell text} for the column headed ``heading`` of the comparison table.
COLUMN_JS = """([table, heading]) => {
    const el = document.querySelector(table);
    if (el === null) return null;
    const heads = [...el.querySelectorAll("thead th")].map(th => th.innerText.trim());
    const at = heads.indexOf(heading);
    if (at < 1) return null;
    const column = {};
    for (const row of el.querySelectorAll("tbody tr")) {
        const cells = row.querySelectorAll("th, td");
        column[cells[0].innerText.trim()] = cells[at].innerText.trim();
    }
    return column;
}"""


def reform_ids() -> list[str]:
    return [r["id"] for r in declared("reforms")["reforms"]]


def box(rid: str) -> str:
    return f".explainer-reform-{rid} input[type=checkbox]"


def open_reforms(page, base_url: str, query: str = "") -> None:
    """Open the dashboard and wait for the reform boxes, the table and every chart."""
    page.goto(f"{base_url}{REFORMS}{query}", wait_until="domcontentloaded")
    wait_for_visible_or_error(page, box(reform_ids()[0]), PAGE_TIMEOUT_MS)
    page.locator(TABLE).wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    for chart in CHARTS:
        page.locator(f"{chart} svg.marks").first.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)


def column(page, key: str, lang: str = "zh") -> dict[str, str]:
    found = page.evaluate(COLUMN_JS, [TABLE, locale_text(key, lang)])
    assert found, f"no column {locale_text(key, lang)!r} in the comparison table"
    return found


def minutes(text: str) -> int:
    """'1 小时 4 分钟' / '1 h 4 min' / '36 分钟' → minutes."""
    hours = re.search(r"(\d+)\s*(?:小时|h\b)", text)
    mins = re.search(r"(\d+)\s*(?:分钟|min\b)", text)
    assert hours or mins, f"not a duration: {text!r}"
    return (int(hours.group(1)) * 60 if hours else 0) + (int(mins.group(1)) if mins else 0)


def test_ticking_a_reform_changes_the_reform_column(page, base_url):
    open_reforms(page, base_url, "?preset=li_yi")
    for chart in CHARTS:
        assert page.locator(f"{chart} svg.marks").first.inner_html(), f"{chart} drew nothing"
    before = column(page, "side_reform")
    assert before == column(page, "side_status_quo"), "no reform ticked, yet the columns differ"
    assert_no_error_text(page)

    page.locator(box("one_stop_platform")).check()
    page.wait_for_function(
        f"([table, heading, before]) => {{"
        f"  const now = ({COLUMN_JS})([table, heading]);"
        f"  return now !== null && JSON.stringify(now) !== JSON.stringify(before); }}",
        arg=[TABLE, locale_text("side_reform", "zh"), before],
        timeout=ACTION_TIMEOUT_MS,
    )
    night = locale_text("metric_night_minutes", "zh")
    status_quo, reform = column(page, "side_status_quo")[night], column(page, "side_reform")[night]
    assert minutes(reform) < minutes(status_quo), (status_quo, reform)
    assert_no_error_text(page)

    # English: the page title, a chart's title and the table's headings follow.
    switch_language(page, "English")
    wait_for_text(page, TITLE, locale_text("reforms_title", "en"))
    wait_for_title(
        page,
        ".explainer-chart-minutes svg.marks .role-title-text",
        locale_text("chart_minutes_title", "en"),
    )
    page.wait_for_function(
        f"([table, heading]) => ({COLUMN_JS})([table, heading]) !== null",
        arg=[TABLE, locale_text("side_reform", "en")],
    )
    assert page.locator(box("one_stop_platform")).is_checked(), "the language switch unticked"
    assert_no_error_text(page)


def test_reforms_in_the_url_are_ticked_and_applied(page, base_url):
    open_reforms(page, base_url, "?preset=li_yi&reforms=one_stop_platform,veto_removed")
    for rid in reform_ids():
        ticked = page.locator(box(rid)).is_checked()
        assert ticked == (rid in ("one_stop_platform", "veto_removed")), (rid, ticked)
    veto = locale_text("metric_p_unit_veto", "zh")
    assert column(page, "side_reform")[veto] == "0.0%"
    assert column(page, "side_status_quo")[veto] != "0.0%"
    assert not page.inner_text(MESSAGE).strip(), "valid reforms were reported as bad"
    assert_no_error_text(page)


def test_unknown_reform_is_explained(page, base_url):
    open_reforms(page, base_url, "?reforms=bogus")
    message = page.locator(MESSAGE)
    message.wait_for(state="visible")
    text = message.inner_text()
    assert "reforms" in text and "bogus" in text, f"the message does not name it: {text!r}"
    missing = [rid for rid in reform_ids() if rid not in text]
    assert not missing, f"the message does not list {missing}: {text!r}"
    assert not any(page.locator(box(rid)).is_checked() for rid in reform_ids())
    assert_no_error_text(page)

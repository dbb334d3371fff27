"""The one-page brief in Chromium (issue 15): offline, one A4 page, and the page's button.

- Every page in both languages (and the case with the longest texts on each page): the
  brief, opened from a file with every request intercepted, asks for nothing but itself;
  Chromium's PDF of it (``page.pdf(format="A4")``, as Print → Save as PDF) has exactly one
  page, counted by pypdf, and holds the brief's title and chart labels.
- A booklet of N briefs prints N pages.
- In a live Voila page, "Download brief" saves a file whose link, opened, restores the same
  scenario (its own brief is the same).

Screenshots of every brief, on screen and as printed (print media at A4 size), are kept in
tests/e2e/artifacts/briefs/.
"""

from __future__ import annotations

import io
import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from e2e_support import ARTIFACTS, PAGE_TIMEOUT_MS, wait_for_visible_or_error

SHOTS = ARTIFACTS / "briefs"
PAGES = ("night", "unit", "fit", "reforms")
LANGS = ("zh", "en")
#: The case with the longest summary and most article figures on each page.
LONGEST = {"night": "district_20h", "unit": "district_20h_unit", "reforms": "district_20h_unit"}
A4_PX = (794, 1123)  # 210 × 297 mm at 96 px per inch


@cache
def _dashboard(page: str):
    from explainer.cli import _dashboard as build

    return build(page)


def brief_file(tmp: Path, page: str, lang: str, preset: str = "") -> tuple[Path, str]:
    from explainer.outputs.brief import render_brief
    from explainer.ui.brief_button import brief_content

    dashboard = _dashboard(page)
    dashboard.apply_query(f"preset={preset}&lang={lang}" if preset else f"lang={lang}")
    content = brief_content(dashboard)
    path = tmp / f"brief-{page}-{lang}-{preset or 'default'}.html"
    path.write_text(render_brief(content), encoding="utf-8")
    return path, content.title


def pdf_pages(pdf: bytes) -> tuple[int, str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "".join(page.extract_text() or "" for page in reader.pages)


def open_offline(browser, path: Path):
    """A page that has opened ``path`` with every request intercepted (and refused, but the
    file's own); returns the page and the list of URLs requested."""
    context = browser.new_context(viewport={"width": 900, "height": 1200})
    requested: list[str] = []

    def intercept(route) -> None:
        requested.append(route.request.url)
        if route.request.url == path.as_uri():
            route.continue_()
        else:
            route.abort()

    context.route("**/*", intercept)
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_timeout(300)  # anything late (fonts, images) would be asked for by now
    return page, requested


def check_brief(browser, path: Path, title: str) -> None:
    page, requested = open_offline(browser, path)
    try:
        assert set(requested) == {path.as_uri()}, f"{path.name} asked for {set(requested)}"
        assert page.locator("section.brief svg.marks text").count() > 5  # the chart, drawn
        page.screenshot(path=str(SHOTS / f"{path.stem}-screen.png"), full_page=True)
        page.emulate_media(media="print")
        page.set_viewport_size({"width": A4_PX[0], "height": A4_PX[1]})
        page.screenshot(path=str(SHOTS / f"{path.stem}-print.png"))
        count, text = pdf_pages(page.pdf(format="A4"))
        assert count == 1, f"{path.name} prints on {count} A4 pages"
        # PDF text may spell CJK characters as their compatibility forms (⼀ for 一)
        squeezed = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
        wanted = re.sub(r"\s+", "", unicodedata.normalize("NFKC", title))[:12]
        assert wanted in squeezed, "the PDF is not the brief"
    finally:
        page.context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_brief_opens_offline_and_prints_on_one_a4_page(browser, tmp_path, name, lang):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for preset in ("", LONGEST.get(name, "")) if name in LONGEST else ("",):
        path, title = brief_file(tmp_path, name, lang, preset)
        check_brief(browser, path, title)


@pytest.mark.parametrize("lang", LANGS)
def test_brief_with_ranges_still_prints_on_one_page(browser, tmp_path, lang):
    """The ranges column (filled by explainer's sensitivity runs) narrows the status one."""
    from dataclasses import replace

    from explainer.outputs.brief import render_brief
    from explainer.ui.brief_button import brief_content

    dashboard = _dashboard("unit")
    dashboard.apply_query(f"preset=district_20h_unit&lang={lang}")
    content = brief_content(dashboard)
    ranged = [
        replace(f, low_text=f"{f.value} − 12%", high_text=f"{f.value} + 15%")
        for f in content.figures
    ]
    path = tmp_path / f"brief-unit-{lang}-ranges.html"
    path.write_text(render_brief(replace(content, figures=ranged)), encoding="utf-8")
    check_brief(browser, path, content.title)


def test_booklet_prints_one_page_per_brief(browser, tmp_path):
    from explainer.outputs.brief import render_booklet
    from explainer.ui.brief_button import brief_content

    contents = []
    for name, lang in (("night", "zh"), ("unit", "en"), ("fit", "zh"), ("reforms", "en")):
        dashboard = _dashboard(name)
        dashboard.apply_query(f"preset={LONGEST.get(name, '')}&lang={lang}")
        contents.append(brief_content(dashboard))
    path = tmp_path / "booklet.html"
    path.write_text(render_booklet(contents, "Handout", "zh"), encoding="utf-8")
    page, requested = open_offline(browser, path)
    try:
        assert set(requested) == {path.as_uri()}
        count, _ = pdf_pages(page.pdf(format="A4"))
        assert count == len(contents)
    finally:
        page.context.close()


def read_link(html_text: str) -> str:
    links = re.findall(r"<a href='([^']+)'", html_text)
    assert len(links) == 1, links
    return links[0].replace("&amp;", "&")


def download_brief(page) -> str:
    button = page.locator(".explainer-brief-button")
    button.wait_for(state="visible")
    with page.expect_download(timeout=PAGE_TIMEOUT_MS) as info:
        button.click()
    download = info.value
    assert re.fullmatch(r"explainer-night-brief-(zh|en)\.html", download.suggested_filename)
    return Path(download.path()).read_text(encoding="utf-8")


def test_download_brief_in_a_live_page_restores_the_scenario(page, base_url, browser, tmp_path):
    query = "preset=li_yi&n_apps=10&lang=en"
    page.goto(f"{base_url}/voila/render/night.ipynb?{query}", wait_until="domcontentloaded")
    wait_for_visible_or_error(page, "svg.marks", PAGE_TIMEOUT_MS)
    first = download_brief(page)
    assert "<script" not in first and "Headline figures" in first
    link = read_link(first)
    assert link.startswith(f"{base_url}/voila/render/night.ipynb?")
    assert "n_apps=10" in link and "preset=li_yi" in link and "lang=en" in link
    # the file itself, offline: nothing asked for, one page
    path = tmp_path / "downloaded.html"
    path.write_text(first, encoding="utf-8")
    check_brief(browser, path, "One official's night")
    # the link restores the scenario: the page it opens gives the same brief
    page.goto(link, wait_until="domcontentloaded")
    wait_for_visible_or_error(page, "svg.marks", PAGE_TIMEOUT_MS)
    assert page.evaluate("location.href") == link
    again = download_brief(page)
    figures = re.compile(r"<table class='figures'>.*?</table>", re.S)
    assert figures.search(again).group(0) == figures.search(first).group(0)
    assert read_link(again) == link

"""The one-page brief (issue 15): self-contained, escaped, every page in both languages.

What a browser does with it (no request, one printed A4 page, the booklet's page count,
the button in a live page) is checked in tests/e2e/test_brief_page.py.
"""

from __future__ import annotations

import re
import subprocess
import sys
from functools import cache
from html.parser import HTMLParser

import pytest
from clicks import widget_replies

from explainer.cli import _dashboard
from explainer.outputs.brief import (
    MAX_ASSUMPTIONS,
    BriefAssumption,
    BriefContent,
    BriefFigure,
    chart_svg,
    layout,
    render_booklet,
    render_brief,
)
from explainer.ui.brief_button import brief_content, brief_filename, make_brief

PAGES = ("night", "unit", "fit", "reforms")
LANGS = ("zh", "en")
HOSTILE = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>&amp;"
LINK = "http://127.0.0.1:8866/voila/render/night.ipynb?n_apps=10&lang=en"


@cache
def page_brief(page: str, lang: str, query: str = "") -> tuple[BriefContent, str]:
    dashboard = dashboard_of(page)
    dashboard.apply_query(f"{query}&lang={lang}" if query else f"lang={lang}")
    content = brief_content(dashboard)
    return content, render_brief(content)


class _Resources(HTMLParser):
    """What a browser could fetch or run: tags that load or run something, URL attributes,
    CSS url() and @import (in <style> and style attributes)."""

    LOADING = {"script", "link", "iframe", "object", "embed", "base", "frame", "audio", "video"}
    URL_ATTRS = {"src", "href", "xlink:href", "action", "poster", "srcset", "data", "formaction"}

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.LOADING:
            self.found.append(f"<{tag}>")
        self._in_style = tag == "style"
        for name, value in attrs:
            if name in self.URL_ATTRS:
                self.found.append(value or "")
            elif name.startswith("on"):
                self.found.append(f"{name}=")
            elif name == "style":
                self._css(value or "")
            elif name == "http-equiv" and (value or "").lower() == "refresh":
                self.found.append("refresh")

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._css(data)

    def _css(self, css: str) -> None:
        self.found += [u for u in re.findall(r"url\(\s*['\"]?([^'\")]*)", css) if u[:1] != "#"]
        self.found += re.findall(r"@import[^;]*", css)


def resources(text: str) -> list[str]:
    """Every URL or loading tag in an HTML file, data: images and in-file anchors aside."""
    parser = _Resources()
    parser.feed(text)
    return [r for r in parser.found if not r.startswith(("data:image/", "#"))]


@cache
def dashboard_of(page: str):
    return _dashboard(page)


def plain(content: BriefContent, **changes: object) -> BriefContent:
    from dataclasses import replace

    return replace(content, **changes)


def sample(**changes: object) -> BriefContent:
    base = BriefContent(
        page="night",
        lang="en",
        title="A night",
        summary="A summary.",
        figures=[BriefFigure("Minutes", "1 h", status="model")],
        chart_spec=None,
        assumptions=[BriefAssumption("Apps", "8 apps", "article §1", "article §1")],
        model_version="0.1.0",
        link=LINK,
        generated="2026-12-02",
    )
    return plain(base, **changes)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_gives_a_self_contained_brief(page: str, lang: str) -> None:
    content, text = page_brief(page, lang)
    assert text.startswith("<!DOCTYPE html>")
    assert "<script" not in text.lower()
    # the only URL besides data: images is the scenario's own link, as a link
    assert resources(text) == [content.link]
    assert re.findall(r"https?://[^\s'\"<]*", text) == [content.link] * 2  # href and its text
    assert text.count("<svg") == 1 and 'class="marks"' in text  # the key chart, inline
    assert "<text" in text  # its labels are text (searchable, sharp in print)
    assert content.summary[:40].replace("&", "&amp;") in text.replace("&#x27;", "'")
    assert f"lang='{lang}'" in text
    assert content.link.startswith(f"http://127.0.0.1:8866/voila/render/{page}.ipynb?")
    assert f"lang={lang}" in content.link
    assert len(text) < 200_000


def test_both_languages_say_the_same_in_their_own_words() -> None:
    zh, zh_text = page_brief("night", "zh")
    en, en_text = page_brief("night", "en")
    assert [f.value for f in zh.figures][:1] != [] and len(zh.figures) == len(en.figures)
    assert "主要数字" in zh_text and "Headline figures" in en_text
    assert "Headline figures" not in zh_text and "主要数字" not in en_text
    assert re.search(r"[\u4e00-\u9fff]", zh.summary) and not re.search(
        r"[\u4e00-\u9fff]", en.summary
    )


def test_the_article_figures_and_their_status_stand_beside_the_model() -> None:
    content, _ = page_brief("night", "en", "preset=li_yi")
    statuses = [f.status for f in content.figures]
    assert any(s.startswith("article:") and "calibrated" in s for s in statuses), statuses
    assert "model" in statuses  # the figures the article does not give
    # a case's figure that is not a headline figure still appears (its evening)
    content, _ = page_brief("night", "en", "preset=district_20h")
    assert any(f.label == "Free for the apps from" for f in content.figures)


def test_settings_keep_mechanism_and_number_sources_apart() -> None:
    content, text = page_brief("night", "en", "n_apps=11")
    first = content.assumptions[0]
    assert first.changed and first.value == "11 apps"
    assert first.mechanism_source == "article §1"
    assert "Mechanism from" in text and "Number from" in text
    assert all(not a.changed for a in content.assumptions[1:])  # the default ones follow


def test_every_echoed_text_is_escaped() -> None:
    hostile = sample(
        page=HOSTILE,
        title=HOSTILE,
        summary=HOSTILE,
        figures=[BriefFigure(HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE)],
        assumptions=[BriefAssumption(HOSTILE, HOSTILE, HOSTILE, HOSTILE, True)],
        model_version=HOSTILE,
        generated=HOSTILE,
        sources=[HOSTILE],
    )
    text = render_brief(hostile)
    assert "<script" not in text and "<img src=x" not in text
    assert not re.search(r"<[^>]*\sonerror\s*=", text)  # no tag carries a handler
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&amp;amp;" in text  # an entity in the input is shown, not interpreted
    assert resources(text) == [LINK]


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "http://x/?a='><script>alert(1)</script>",
        "data:text/html,<script>alert(1)</script>",
        "http://x/" + "a" * 5000,
        "",
    ],
)
def test_a_link_that_is_not_a_plain_web_address_is_not_linked(link: str) -> None:
    text = render_brief(sample(link=link))
    assert "<a " not in text and "<script" not in text and "javascript:" not in text
    assert "No link" in text


def test_a_chart_that_would_fetch_or_link_is_left_out() -> None:
    linking = {
        "data": {"values": [{"a": 1}]},
        "mark": "point",
        "encoding": {"x": {"field": "a", "type": "quantitative"}, "href": {"value": "http://e.x/"}},
    }
    fetching = {"data": {"url": "http://e.x/data.json"}, "mark": "point"}
    with pytest.raises(ValueError):
        chart_svg(linking)
    with pytest.raises(ValueError):  # vl-convert refuses the URL itself
        chart_svg(fetching)
    for spec in (linking, fetching):
        text = render_brief(sample(chart_spec=spec))
        assert "<svg" not in text and "e.x" not in text and "A summary." in text


def test_a_chart_keeps_the_page_width_and_fits_its_height() -> None:
    content, _ = page_brief("unit", "en")
    tall = chart_svg(content.chart_spec)
    short = chart_svg(content.chart_spec, max_height=200)
    size = [re.search(r'width="([\d.]+)" height="([\d.]+)"', svg).groups() for svg in (tall, short)]
    assert float(size[1][1]) < float(size[0][1])  # shorter
    assert abs(float(size[1][0]) - float(size[0][0])) < 40  # not narrower


def test_a_full_page_lists_fewer_settings_and_counts_the_rest() -> None:
    many = [
        BriefFigure(f"Figure {i} " * 6, "1", status="article: x · calibrated " * 4)
        for i in range(14)
    ]
    rows = [BriefAssumption(f"Setting {i}", "1", "assumption", "assumption") for i in range(40)]
    roomy = layout(sample(assumptions=rows))
    full = layout(sample(assumptions=rows, figures=many, summary="word " * 170))
    assert roomy.assumptions == MAX_ASSUMPTIONS
    assert full.assumptions < roomy.assumptions
    text = render_brief(sample(assumptions=rows, figures=many, summary="word " * 170))
    assert f"{40 - full.assumptions} more settings are not listed" in text


def test_the_booklet_has_one_brief_per_printed_page() -> None:
    contents = [page_brief(page, lang)[0] for page in PAGES for lang in LANGS]
    text = render_booklet(contents, "Handout <1>", "zh")
    assert text.count("<section class='brief") == len(contents)
    assert text.count("<style>") == 1 and "<title>Handout &lt;1&gt;</title>" in text
    assert "break-after: page" in text and ".brief:last-child { break-after: auto" in text
    assert "<script" not in text


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        sample(lang="fr")


def test_the_button_makes_the_brief_of_what_the_page_shows() -> None:
    dashboard = _dashboard("unit")
    dashboard.apply_query("n_staff=12&lang=en")
    name, text = make_brief(dashboard)
    assert name == brief_filename("unit", "en") == "explainer-unit-brief-en.html"
    assert "n_staff=12" in text and "In a unit of 12 staff" in text
    assert brief_filename("../../etc", "xx") == "explainer-etc-brief-en.html"
    # the button is in the toolbar after the downloads, in the page's language
    children = list(dashboard.view.toolbar.widget.children)
    assert children.index(dashboard.brief_button) > children.index(dashboard.exports)
    assert dashboard.brief_button.label == "Download brief"
    dashboard.apply_query("lang=zh")
    assert dashboard.brief_button.label == "下载一页简报"


def test_the_button_reports_a_failure_without_python_text() -> None:
    from explainer.ui.brief_button import BriefButton

    def broken() -> tuple[str, str]:
        raise RuntimeError("secret path /etc/passwd")

    button = BriefButton(broken)
    assert widget_replies(button, {"kind": "make", "file": "brief"}) == [
        ({"kind": "error", "file": "brief"}, None)
    ]


@pytest.mark.parametrize(
    "message",
    [
        {"kind": "other", "file": "brief"},
        {"kind": "make"},  # which file: not said
        {"kind": "make", "file": "csv"},  # not one of this widget's files
        {"kind": "make", "file": "../../etc/passwd"},
        {"kind": "make", "file": ["brief"]},
        {"kind": "make", "file": "b" * 100_000},
        ["make", "brief"],
        "make",
        None,
    ],
)
def test_the_button_ignores_any_other_message(message: object) -> None:
    """The browser's message only names a file, one of a fixed set; anything else: nothing."""
    from explainer.ui.brief_button import BriefButton

    made: list[int] = []
    button = BriefButton(lambda: made.append(1) or ("x.html", "<p>x</p>"))
    assert widget_replies(button, message) == [] and made == []
    assert widget_replies(button, {"kind": "make", "file": "brief"}) == [
        (
            {"kind": "file", "file": "brief", "name": "x.html", "mime": "text/html;charset=utf-8"},
            [b"<p>x</p>"],
        )
    ]


def test_vl_convert_is_imported_only_when_a_brief_is_made() -> None:
    code = (
        "import sys\nfrom explainer.ui.night import NightDashboard\nNightDashboard()\n"
        "print('vl_convert' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

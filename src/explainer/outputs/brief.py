"""The one-page brief: a scenario's summary, figures, key chart and sources in one HTML file.

A brief is what a reader forwards or prints (issue 15): ONE self-contained HTML file, with
no script and nothing loaded from the network (no external stylesheet, font or image), so it
opens the same offline, in a mail client or from a chat app. The key chart is inline SVG,
drawn from its Vega-Lite spec by vl-convert (Rust, no browser; ``vl_convert.vegalite_to_svg``);
the scenario's link is printed as text and as a QR code (segno, inline). A print stylesheet
makes the browser's Print → Save as PDF give the same brief on one A4 page.

The API is small and stable, for every caller (the dashboards' "Download brief" button in
:mod:`explainer.ui.brief_button`, ``explainer brief`` in :mod:`explainer.cli`, handouts):

- :class:`BriefFigure`, :class:`BriefAssumption`, :class:`BriefContent`: what a brief says,
  as plain text (this module escapes every text it echoes);
- :func:`render_brief`: one brief, one file;
- :func:`render_booklet`: several briefs in one file, one per printed page.

What fits on one page is bounded here, not left to the caller: at most
:data:`MAX_FIGURES` figures and :data:`MAX_ASSUMPTIONS` settings are listed (the rest are
counted, and the link restores them all), and over-long texts are cut at :data:`MAX_TEXT`.
"""

from __future__ import annotations

import base64
import contextlib
import html
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from explainer.core.i18n import LANGUAGES, t
from explainer.core.spec import Lang

__all__ = [
    "MAX_ASSUMPTIONS",
    "MAX_FIGURES",
    "BriefAssumption",
    "BriefContent",
    "BriefFigure",
    "chart_svg",
    "render_booklet",
    "render_brief",
]

#: Headline figures listed on one page (the reform page has 12, and up to 2 of the article).
MAX_FIGURES = 14
#: Settings listed on one page at most; fewer when the page is full (see :func:`layout`),
#: the others are counted in one line.
MAX_ASSUMPTIONS = 12
MIN_ASSUMPTIONS = 0
#: Changed settings listed however full the page is (the chart is drawn smaller instead).
KEEP_CHANGED = 4
#: Longest text echoed; anything longer is cut with an ellipsis.
MAX_TEXT = {"summary": 900, "title": 160, "field": 160}
#: The chart's width in the brief (px): the printable width of A4 with 12 mm margins is
#: 186 mm ≈ 703 CSS px; the SVG scales down further by CSS if its legend is wider.
CHART_WIDTH = 620

# Chinese first where the page is Chinese: Noto CJK (fonts-noto-cjk) or the system's own.
FONTS = {
    "zh": '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", '
    '"Microsoft YaHei", sans-serif',
    "en": '"Noto Sans", "DejaVu Sans", Arial, "Noto Sans CJK SC", sans-serif',
}


@dataclass(frozen=True)
class BriefFigure:
    """One headline figure: its label, value and unit, and whether the article gives it.

    ``status`` is a short text such as "article: 23:00 · reproduced" or "model result";
    ``low_text``/``high_text`` (optional) give the range over plausible settings.
    """

    label: str
    value: str
    unit: str = ""
    status: str = ""
    low_text: str | None = None
    high_text: str | None = None


@dataclass(frozen=True)
class BriefAssumption:
    """One setting of the scenario: where its mechanism comes from, apart from where its
    number comes from (data/parameters.yaml ``source`` / ``number_source``)."""

    label: str
    value: str
    mechanism_source: str
    number_source: str
    changed: bool = False  # differs from the default


@dataclass(frozen=True)
class BriefContent:
    """Everything one brief shows, as plain text (escaped when rendered)."""

    page: str
    lang: Lang
    title: str
    summary: str
    figures: Sequence[BriefFigure]
    chart_spec: Mapping[str, Any] | None
    assumptions: Sequence[BriefAssumption]
    model_version: str
    link: str
    generated: str  # the date the brief was made, ISO (YYYY-MM-DD)
    sources: Sequence[str] = field(default_factory=tuple)  # full citations, one per line
    more_assumptions: int = 0  # settings not listed (counted in one line)

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise ValueError(f"unknown language {self.lang!r}; use one of {LANGUAGES}")
        for name in ("figures", "assumptions", "sources"):
            object.__setattr__(self, name, tuple(getattr(self, name)))


# ---------------------------------------------------------------------- text helpers
def _cut(text: object, limit: int) -> str:
    """``text`` as a string of at most ``limit`` characters (an ellipsis marks a cut)."""
    text = "" if text is None else str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _e(text: object, limit: int = MAX_TEXT["field"]) -> str:
    """Escaped for HTML text and attribute values alike."""
    return html.escape(_cut(text, limit), quote=True)


_SAFE_LINK = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


def _safe_link(link: str) -> str | None:
    """The link if it is a plain http(s) URL of URL characters (explainer.outputs.qr's rule)."""
    from explainer.outputs.qr import safe_link

    return safe_link(link) if isinstance(link, str) and _SAFE_LINK.fullmatch(link) else None


# ---------------------------------------------------------------------- the chart
def _fixed_size(spec: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of a chart spec at a fixed width (a page's spec may fit its container)."""
    out = json.loads(json.dumps(spec))  # deep copy of plain JSON data
    if out.get("width") == "container" or "width" in out:
        out["width"] = CHART_WIDTH
    # "pad": the SVG grows to hold every mark (a rule's label past the plot's right edge
    # is not cut off); CSS scales the whole down to the page's width.
    out["autosize"] = {"type": "pad"}
    out.setdefault("config", {})
    out["config"] = {**out["config"], "font": "Noto Sans CJK SC, Noto Sans, sans-serif"}
    return out


_UNSAFE_SVG = re.compile(
    r"<\s*(script|foreignObject|image|iframe|use)\b|\bon\w+\s*=|javascript:|href\s*="
    r"|url\(\s*(?!#)",
    re.IGNORECASE,
)


def _convert(spec: Mapping[str, Any]) -> str:
    import vl_convert

    svg = vl_convert.vegalite_to_svg(spec, allowed_base_urls=[])
    svg = svg[svg.find("<svg") :]
    # Texts are escaped by vl-convert, so only the tags can hold anything active.
    if any(_UNSAFE_SVG.search(tag) for tag in re.findall(r"<[^>]*>", svg)):
        raise ValueError("the chart's SVG holds a script, a link or an external resource")
    return _scalable(svg)


def chart_svg(spec: Mapping[str, Any], max_height: float | None = None) -> str:
    """The chart as an inline ``<svg>`` element (vl-convert, imported only when called).

    vl-convert escapes the texts it writes and, told ``allowed_base_urls=[]``, fetches no
    data; the result is checked once more for anything that could run or fetch (scripts,
    links, external images, event attributes): such an SVG is refused (ValueError).
    With ``max_height`` (CSS px, once scaled to the page's width) a chart that would be
    taller is drawn again with a shorter plot, so that it keeps the page's full width.
    """
    fixed = _fixed_size(spec)
    svg = _convert(fixed)
    return _shorter(fixed, svg, max_height) if max_height else svg


def _shown_height(svg: str) -> float:
    """The height (px) of an SVG scaled down to the page's width."""
    size = _svg_size(svg)
    return size[1] * min(1.0, WIDTH_PX / size[0]) if size else 0.0


def _shortest_plot(fixed: Mapping[str, Any]) -> float:
    """The shortest plot a chart is redrawn with: three quarters of its own height (rows of
    labels, one per activity, overlap below that), and never under :data:`MIN_PLOT_PX`."""
    height = fixed.get("height")
    return max(MIN_PLOT_PX, SQUEEZE * height) if isinstance(height, int | float) else MIN_PLOT_PX


def _shortest_chart(fixed: Mapping[str, Any], svg: str) -> float:
    """The chart's height on the page once its plot is as short as it may be."""
    size, height = _svg_size(svg), fixed.get("height")
    if not size or not isinstance(height, int | float):
        return _shown_height(svg)
    scale = min(1.0, WIDTH_PX / size[0])
    return _shown_height(svg) - (height - _shortest_plot(fixed)) * scale


def _shorter(fixed: dict[str, Any], svg: str, max_height: float) -> str:
    """``svg`` (drawn from ``fixed``) drawn again with a shorter plot if it is too tall."""
    size = _svg_size(svg)
    over = _shown_height(svg) - max_height
    if size and over > 1 and isinstance(fixed.get("height"), int | float):
        scale = min(1.0, WIDTH_PX / size[0])
        fixed = {**fixed, "height": max(_shortest_plot(fixed), fixed["height"] - over / scale)}
        with contextlib.suppress(ValueError):  # the taller one stands (CSS scales it)
            svg = _convert(fixed)
    return svg


def _svg_size(svg: str) -> tuple[float, float] | None:
    """The width and height an ``<svg>`` element declares."""
    head = svg[: svg.find(">")]
    width = re.search(r'\swidth="([\d.]+)"', head)
    height = re.search(r'\sheight="([\d.]+)"', head)
    return (float(width.group(1)), float(height.group(1))) if width and height else None


def _scalable(svg: str) -> str:
    """Give the root ``<svg>`` a viewBox (from its width and height), so CSS can scale it."""
    head_end = svg.find(">")
    size = _svg_size(svg)
    if "viewBox" in svg[:head_end] or size is None:
        return svg
    return f'{svg[:head_end]} viewBox="0 0 {size[0]:g} {size[1]:g}"{svg[head_end:]}'


def _inline(svg: str) -> str:
    """An SVG as HTML holds it inline: the namespace declarations are implied (HTML's parser
    puts ``<svg>`` in the SVG namespace), so the file names no URL but the scenario's link."""
    return re.sub(r'\sxmlns(:xlink)?="[^"]*"', "", svg, count=2)


# ---------------------------------------------------------------------- the page
STYLE = """
@page { size: A4; margin: 11mm 12mm; }
html { color: #111; background: #e8e8e8; }
body { margin: 0; }
.brief { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 6mm auto;
  padding: 11mm 12mm; background: #fff; box-shadow: 0 1px 4px #0004;
  font-size: 9.2pt; line-height: 1.38; }
.brief:lang(zh) { font-family: @ZH@; }
.brief:lang(en) { font-family: @EN@; }
.brief h1 { font-size: 15pt; line-height: 1.2; margin: 0 0 1.5mm; }
.brief h2 { font-size: 10pt; margin: 2.5mm 0 1mm; }
.brief .kicker { margin: 0; color: #555; font-size: 8pt; text-transform: uppercase;
  letter-spacing: .04em; }
.brief .summary { margin: 1.5mm 0 2mm; font-size: 9.6pt; }
.brief table { width: 100%; border-collapse: collapse; }
.brief th, .brief td { text-align: left; vertical-align: top; padding: .5mm 1.5mm;
  border-bottom: .2mm solid #ddd; }
.brief thead th { font-size: 7.6pt; color: #555; font-weight: 600;
  border-bottom: .3mm solid #999; }
.brief .figures { table-layout: fixed; }
.brief .figures td.value { font-weight: 700; }
.brief .figures td.status, .brief .figures td.range { font-size: 8pt; color: #333; }
.brief .chart { margin: 2mm 0 0; text-align: center; }
.brief .chart svg { display: block; margin: 0 auto; max-width: 100%; height: auto;
  max-height: inherit; }
.brief .assumptions { font-size: 7.6pt; line-height: 1.25; }
.brief .assumptions tr.changed th { font-weight: 700; }
.brief .assumptions th { font-weight: 400; }
.brief .more, .brief .note { font-size: 7.6pt; color: #444; margin: .8mm 0 0; }
.brief footer { display: flex; gap: 3mm; align-items: flex-start; margin-top: 2.5mm;
  padding-top: 1.5mm; border-top: .3mm solid #999; font-size: 7.6pt; color: #333; }
.brief footer img { width: 21mm; height: 21mm; flex: none; }
.brief footer p { margin: 0 0 .6mm; }
.brief footer a { color: #0645ad; word-break: break-all; }
.brief .changed-mark { color: #b00; }
@media screen and (max-width: 820px) {
  .brief { width: auto; min-height: 0; margin: 0; padding: 4mm; box-shadow: none; }
}
@media print {
  html { background: #fff; }
  .brief { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none;
    break-after: page; page-break-after: always; break-inside: avoid; }
  .brief:last-child { break-after: auto; page-break-after: auto; }
  .brief a { color: #111; }
}
"""
STYLE = STYLE.replace("@ZH@", FONTS["zh"]).replace("@EN@", FONTS["en"])


def _h(text: str) -> str:
    return html.escape(text, quote=True)


# ---------------------------------------------------------------------- one page
#: The printed text block (A4 less the @page margins) in CSS px (96 per inch).
PAGE_PX = (297 - 22) * 96 / 25.4
WIDTH_PX = (210 - 24) * 96 / 25.4
#: Part of the page the estimate below may fill (it is rough; tests/e2e/test_brief_page.py
#: prints every page's brief to PDF and counts the pages).
FILL = 0.95
MIN_CHART_PX = 300
MAX_CHART_PX = 400
#: The shortest plot area (px) a chart is redrawn with to fit its page, and the share of
#: its own plot height it keeps at least.
MIN_PLOT_PX = 110
SQUEEZE = 0.75


def _lines(text: str | None, per_line: float) -> int:
    """Lines a text takes, ``per_line`` Latin characters a line (a CJK character is two)."""
    units = sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text or "")
    return max(1, -(-units // int(per_line)))


def _figure_lines(figure: BriefFigure, status_chars: int) -> int:
    """Lines the tallest cell of a figure's row takes (columns as in STYLE's colgroup)."""
    ranged = f"{figure.low_text or ''} – {figure.high_text or ''}" if figure.low_text else ""
    return max(
        _lines(figure.label, 38),
        _lines(figure.status, status_chars),
        _lines(ranged, 20) if ranged else 1,
    )


@dataclass(frozen=True)
class Layout:
    """How much of a brief fits on its page: settings listed, the chart's height (px)."""

    assumptions: int
    chart_px: int


def layout(
    content: BriefContent, chart_px: float = MAX_CHART_PX, shortest_px: float = 0.0
) -> Layout:
    """Share one A4 page between the texts (estimated line by line) and the chart, whose
    own height at the page's width is ``chart_px`` (``shortest_px`` once redrawn shorter).

    The texts come first; the chart takes what is left, at most its own height and
    :data:`MAX_CHART_PX`. If less than :data:`MIN_CHART_PX` (or the chart's own height) is
    left, settings are dropped from the list (they are counted, and the link restores them)
    until the chart has room.
    """
    summary = _cut(content.summary, MAX_TEXT["summary"])
    used = 16 + 27 * _lines(content.title, 62) + 18 * _lines(summary, 100) + 14
    figures = content.figures[:MAX_FIGURES]
    ranged = any(f.low_text is not None or f.high_text is not None for f in figures)
    status_chars = 36 if ranged else 54  # the status column's width (see STYLE's colgroup)
    used += 46 + sum(21 + 17 * (_figure_lines(f, status_chars) - 1) for f in figures)
    used += 15 * _lines(t("brief_note", content.lang), 140) + 110  # note, footer
    used += 60  # the settings' heading and table head, the line under it
    rows = [17 * max(_lines(a.label, 48), _lines(a.number_source, 30)) for a in content.assumptions]
    listed = min(MAX_ASSUMPTIONS, len(rows))
    need = max(min(MIN_CHART_PX, chart_px), shortest_px)
    # the settings the reader changed stay listed (a few), whatever the chart needs
    keep = min(KEEP_CHANGED, sum(1 for a in content.assumptions[:listed] if a.changed))

    floor = MIN_PLOT_PX if chart_px else 0

    def free(count: int) -> float:
        return PAGE_PX * FILL - used - sum(rows[:count])

    # drop settings while the chart lacks room (the changed ones only for its bare minimum)
    while listed > MIN_ASSUMPTIONS and (
        free(listed) < floor or (listed > keep and free(listed) < need)
    ):
        listed -= 1
    room = min(free(listed), MAX_CHART_PX, chart_px)
    return Layout(assumptions=listed, chart_px=int(max(MIN_PLOT_PX, room)))


def _figures_html(content: BriefContent) -> str:
    lang, figures = content.lang, content.figures[:MAX_FIGURES]
    ranged = any(f.low_text is not None or f.high_text is not None for f in figures)
    heads = [t("brief_col_figure", lang), t("brief_col_value", lang)]
    heads += [t("brief_col_range", lang)] if ranged else []
    heads += [t("brief_col_status", lang)]
    head = "".join(f"<th>{_h(text)}</th>" for text in heads)
    rows = []
    for f in figures:
        value = f"{_e(f.value)}{' ' + _e(f.unit) if f.unit else ''}"
        cells = [f"<th>{_e(f.label)}</th>", f"<td class='value'>{value}</td>"]
        if ranged:
            low, high = f.low_text, f.high_text
            text = (
                ""
                if low is None and high is None
                else t("brief_range", lang, low=_cut(low or "?", 60), high=_cut(high or "?", 60))
            )
            cells.append(f"<td class='range'>{_h(text)}</td>")
        cells.append(f"<td class='status'>{_e(f.status)}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    widths = (38, 16, 16, 30) if ranged else (38, 16, 46)
    cols = "".join(f"<col style='width:{w}%'>" for w in widths)
    return (
        f"<h2>{_h(t('brief_figures', lang))}</h2><table class='figures'><colgroup>{cols}"
        f"</colgroup><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _assumptions_html(content: BriefContent, listed_count: int) -> str:
    lang, listed = content.lang, content.assumptions[:listed_count]
    more = content.more_assumptions + len(content.assumptions) - len(listed)
    heads = (
        t("brief_col_setting", lang),
        t("brief_col_value", lang),
        t("brief_col_mechanism", lang),
        t("brief_col_number", lang),
    )
    head = "".join(f"<th>{_h(text)}</th>" for text in heads)
    mark = "<span class='changed-mark'>●</span> "
    rows = "".join(
        f"<tr class='{'changed' if a.changed else ''}'>"
        f"<th>{mark if a.changed else ''}{_e(a.label)}</th><td>{_e(a.value)}</td>"
        f"<td>{_e(a.mechanism_source)}</td><td>{_e(a.number_source)}</td></tr>"
        for a in listed
    )
    notes = []
    if any(a.changed for a in listed):
        notes.append(f"{mark}{_h(t('brief_changed', lang))}")
    if more:
        notes.append(_h(t("brief_more_assumptions", lang, n=more)))
    table = (
        f"<table class='assumptions'><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        if listed
        else ""
    )
    return (
        f"<h2>{_h(t('brief_assumptions', lang))}</h2>{table}<p class='more'>{' · '.join(notes)}</p>"
    )


def _footer_html(content: BriefContent) -> str:
    from explainer.outputs.qr import qr_svg

    lang = content.lang
    link = _safe_link(content.link)
    qr, shown = "", f"<p>{_h(t('brief_no_link', lang))}</p>"
    if link is not None:
        payload = base64.b64encode(qr_svg(link).encode("ascii")).decode("ascii")
        alt = _h(t("qr_caption", lang))
        qr = f"<img src='data:image/svg+xml;base64,{payload}' alt='{alt}'>"
        href = html.escape(link, quote=True)
        shown = f"<p>{_h(t('brief_link', lang))} <a href='{href}'>{href}</a></p>"
    sources = "".join(f"<p>{_e(line, 400)}</p>" for line in content.sources[:6])
    version, made_on = _cut(content.model_version, 40), _cut(content.generated, 40)
    made = _h(t("brief_made", lang, version=version, date=made_on))
    return f"<footer>{qr}<div>{shown}<p>{made}</p>{sources}</div></footer>"


def _section_html(content: BriefContent) -> str:
    """One brief as a ``<section>`` (a printed page)."""
    lang = content.lang
    kicker = t(f"nav_{content.page}", lang) if f"nav_{content.page}" in _keys(lang) else ""
    drawn = _page_chart(content)
    fit = layout(content, _shown_height(drawn[1]), _shortest_chart(*drawn)) if drawn else None
    fit = fit or layout(content, 0)
    svg = _inline(_shorter(*drawn, fit.chart_px)) if drawn else None
    chart = (
        f"<figure class='chart' style='max-height:{fit.chart_px}px'>{svg}</figure>" if svg else ""
    )
    return (
        f"<section class='brief brief-{_e(content.page, 40)}' lang='{lang}'>"
        f"<p class='kicker'>{_h(kicker)} · {_h(t('brief_kind', lang))}</p>"
        f"<h1>{_e(content.title, MAX_TEXT['title'])}</h1>"
        f"<p class='summary'>{_e(content.summary, MAX_TEXT['summary'])}</p>"
        f"{_figures_html(content)}{chart}"
        f"<p class='note'>{_h(t('brief_note', lang))}</p>"
        f"{_assumptions_html(content, fit.assumptions)}{_footer_html(content)}</section>"
    )


def _keys(lang: Lang) -> Mapping[str, str]:
    from explainer.core.i18n import strings

    return strings(lang)


def _document(sections: list[str], title: str, lang: Lang) -> str:
    return (
        f"<!DOCTYPE html>\n<html lang='{lang if lang in LANGUAGES else 'en'}'><head>"
        "<meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        # No script, no request: a policy the browser enforces as well (file://, mail).
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; img-src data:\">"
        f"<title>{_e(title, MAX_TEXT['title'])}</title><style>{STYLE}</style></head>"
        f"<body>{''.join(sections)}</body></html>\n"
    )


def render_brief(content: BriefContent) -> str:
    """One brief: a self-contained HTML file that prints on one A4 page."""
    return render_booklet([content], content.title, content.lang)


def _page_chart(content: BriefContent) -> tuple[dict[str, Any], str] | None:
    """The brief's chart drawn at the page's width: its spec and SVG, or None (no chart, or
    one that cannot be drawn safely: the rest of the brief stands)."""
    if not content.chart_spec:
        return None
    fixed = _fixed_size(content.chart_spec)
    try:
        return fixed, _convert(fixed)
    except ValueError:
        return None


def render_booklet(contents: Sequence[BriefContent], title: str, lang: Lang) -> str:
    """Several briefs in one HTML file, one per printed page (handouts)."""
    return _document([_section_html(content) for content in contents], title, lang)

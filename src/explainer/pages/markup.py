"""HTML pieces the pages share: cards, comparison tables, article figures, problems.

Every text from a visitor or a file is escaped here; values may carry markup only when a
page builds them itself (a card's value).
"""

from __future__ import annotations

import html
import re

from explainer.core.figures import Figure, format_change, format_value
from explainer.core.i18n import t
from explainer.core.presets import Comparison
from explainer.core.spec import Lang, Problem, bounded_messages

Card = tuple[str, str, str, str]


#: A figure with its unit: a number, then pairs of a space and a unit of at most four
#: characters, each unit followed by a number or the end ("1 h 4 min", "4 小时 19 分钟",
#: "17,012 h"). Tags (``<``), dashes and a word before a number ("alignment 0.67") are not
#: in one.
_UNIT = r"[^\s<>\d–—()（）]{1,4}(?=$|[ )）,，;；<])"
_FIGURE = re.compile(rf"[−+\-×]?\d[\d.,:]*%? {_UNIT}(?: \d[\d.,:]*%? {_UNIT})*")


def whole_figures(text: str) -> str:
    """``text`` (escaped or markup) with each figure that holds a space in a
    ``<span class='figure'>``, which the stylesheet never breaks: a narrow card keeps
    "1 h 4 min" whole, and a range "(41 min – 1 h 29 min)" breaks at its dash (issue 15)."""
    return _FIGURE.sub(lambda m: f"<span class='figure'>{m.group(0)}</span>", text)


def cards_html(cards: list[Card]) -> str:
    """Headline cards: (label, value — may hold markup, detail, css key)."""
    body = "".join(
        f"<div class='card card-{key}'><div class='card-label'>{html.escape(label)}</div>"
        f"<div class='card-value'>{whole_figures(value)}</div>"
        f"<div class='card-detail'>{html.escape(detail)}</div></div>"
        for label, value, detail, key in cards
    )
    return f"<div class='explainer-cards'>{body}</div>"


def _row(before: Figure, after: float, lang: Lang) -> str:
    change = after - before.value
    better = None if abs(change) < 1e-9 else (change < 0) == before.lower_is_better
    row_css = "" if better is None else ("better" if better else "worse")
    return (
        f"<tr class='{row_css}'><th>{html.escape(t(f'metric_{before.key}', lang))}</th>"
        f"<td>{format_value(before.value, before.kind, lang)}</td>"
        f"<td>{format_value(after, before.kind, lang)}</td>"
        f"<td class='change'>{format_change(change, before.kind, lang)}</td></tr>"
    )


def _head(keys: tuple[str, ...], lang: Lang) -> str:
    return "".join(f"<th>{html.escape(t(k, lang))}</th>" for k in keys)


def comparison_html(
    rows: list[tuple[Figure, float]],
    lang: Lang,
    sides: tuple[str, str],
    caption: str = "",
    css: str = "",
) -> str:
    """Figures before and after, with the change coloured by whether it helps."""
    body = "".join(_row(before, after, lang) for before, after in rows)
    head = _head(("table_figure", *sides, "table_change"), lang)
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (
        f"<table class='explainer-compare {css}'>{cap}<thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def article_status_html(sides: list[tuple[str, list[Comparison]]], lang: Lang) -> str:
    """The article's figures on each side of an A/B comparison, each with its status."""
    rows = [
        f"<tr class='status-{c.status}'><th>{html.escape(side)}</th>"
        f"<td>{html.escape(c.reported.text[lang])}</td>"
        f"<td>{html.escape(c.reported.show(c.model_value, lang))}</td>"
        f"<td>{html.escape(c.status_line(lang))}</td></tr>"
        for side, comparisons in sides
        for c in comparisons
    ]
    if not rows:
        return ""
    head = _head(("table_side", "table_article", "table_model", "table_status"), lang)
    return (
        f"<table class='explainer-compare explainer-ab-article'>"
        f"<caption>{html.escape(t('article_figures', lang))}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def problems_html(problems: list[Problem] | tuple[Problem, ...], lang: Lang) -> str:
    """Bad input, named with its allowed range; empty when all is well.

    At most ``LIMITS.max_problems`` are listed, then how many more there are.
    """
    if not problems:
        return ""
    items = "".join(
        f"<li>{html.escape(text)}</li>" for text in bounded_messages(list(problems), lang)
    )
    whole_file = all(not p.param for p in problems)
    heading = html.escape(t("import_failed_title" if whole_file else "bad_input_title", lang))
    return f"<div class='explainer-problems' role='alert'><b>{heading}</b><ul>{items}</ul></div>"

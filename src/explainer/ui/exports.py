"""The page's downloads: figures as CSV, the scenario as YAML and JSON (data: links).

Every export carries the same headline figures (:attr:`explainer.pages.PageSpec.figures`,
declared in :data:`explainer.figures.HEADLINES`), the article's figures with their status,
the summary paragraph and the provenance (version, state, sources).
"""

from __future__ import annotations

import html
from typing import Any

from explainer.figures import figures_table
from explainer.i18n import t
from explainer.pages import PageSpec
from explainer.ui.article import Article
from explainer.ui.scenario_file import state_to_document
from explainer.ui.state import PageState
from explainer.ui.toolbar import (
    PARAMETER_SOURCES_FORMAT,
    data_link,
    dump_json,
    dump_yaml,
    parameter_sources,
)

#: The download links: (extension, MIME type, label key, CSS class).
LINKS = (
    ("csv", "text/csv", "export_csv", "explainer-export-csv"),
    ("yaml", "application/x-yaml", "export_yaml", "explainer-export-yaml"),
    ("json", "application/json", "export_json", "explainer-export-json"),
)


def figures_csv(page: PageSpec, article: Article, state: PageState, result: Any) -> str:
    """The page's headline numbers as CSV, with provenance as leading # lines."""
    document = state_to_document(state, page)["provenance"]
    head = "".join(f"# {key}: {value}\n" for key, value in document.items())
    for record in article.records(state, result):
        fields = (
            record["article"],
            record["model"],
            record["status"],
            record["status_text"],
            record["reason"],
        )
        tuned = f" ({', '.join(record['calibrated'])})" if record["calibrated"] else ""
        line = " | ".join(str(f).replace("\n", " ") for f in fields)
        head += f"# article_figure {record['metric']}{tuned}: {line}\n"
    head += f"# summary: {article.summary(state, result)}\n"
    table = figures_table(page.figures(result), state.lang)
    if article.ranges is not None:  # each figure's band, the sample size, the seed (issue 14)
        return head + article.ranges.csv(table, state.lang, result)
    return head + table.to_csv(index=False)


def export_document(
    page: PageSpec, article: Article, state: PageState, result: Any
) -> dict[str, Any]:
    """The scenario file a download carries: the state, plus fields for its readers."""
    document = state_to_document(state, page)
    document["article_figures"] = article.records(state, result)
    document["parameter_sources_format"] = PARAMETER_SOURCES_FORMAT
    document["parameter_sources"] = parameter_sources(state.lang)
    document["summary"] = article.summary(state, result)
    if article.ranges is not None:
        document["ranges"] = article.ranges.export(state.lang, result)  # issue 14
    return document


def exports_html(page: PageSpec, article: Article, state: PageState, result: Any) -> str:
    """The download links (each file inside its link)."""
    lang, name = state.lang, f"explainer-{page.id}"
    document = export_document(page, article, state, result)
    texts = {
        "csv": figures_csv(page, article, state, result),
        "yaml": dump_yaml(document),
        "json": dump_json(document),
    }
    links = " · ".join(
        data_link(texts[ext], f"{name}.{ext}", mime, t(label, lang), css)
        for ext, mime, label, css in LINKS
    )
    return (
        f"<span class='explainer-downloads'>{html.escape(t('downloads', lang))} {links}"
        f" · <small>{html.escape(t('export_charts_hint', lang))}</small></span>"
    )

"""The page's downloads: figures as CSV, the scenario as YAML and JSON.

Every export carries the same headline figures (:attr:`explainer.pages.PageSpec.figures`,
declared in :data:`explainer.core.figures.HEADLINES`), the article's figures with their status,
the summary paragraph and the provenance (version, state, sources).

The files are made when their button is clicked (:func:`export_buttons`, an
:class:`explainer.ui.download_button.DownloadButtons`), of the state and result the page shows
then, never on a refresh (issues 14, 15: as data: links they were 25-86 kB re-sent on every
slider move). :func:`make_export` makes one; ``explainer export`` writes the same bytes.
"""

from __future__ import annotations

from typing import Any

from explainer.core.figures import figures_table
from explainer.core.i18n import t
from explainer.core.spec import Lang
from explainer.pages import PageSpec
from explainer.ui.article import Article
from explainer.ui.download_button import DownloadButtons, DownloadFile
from explainer.ui.scenario_file import state_to_document
from explainer.ui.state import PageState
from explainer.ui.toolbar import (
    PARAMETER_SOURCES_FORMAT,
    dump_json,
    dump_yaml,
    parameter_sources,
)

#: The downloads: (extension, MIME type, label key, CSS class of the button).
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


def make_export(
    kind: str, page: PageSpec, article: Article, state: PageState, result: Any
) -> tuple[str, str]:
    """One download, ``(filename, text)``: what its button saves and ``explainer export``
    writes (``kind``: csv, yaml or json)."""
    name = f"explainer-{page.id}.{kind}"
    if kind == "csv":
        return name, figures_csv(page, article, state, result)
    dump = {"yaml": dump_yaml, "json": dump_json}[kind]
    return name, dump(export_document(page, article, state, result))


def export_buttons() -> DownloadButtons:
    """The page's CSV / YAML / JSON buttons (what they make is connected by the dashboard)."""
    widget = DownloadButtons([DownloadFile(ext, css, mime) for ext, mime, _, css in LINKS])
    widget.add_class("explainer-exports")
    return widget


def relabel_exports(widget: DownloadButtons, lang: Lang) -> None:
    """The downloads' texts in ``lang``: "Download:", each file's label, the charts' hint."""
    widget.show_labels(
        {ext: t(label, lang) for ext, _, label, _ in LINKS},
        prefix=t("downloads", lang),
        hint=t("export_charts_hint", lang),
        failed=t("download_failed", lang),
    )

"""The fit page: Mei Ciqi's task–tool fit and the effort split under process rewards.

The numbers come from :func:`explainer.model.fit.fit_result`, the charts from
:mod:`explainer.charts.fit`.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from explainer.charts.fit import capability_spec, effort_spec, quadrant_spec, scenario_values
from explainer.core.figures import Figure
from explainer.core.i18n import t
from explainer.core.spec import Lang
from explainer.model import evaluate
from explainer.model.fit import FitResult
from explainer.pages import Card, Chart, PageSpec


def compute(scenario: Any, extras: Mapping[str, Any]) -> FitResult:
    return evaluate("fit", scenario)


def fit_figures(result: FitResult) -> list[Figure]:
    """The fit page's figures (also the source of the figures other pages share with it)."""
    fits = [Figure.of(f"fit_{row.department}", row.fit) for row in result.table.itertuples()]
    return [
        *fits,
        Figure.of("mean_fit", result.mean_fit),
        Figure.of("alignment", result.alignment),
        Figure.of("real_output", result.real_output),
        Figure.of("displaced_effort", result.displaced),
        Figure.of("measured_score", result.measured_score),
        Figure.of("output_lost", result.output_lost),
    ]


def fit_summary(result: FitResult, lang: Lang) -> str:
    """One paragraph: which kind of department, how well the tool fits it, what follows."""
    own = result.own
    perfect = max(result.departments.values(), key=lambda d: d.alignment)
    return t(
        "fitmodel_summary",
        lang,
        **scenario_values(result, lang),
        fit=f"{own.fit:.2f}",
        metric=f"{result.split.metric:.2f}",
        real=f"{result.split.real:.2f}",
        output=f"{result.real_output:.2f}",
        crowded=f"{result.crowded_out:.2f}",
        best=t(f"dept_{perfect.department}", lang),
        best_alignment=f"{perfect.alignment:.2f}",
        advice=next(
            t(row.advice, lang)
            for row in result.table.itertuples()
            if row.department == result.department
        ),
    )


def cards(result: FitResult, state: Any) -> list[Card]:
    """One card per kind of department, then the chosen department's real output."""
    lang = state.lang
    found = [
        (
            t(f"dept_{d.department}", lang)
            + (f" ({t('fitmodel_this', lang)})" if d.department == result.department else ""),
            t("fitmodel_card_value", lang, alignment=f"{d.alignment:.2f}"),
            t(
                "fitmodel_card_detail",
                lang,
                fit=f"{d.fit:.2f}",
                output=f"{d.real_output:.2f}",
                displaced=f"{d.displaced:.2f}",
            ),
            f"fit-{d.department}",
        )
        for d in result.departments.values()
    ]
    detail = t(
        "fitmodel_output_detail",
        lang,
        dept=t(f"dept_{result.department}", lang),
        displaced=f"{result.displaced:.2f}",
        crowded=f"{result.crowded_out:.2f}",
        score=f"{result.measured_score:.2f}",
    )
    found.append((t("card_output", lang), f"{result.real_output:.2f}", detail, "output"))
    return found


def notes(result: FitResult, state: Any) -> str:
    """Mei's recommended direction for each kind of department, in words."""
    lang = state.lang
    items = "".join(
        f"<li><b>{html.escape(t(f'dept_{row.department}', lang))}</b>: "
        f"{html.escape(t(row.advice, lang))}</li>"
        for row in result.table.itertuples()
    )
    return f"<ul class='explainer-advice'>{items}</ul>"


PAGE = PageSpec(
    id="fit",
    title_key="fit_title",
    intro_key="fit_intro",
    groups=("fit", "incentives", "shortcuts"),
    compute=compute,
    charts=(
        Chart("explainer-chart-fit", quadrant_spec),
        Chart("explainer-chart-capability", capability_spec),
        Chart("explainer-chart-effort", effort_spec),
    ),
    figures=fit_figures,
    headline=cards,
    summary=lambda result, state: fit_summary(result, state.lang),
    notes=notes,
)

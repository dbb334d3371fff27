"""The fit dashboard: Mei Ciqi's task–tool fit and the effort split under process rewards.

Wiring only: the numbers come from :func:`explainer.model.fit.fit_result`, the charts from
:mod:`explainer.charts.fit`, everything else from :class:`explainer.ui.dashboard.Dashboard`.
"""

from __future__ import annotations

import html

from explainer.charts.fit import capability_spec, effort_spec, quadrant_spec, scenario_values
from explainer.figures import Figure
from explainer.i18n import t
from explainer.model.fit import FitResult
from explainer.spec import Lang
from explainer.ui.dashboard import Dashboard, cards_html


class FitDashboard(Dashboard):
    """Task–tool fit by department, and where effort goes when check-ins pay."""

    page = "fit"
    title_key = "fit_title"
    intro_key = "fit_intro"
    groups = ("fit", "incentives", "shortcuts")
    charts = (
        ("explainer-chart-fit", quadrant_spec),
        ("explainer-chart-capability", capability_spec),
        ("explainer-chart-effort", effort_spec),
    )

    def headline_html(self, result: FitResult, lang: Lang) -> str:
        cards = [
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
        cards.append(
            (
                t("card_output", lang),
                f"{result.real_output:.2f}",
                t(
                    "fitmodel_output_detail",
                    lang,
                    dept=t(f"dept_{result.department}", lang),
                    displaced=f"{result.displaced:.2f}",
                    crowded=f"{result.crowded_out:.2f}",
                    score=f"{result.measured_score:.2f}",
                ),
                "output",
            )
        )
        return cards_html(cards)

    def figures(self, result: FitResult) -> list[Figure]:
        return fit_figures(result)

    def summary_text(self, result: FitResult, lang: Lang) -> str:
        return fit_summary(result, lang)

    def notes_html(self, result: FitResult, lang: Lang) -> str:
        """Mei's recommended direction for each kind of department, in words."""
        items = "".join(
            f"<li><b>{html.escape(t(f'dept_{row.department}', lang))}</b>: "
            f"{html.escape(t(row.advice, lang))}</li>"
            for row in result.table.itertuples()
        )
        return f"<ul class='explainer-advice'>{items}</ul>"


def fit_figures(result: FitResult) -> list[Figure]:
    """The fit page's figures (also the source of the figures other pages share with it)."""
    fits = [
        Figure(f"fit_{row.department}", "number", row.fit, lower_is_better=False)
        for row in result.table.itertuples()
    ]
    return [
        *fits,
        Figure("mean_fit", "number", result.mean_fit, lower_is_better=False),
        Figure("alignment", "number", result.alignment, lower_is_better=False),
        Figure("real_output", "number", result.real_output, lower_is_better=False),
        Figure("displaced_effort", "number", result.displaced),
        Figure("measured_score", "number", result.measured_score, lower_is_better=False),
        Figure("output_lost", "number", result.output_lost),
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

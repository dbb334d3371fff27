"""The fit dashboard: Mei Ciqi's task–tool fit and the effort split under process rewards.

Wiring only: the numbers come from :func:`explainer.model.fit.fit_result`, the charts from
:mod:`explainer.charts.fit`, everything else from :class:`explainer.ui.dashboard.Dashboard`.
"""

from __future__ import annotations

import html

from explainer.charts.fit import effort_spec, quadrant_spec
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
        ("explainer-chart-effort", effort_spec),
    )

    def headline_html(self, result: FitResult, lang: Lang) -> str:
        cards = [
            (
                t(f"dept_{row.department}", lang),
                t("card_fit_value", lang, fit=f"{row.fit:.2f}"),
                t(
                    "card_fit_detail",
                    lang,
                    displacement=f"{row.displacement:.2f}",
                    overcontrol=f"{row.overcontrol:.2f}",
                ),
                f"fit-{row.department}",
            )
            for row in result.table.itertuples()
        ]
        cards.append(
            (
                t("card_output", lang),
                f"{result.real_output:.2f}",
                t(
                    "card_output_detail",
                    lang,
                    score=f"{result.measured_score:.2f}",
                    lost=f"{result.output_lost:.2f}",
                ),
                "output",
            )
        )
        return cards_html(cards)

    def figures(self, result: FitResult) -> list[Figure]:
        fits = [
            Figure(f"fit_{row.department}", "number", row.fit, lower_is_better=False)
            for row in result.table.itertuples()
        ]
        return [
            *fits,
            Figure("mean_fit", "number", result.mean_fit, lower_is_better=False),
            Figure("real_output", "number", result.real_output, lower_is_better=False),
            Figure("measured_score", "number", result.measured_score, lower_is_better=False),
            Figure("output_lost", "number", result.output_lost),
        ]

    def summary_text(self, result: FitResult, lang: Lang) -> str:
        fits = dict(zip(result.table["department"], result.table["fit"], strict=True))
        best = max(fits, key=fits.get)
        worst = min(fits, key=fits.get)
        return t(
            "summary_fit",
            lang,
            tool=t(f"tool_{result.tool}", lang),
            capability=f"{result.capability:.2f}",
            reward=f"{result.curve_w:.2f}",
            metric=f"{result.split.metric:.2f}",
            real=f"{result.split.real:.2f}",
            output=f"{result.real_output:.2f}",
            lost=f"{result.output_lost:.2f}",
            best=t(f"dept_{best}", lang),
            best_fit=f"{fits[best]:.2f}",
            worst=t(f"dept_{worst}", lang),
            worst_fit=f"{fits[worst]:.2f}",
        )

    def notes_html(self, result: FitResult, lang: Lang) -> str:
        """Mei's recommended direction for each kind of department, in words."""
        items = "".join(
            f"<li><b>{html.escape(t(f'dept_{row.department}', lang))}</b>: "
            f"{html.escape(t(row.advice, lang))}</li>"
            for row in result.table.itertuples()
        )
        return f"<ul class='explainer-advice'>{items}</ul>"

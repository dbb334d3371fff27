"""The fit dashboard: Mei Ciqi's task–tool fit and the effort split under process rewards.

Wiring only: the numbers come from :func:`explainer.model.fit.fit_result`, the charts from
:mod:`explainer.charts.fit`, everything else from :class:`explainer.ui.dashboard.Dashboard`.
"""

from __future__ import annotations

import html

from explainer.charts.fit import effort_spec, quadrant_spec
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

    def notes_html(self, result: FitResult, lang: Lang) -> str:
        """Mei's recommended direction for each kind of department, in words."""
        items = "".join(
            f"<li><b>{html.escape(t(f'dept_{row.department}', lang))}</b>: "
            f"{html.escape(t(row.advice, lang))}</li>"
            for row in result.table.itertuples()
        )
        return f"<ul class='explainer-advice'>{items}</ul>"

"""The reform dashboard: pick a case and one or more reforms, see every figure change.

Wiring only: reforms come from :mod:`explainer.reforms`, the comparison from
:mod:`explainer.model.compare`, the charts from :mod:`explainer.charts.reforms`.
The chosen reforms are part of the page's URL (``reforms=one_stop_platform,veto_removed``).
"""

from __future__ import annotations

import dataclasses
import html
from typing import Any

import ipywidgets as W

from explainer.charts.reforms import (
    bedtime_overlay_spec,
    effort_overlay_spec,
    fit_overlay_spec,
    minutes_overlay_spec,
)
from explainer.figures import Figure, format_change, format_value
from explainer.i18n import t
from explainer.model import evaluate
from explainer.model.compare import ComparisonResult, compare
from explainer.presets import Preset
from explainer.reforms import apply_reforms, reforms
from explainer.spec import Lang, Problem, describe_source
from explainer.ui.dashboard import Dashboard, comparison_html


class ReformsDashboard(Dashboard):
    """Status quo against reform, every headline figure side by side, charts overlaid."""

    page = "reforms"
    title_key = "reforms_title"
    intro_key = "reforms_intro"
    groups = (
        "apps",
        "points",
        "study_hours",
        "shortcuts",
        "evening",
        "unit",
        "penalties",
        "village",
        "escalation",
        "fit",
        "incentives",
    )
    charts = (
        ("explainer-chart-minutes", minutes_overlay_spec),
        ("explainer-chart-bedtimes", bedtime_overlay_spec),
        ("explainer-chart-effort", effort_overlay_spec),
        ("explainer-chart-fit", fit_overlay_spec),
    )
    extra_keys = ("reforms",)
    can_pin = False  # the page already sets the status quo against the reform

    # ------------------------------------------------------------------ reform choice
    def _build_extra(self) -> None:
        self.reform_boxes: dict[str, W.Checkbox] = {}
        for rid in reforms():
            box = W.Checkbox(value=False, indent=False, layout=W.Layout(width="auto"))
            box.add_class(f"explainer-reform-{rid}")
            box.observe(self._on_reform, "value")
            self.reform_boxes[rid] = box
        self.reform_title = W.HTML()
        self.reform_panel = W.VBox(
            [
                self.reform_title,
                W.GridBox(
                    list(self.reform_boxes.values()),
                    layout=W.Layout(grid_template_columns="repeat(auto-fill, minmax(22em, 1fr))"),
                ),
            ]
        )
        self.reform_panel.add_class("explainer-reforms")

    def extra_widgets(self) -> list[W.Widget]:
        return [self.reform_panel]

    def relabel_extra(self, lang: Lang) -> None:
        self.reform_title.value = f"<b>{html.escape(t('reforms_pick', lang))}</b>"
        for rid, reform in reforms().items():
            box = self.reform_boxes[rid]
            box.description = reform.label(lang)
            box.tooltip = f"{reform.issuer[lang]}, {reform.when(lang)}: {reform.summary[lang]}"

    @property
    def chosen(self) -> list[str]:
        return [rid for rid, box in self.reform_boxes.items() if box.value]

    def _on_reform(self, change: dict[str, Any]) -> None:
        if not self._holding:
            snapshot = self._snapshot()
            rid = next(r for r, box in self.reform_boxes.items() if box is change["owner"])
            chosen = set(snapshot[2]["reforms"]) ^ {rid}  # the state before this tick
            self.history.append((snapshot[0], snapshot[1], {"reforms": sorted(chosen)}))
            self.refresh()

    def extra_state(self) -> dict[str, Any]:
        return {"reforms": self.chosen}

    def extra_query(self) -> list[tuple[str, str]]:
        return [("reforms", ",".join(self.chosen))] if self.chosen else []

    def set_extra_state(self, state: dict[str, Any]) -> None:
        wanted = set(state.get("reforms") or [])
        for rid, box in self.reform_boxes.items():
            box.value = rid in wanted

    def check_extra_state(self, document: dict[str, Any]) -> list[Problem]:
        wanted = document.get("reforms") or []
        known = ", ".join(reforms())
        if not isinstance(wanted, list):
            return [Problem("reforms", wanted, "not a list of reform ids", known)]
        return [  # an item may be a list or a mapping: test it is text before looking it up
            Problem("reforms", r, "unknown reform", known)
            for r in wanted
            if not isinstance(r, str) or r not in reforms()
        ]

    def read_extra(self, page: dict[str, str]) -> list[Problem]:
        wanted = [r for r in page.get("reforms", "").split(",") if r]
        known = reforms()
        problems = [
            Problem("reforms", r, "unknown reform", ", ".join(known))
            for r in wanted
            if r not in known
        ]

        def tick() -> None:
            for rid, box in self.reform_boxes.items():
                box.value = rid in wanted

        self._hold(tick)
        return problems

    # ------------------------------------------------------------------ results
    def compute(self, scenario: Any) -> ComparisonResult:
        chosen = self.chosen if hasattr(self, "reform_boxes") else []
        applied = apply_reforms(scenario, chosen)
        result = compare(applied.status_quo, applied.reformed)
        return dataclasses.replace(result, reforms=tuple(r.id for r in applied.reforms))

    def preset_result(self, preset: Preset, result: ComparisonResult) -> Any:
        """A preset's figures are the article's status quo: check them against it."""
        return evaluate(preset.page, result.status_quo.scenario)

    def figures(self, result: ComparisonResult) -> list[Figure]:
        return [
            Figure(row.metric, row.kind, row.reform, row.lower_is_better)
            for row in result.table().itertuples()
        ]

    def summary_text(self, result: ComparisonResult, lang: Lang) -> str:
        names = [reforms()[rid].name[lang] for rid in self.chosen]
        if not names:
            return t("reforms_none", lang)
        a, b = result.status_quo, result.reformed
        return (
            t(
                "summary_reforms",
                lang,
                reforms=("、" if lang == "zh" else "; ").join(names),
                before=format_value(a.unit.night_minutes, "minutes", lang),
                after=format_value(b.unit.night_minutes, "minutes", lang),
                short_before=format_value(a.unit.share_short_sleep, "share", lang),
                short_after=format_value(b.unit.share_short_sleep, "share", lang),
                veto_before=format_value(a.unit.p_unit_veto, "share", lang),
                veto_after=format_value(b.unit.p_unit_veto, "share", lang),
                output_before=format_value(a.fit.real_output, "number", lang),
                output_after=format_value(b.fit.real_output, "number", lang),
            )
            + " "
            + output_attribution_text(result, lang)
        )

    def headline_html(self, result: ComparisonResult, lang: Lang) -> str:
        rows = [
            (Figure(row.metric, row.kind, row.status_quo, row.lower_is_better), row.reform)
            for row in result.table().itertuples()
        ]
        return comparison_html(rows, lang, ("side_status_quo", "side_reform"))

    def notes_html(self, result: ComparisonResult, lang: Lang) -> str:
        chosen = [reforms()[rid] for rid in self.chosen]
        if not chosen:
            return f"<p>{html.escape(t('reforms_none', lang))}</p>"
        items = []
        for reform in chosen:
            assumption = (
                f"<br><em>{html.escape(t('reform_assumption', lang))}: "
                f"{html.escape(reform.assumption[lang])}</em>"
                if reform.assumption
                else ""
            )
            note = (
                f"<br><em>{html.escape(t('reform_timing_note', lang))}: "
                f"{html.escape(reform.timing_note[lang])}</em>"
                if reform.timing_note
                else ""
            )
            items.append(
                f"<li class='reform-{reform.timing}'><b>{html.escape(reform.name[lang])}</b>"
                f" — {html.escape(reform.issuer[lang])}, {html.escape(reform.when(lang))}."
                f" {html.escape(reform.summary[lang])}{note}"
                f" <small>({html.escape(describe_source(reform.source, lang))})</small>"
                f"{assumption}</li>"
            )
        return f"<ul class='explainer-reform-notes'>{''.join(items)}</ul>"


def output_attribution_text(result: ComparisonResult, lang: Lang) -> str:
    """Which kind of department, and what moved real output: the tool, the reward, the rest."""
    at = result.output_attribution

    def signed(value: float) -> str:
        return "0.00" if abs(value) < 5e-3 else format_change(value, "number", lang)

    return t(
        "reformfit_summary",
        lang,
        dept=t(f"dept_{result.status_quo.scenario.department}", lang),
        before=format_value(at.before, "number", lang),
        after=format_value(at.after, "number", lang),
        tool=signed(at.parts["tool"]),
        reward=signed(at.parts["reward"]),
        other=signed(at.parts["other"]),
        a_before=f"{at.alignment[0]:.2f}",
        a_after=f"{at.alignment[1]:.2f}",
        w_before=f"{at.reward[0]:.2f}",
        w_after=f"{at.reward[1]:.2f}",
    )

"""The reform page: pick a case and one or more reforms, see every figure change.

Reforms come from :mod:`explainer.core.reforms`, the comparison from :mod:`explainer.model.compare`,
the charts from :mod:`explainer.charts.reforms`. The chosen reforms are page state, declared
here as an extra control (``reforms=one_stop_platform,veto_removed`` in the URL).
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Mapping
from typing import Any

from explainer.charts.reforms import (
    bedtime_overlay_spec,
    effort_overlay_spec,
    fit_overlay_spec,
    minutes_overlay_spec,
)
from explainer.core.figures import Figure, format_change, format_value, show
from explainer.core.i18n import t
from explainer.core.presets import Preset
from explainer.core.reforms import Reform, apply_reforms, reforms
from explainer.core.spec import Lang, describe_source
from explainer.model import evaluate
from explainer.model.compare import ComparisonResult, compare
from explainer.pages import Chart, ChoiceSet, PageSpec
from explainer.pages.markup import comparison_html


def _tooltip(rid: str, lang: Lang) -> str:
    reform = reforms()[rid]
    return f"{reform.issuer[lang]}, {reform.when(lang)}: {reform.summary[lang]}"


REFORMS = ChoiceSet(
    key="reforms",
    title_key="reforms_pick",
    css="explainer-reforms",
    box_css="explainer-reform-",
    options=reforms,
    label=lambda rid, lang: reforms()[rid].label(lang),
    tooltip=_tooltip,
    unknown="unknown_reform",
    not_a_list="not_reform_list",
)


def compute(scenario: Any, extras: Mapping[str, Any]) -> ComparisonResult:
    applied = apply_reforms(scenario, extras.get("reforms", ()))
    result = compare(applied.status_quo, applied.reformed)
    return dataclasses.replace(result, reforms=tuple(r.id for r in applied.reforms))


def preset_result(preset: Preset, result: ComparisonResult) -> Any:
    """A preset's figures are the article's status quo: check them against it."""
    return evaluate(preset.page, result.status_quo.scenario)


def figures(result: ComparisonResult) -> list[Figure]:
    return [Figure.of(row.metric, row.reform) for row in result.table().itertuples()]


def _chosen(result: ComparisonResult) -> list[Reform]:
    return [reforms()[rid] for rid in result.reforms]


def summary(result: ComparisonResult, state: Any) -> str:
    lang = state.lang
    names = [reform.name[lang] for reform in _chosen(result)]
    if not names:
        return t("reforms_none", lang)
    a, b = result.status_quo, result.reformed
    return (
        t(
            "summary_reforms",
            lang,
            reforms=("、" if lang == "zh" else "; ").join(names),
            before=show("night_minutes", a.unit.night_minutes, lang),
            after=show("night_minutes", b.unit.night_minutes, lang),
            short_before=show("share_short_sleep", a.unit.share_short_sleep, lang),
            short_after=show("share_short_sleep", b.unit.share_short_sleep, lang),
            veto_before=show("p_unit_veto", a.unit.p_unit_veto, lang),
            veto_after=show("p_unit_veto", b.unit.p_unit_veto, lang),
            output_before=show("real_output", a.fit.real_output, lang),
            output_after=show("real_output", b.fit.real_output, lang),
        )
        + " "
        + output_attribution_text(result, lang)
    )


def headline(result: ComparisonResult, state: Any) -> str:
    """Every headline figure: status quo, with the reforms, and the change."""
    rows = [
        (Figure.of(row.metric, row.status_quo), row.reform) for row in result.table().itertuples()
    ]
    return comparison_html(rows, state.lang, ("side_status_quo", "side_reform"))


def _note(reform: Reform, lang: Lang) -> str:
    def extra(key: str, text: Mapping[str, str] | None) -> str:
        if not text:
            return ""
        return f"<br><em>{html.escape(t(key, lang))}: {html.escape(text[lang])}</em>"

    return (
        f"<li class='reform-{reform.timing}'><b>{html.escape(reform.name[lang])}</b>"
        f" — {html.escape(reform.issuer[lang])}, {html.escape(reform.when(lang))}."
        f" {html.escape(reform.summary[lang])}{extra('reform_timing_note', reform.timing_note)}"
        f" <small>({html.escape(describe_source(reform.source, lang))})</small>"
        f"{extra('reform_assumption', reform.assumption)}</li>"
    )


def notes(result: ComparisonResult, state: Any) -> str:
    """Each chosen reform: who issued it, when, what it does, its source and assumption."""
    chosen = _chosen(result)
    if not chosen:
        return f"<p>{html.escape(t('reforms_none', state.lang))}</p>"
    items = "".join(_note(reform, state.lang) for reform in chosen)
    return f"<ul class='explainer-reform-notes'>{items}</ul>"


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


PAGE = PageSpec(
    id="reforms",
    title_key="reforms_title",
    intro_key="reforms_intro",
    groups=(
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
    ),
    compute=compute,
    charts=(
        Chart("explainer-chart-minutes", minutes_overlay_spec),
        Chart("explainer-chart-bedtimes", bedtime_overlay_spec),
        Chart("explainer-chart-effort", effort_overlay_spec),
        Chart("explainer-chart-fit", fit_overlay_spec),
    ),
    figures=figures,
    headline=headline,
    summary=summary,
    notes=notes,
    extras=(REFORMS,),
    can_pin=False,  # the page already sets the status quo against the reform
    preset_result=preset_result,
    all_presets=True,
)

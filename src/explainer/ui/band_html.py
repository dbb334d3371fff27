"""HTML of ranges (issue 14): bands in the cards, the table of every figure with its band.

No widgets and no state: :mod:`explainer.ui.bands` calls these with the figures of one
scenario and, once computed, their :class:`~explainer.model.uncertainty.Uncertainty`. Every
piece carries the stamp of the scenario it belongs to (``data-scenario``), so a test can
check that a band never surrounds a value of another scenario.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from explainer.core.figures import Figure, format_value
from explainer.core.i18n import t
from explainer.core.spec import Lang
from explainer.model.robustness import (
    STATUS_QUO,
    band_only_text,
    effect_kind,
    method_text,
    paired_change,
    reform_effect_text,
    signed,
)
from explainer.model.uncertainty import Uncertainty, change_band
from explainer.pages.markup import whole_figures

#: Which headline card shows which figure, per page (card CSS key → figure key).
CARD_FIGURES: dict[str, dict[str, str]] = {
    "night": {
        "night": "night_minutes",
        "bedtime": "bedtime",
        "sleep": "sleep_minutes",
        "short": "sleep_short_minutes",
    },
    "unit": {
        "short": "share_short_sleep",
        "hours": "unit_app_hours_year",
        "penalty": "p_penalty_period",
        "veto": "p_unit_veto",
        "checkin": "checkin_minutes_per_day",
        "cascade": "escalation_ratio",
    },
    "fit": {"output": "real_output"},
}
BAND_STYLE = (
    "<style>.explainer-cards .card-band{color:#4e79a7;font-size:.9em}"
    ".explainer-bands table{border-collapse:collapse;font-size:.9em}"
    ".explainer-bands td,.explainer-bands th{padding:2px 8px;text-align:left}"
    ".explainer-bands .pending{color:#888}.explainer-bands .robust{color:#1b5e20}</style>"
)


def value_marker(stamp: str) -> str:
    """A hidden marker: which scenario the values beside it belong to."""
    return f"<span hidden class='explainer-value-scenario' data-scenario='{stamp}'></span>"


def decorate_cards(
    headline: str, page: str, figures: list[Figure], unc: Uncertainty, stamp: str, lang: Lang
) -> str:
    """The headline cards with each card's band under its value."""
    kinds = {f.key: f.kind for f in figures}
    for card, key in CARD_FIGURES.get(page, {}).items():
        anchor = f"<div class='card card-{card}'>"
        start = headline.find(anchor)
        detail = headline.find("<div class='card-detail'>", start)
        if start < 0 or detail < 0 or key not in unc.keys or key not in kinds:
            continue
        text = whole_figures(html.escape(f"({band_only_text(unc.band(key), kinds[key], lang)})"))
        band = (
            f"<div class='card-band' data-scenario='{stamp}' data-figure='{key}'"
            f" title='{html.escape(t('band_label', lang))}'>{text}</div>"
        )
        headline = headline[:detail] + band + headline[detail:]
    return headline


def _cell(unc: Uncertainty | None, key: str, kind: str, lang: Lang) -> str:
    if unc is None or key not in unc.keys:
        return f"<td class='pending'>{html.escape(t('band_pending', lang))}</td>"
    text = band_only_text(unc.band(key), kind, lang)
    return f"<td class='band' data-figure='{key}'>{html.escape(text)}</td>"


def table_html(
    page: str,
    figures: list[Figure],
    values: Mapping[str, float],
    unc: Uncertainty | None,
    stamp: str,
    lang: Lang,
) -> str:
    """Every headline figure with its value and its band (or "computing" until known)."""
    rows = []
    for f in figures:
        label = html.escape(t(f"metric_{f.key}", lang))
        value = html.escape(format_value(values.get(f.key, f.value), f.kind, lang))
        extra = ""
        if page == "reforms":
            extra = _cell(unc, f.key + STATUS_QUO, f.kind, lang) + _effect_cell(unc, f, lang)
        rows.append(
            f"<tr data-figure='{f.key}'><th>{label}</th>{extra}<td class='value'>{value}</td>"
            f"{_cell(unc, f.key, f.kind, lang)}</tr>"
        )
    head = _head(page, lang)
    state = "ready" if unc is not None else "pending"
    method = f"<p><small>{html.escape(method_text(unc, lang))}</small></p>" if unc else ""
    return (
        f"{BAND_STYLE}<div class='explainer-bands-table' data-scenario='{stamp}'"
        f" data-state='{state}'><table><caption>{html.escape(t('bands_title', lang))}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{method}</div>"
    )


def _head(page: str, lang: Lang) -> str:
    names = [t("table_figure", lang)]
    if page == "reforms":
        names += [t("bands_status_quo", lang), t("bands_effect", lang)]
    names += [t("bands_value", lang), t("bands_range", lang)]
    return "".join(f"<th>{html.escape(name)}</th>" for name in names)


def _effect_cell(unc: Uncertainty | None, f: Figure, lang: Lang) -> str:
    """A reform's effect on one figure: larger than the uncertainty around it, or not."""
    if unc is None or f.key + STATUS_QUO not in unc.keys:
        return f"<td class='pending'>{html.escape(t('band_pending', lang))}</td>"
    robust = effect_kind(change_band(unc, f.key + STATUS_QUO, f.key)) == "robust"
    text = reform_effect_text(unc, f.key, f.kind, lang)
    return f"<td class='effect{' robust' if robust else ''}'>{html.escape(text)}</td>"


def _ab_cells(f: Figure, a: Uncertainty, b: Uncertainty, lang: Lang) -> str:
    """A figure's band under A, under B, and the paired change B − A with its verdict."""
    cells = [
        f"<td class='band-a'>{html.escape(band_only_text(a.band(f.key), f.kind, lang))}</td>",
        f"<td class='band-b'>{html.escape(band_only_text(b.band(f.key), f.kind, lang))}</td>",
    ]
    change = paired_change(a, b, f.key)
    if change is None:  # not the same sample points: no paired change to show
        return "".join(cells) + "<td></td><td></td>"
    kind = effect_kind(change)
    span = signed(change.low, f.kind, lang)
    if signed(change.high, f.kind, lang) != span:
        span += f" – {signed(change.high, f.kind, lang)}"
    verdict = {
        "robust": t("band2_ab_larger", lang),
        "unsure": t("band2_ab_within", lang),
        "none": t("band2_ab_none", lang),
    }[kind]
    cells += [
        f"<td class='ab-change' data-low='{change.low!r}' data-high='{change.high!r}'>"
        f"{html.escape(span)}</td>",
        f"<td class='ab-verdict {kind}'>{html.escape(verdict)}</td>",
    ]
    return "".join(cells)


def ab_bands_html(figures: list[Figure], a: Uncertainty, b: Uncertainty, lang: Lang) -> str:
    """The A/B comparison's ranges: each figure's band under A and under B, and the change
    B − A evaluated on the same sample points (paired), with whether it is larger than the
    uncertainty (the same sign at every point: :func:`~explainer.model.robustness.effect_kind`,
    as for a reform's effect)."""
    rows = "".join(
        f"<tr data-figure='{f.key}'><th>{html.escape(t(f'metric_{f.key}', lang))}</th>"
        f"{_ab_cells(f, a, b, lang)}</tr>"
        for f in figures
        if f.key in a.keys and f.key in b.keys
    )
    names = (t("table_figure", lang), t("side_a", lang), t("side_b", lang))
    names += (t("band2_ab_change", lang), t("band2_ab_verdict", lang))
    head = "".join(f"<th>{html.escape(name)}</th>" for name in names)
    return (
        f"<table class='explainer-compare explainer-ab-bands'>"
        f"<caption>{html.escape(t('bands_ab_title', lang))}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        f"<p><small>{html.escape(method_text(b, lang))} {html.escape(t('band2_ab_note', lang))}"
        "</small></p>"
    )

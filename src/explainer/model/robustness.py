"""Bands and verdicts in words (issue 14): "1 h (45 min – 1 h 20 min)", and whether each key
conclusion holds under every plausible assumption or only under the ones as set.

No widgets: the pages, the exports and the tests all take their wording from here, and the
numbers from :mod:`explainer.model.uncertainty`. Strings are in ``data/locales``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from explainer.core.figures import format_change, format_value
from explainer.core.i18n import t
from explainer.core.spec import Lang, bilingual, describe_source, registry
from explainer.model.uncertainty import Band, Uncertainty, change_band

#: Below this a change is no change (minutes, shares and scores alike are shown rounded).
NO_CHANGE = 1e-6
#: Status-quo figures in the reform page's sample are keyed ``<metric>@status_quo``.
STATUS_QUO = "@status_quo"
#: Scenario A's figures, beside B's in a paired table, are keyed ``<metric>@A``.
PINNED = "@A"


@dataclass(frozen=True)
class Conclusion:
    """A key conclusion of a page: figure ``figure`` above ``threshold`` (claim_<key>)."""

    key: str
    figure: str
    threshold: float

    def holds(self, values: np.ndarray) -> np.ndarray:
        return values > self.threshold


#: The conclusions each page's summary judges, in the order they are written.
CONCLUSIONS: dict[str, tuple[Conclusion, ...]] = {
    "night": (
        Conclusion("after_midnight", "bedtime", 24 * 60),
        Conclusion("short_sleep", "sleep_short_minutes", 0.5),
    ),
    "unit": (
        Conclusion("most_short", "share_short_sleep", 0.5),
        Conclusion("veto_likely", "p_unit_veto", 0.5),
    ),
    "fit": (Conclusion("output_lost", "output_lost", 0.005),),
    "reforms": (),
}
#: The reform effects the reform page's summary judges.
REFORM_EFFECTS = ("night_minutes", "share_short_sleep", "p_unit_veto", "real_output")


def band_text(band: Band, kind: str, lang: Lang) -> str:
    """``1 h (45 min – 1 h 20 min)``: the value, then its band."""
    if band.high - band.low < NO_CHANGE:
        return format_value(band.value, kind, lang)
    return t(
        "band_value",
        lang,
        value=format_value(band.value, kind, lang),
        low=format_value(band.low, kind, lang),
        high=format_value(band.high, kind, lang),
    )


def band_only_text(band: Band, kind: str, lang: Lang) -> str:
    """``45 min – 1 h 20 min`` (for a card that already shows the value)."""
    low, high = format_value(band.low, kind, lang), format_value(band.high, kind, lang)
    return low if low == high else f"{low} – {high}"


def verdict_text(unc: Uncertainty, conclusion: Conclusion, lang: Lang) -> str:
    """One sentence: holds under every plausible assumption, under none, or only as set."""
    found = unc.verdict(conclusion.figure, conclusion.holds)
    claim = t(f"claim_{conclusion.key}", lang)
    negation = t(f"negation_{conclusion.key}", lang)
    if found.kind == "all":
        return t("verdict_all", lang, tried=found.tried, claim=claim)
    if found.kind == "none":
        return t("verdict_all", lang, tried=found.tried, claim=negation)
    yes, no = (claim, negation) if found.at_point else (negation, claim)
    other = found.tried - found.holds if found.at_point else found.holds
    return t("verdict_mixed", lang, yes=yes, no=no, other=other, tried=found.tried)


def verdicts_text(page: str, unc: Uncertainty, lang: Lang) -> str:
    """The page's verdicts, one sentence each, for the summary paragraph."""
    return " ".join(
        verdict_text(unc, c, lang) for c in CONCLUSIONS.get(page, ()) if c.figure in unc.keys
    )


def reform_effect_text(unc: Uncertainty, metric: str, kind: str, lang: Lang) -> str:
    """Whether a reform's effect on ``metric`` is larger than the uncertainty around it.

    Larger means: the paired change (reform minus status quo under the same assumptions) has
    the same sign in every scenario tried, i.e. its band does not include zero.
    """
    change = change_band(unc, metric + STATUS_QUO, metric)
    name = t(f"metric_{metric}", lang)
    low, high = signed(change.low, kind, lang), signed(change.high, kind, lang)
    found = effect_kind(change)
    if found == "none":
        return t("reform_effect_none", lang, metric=name)
    shown = format_change(change.value, kind, lang)
    return t(
        "reform_effect_robust" if found == "robust" else "reform_effect_unsure",
        lang,
        metric=name,
        change=shown,
        low=low,
        high=high,
    )


def effect_kind(change: Band) -> str:
    """What a paired change's band says: ``none`` (no change in any scenario tried),
    ``robust`` (the same sign in every one: larger than the uncertainty around it) or
    ``unsure`` (its sign depends on the assumptions)."""
    if max(abs(change.low), abs(change.high)) < NO_CHANGE:
        return "none"
    return "robust" if change.low * change.high > 0 else "unsure"


def paired_change(a: Uncertainty, b: Uncertainty, key: str) -> Band | None:
    """B − A for figure ``key``, taken at each sample point with the same assumptions on
    both sides (paired), as a band; ``None`` when A's and B's samples are not paired."""
    both = b.paired_with(a, PINNED)
    if both is None or key not in b.keys or key not in a.keys:
        return None
    return change_band(both, key + PINNED, key)


def signed(value: float, kind: str, lang: Lang) -> str:
    """A change with its sign; no change is ``0`` (format_change writes it as a dash)."""
    return "0" if abs(value) < NO_CHANGE else format_change(value, kind, lang)


def reform_effects_text(unc: Uncertainty, kinds: dict[str, str], lang: Lang) -> str:
    """The reform page's verdicts on the effects named in :data:`REFORM_EFFECTS`."""
    return " ".join(
        reform_effect_text(unc, m, kinds[m], lang)
        for m in REFORM_EFFECTS
        if m in unc.keys and m + STATUS_QUO in unc.keys
    )


def method_text(unc: Uncertainty, lang: Lang) -> str:
    """How the bands were made: what a band is, the sample size, the seed, what varied."""
    return method_words(unc.tried, unc.n, unc.seed, len(unc.assumptions), lang)


def method_words(tried: int, n: int, seed: int, k: int, lang: Lang) -> str:
    """:func:`method_text` of ``tried`` scenarios, ``n`` sample points drawn with ``seed``
    over ``k`` assumptions (for bands not computed yet: the same words before and after)."""
    return t("band_method", lang, tried=tried, n=n, seed=seed, k=k)


def range_text(param: str, lang: Lang) -> str:
    """An assumption's plausible range in words, with its source: for bars and exports."""
    spec = registry().params[param]
    found = spec.plausible
    if found is None:
        return ""
    if found.kind == "fixed":
        return bilingual(found.reason, lang)
    return f"{range_ends(param, lang)} — {describe_source(found.source, lang)}"


def range_ends(param: str, lang: Lang) -> str:
    """An assumption's plausible range, ends only: ``30–90 min``, ``21:00–22:00``."""
    spec = registry().params[param]
    found = spec.plausible
    if found is None or found.kind == "fixed":
        return ""
    if found.kind == "choices":
        return " / ".join(bilingual(spec.choices[c], lang) for c in found.choices)
    unit = spec.unit.get(lang, "") if spec.type != "clock" else ""
    return f"{spec.display(found.low)}–{spec.display(found.high)} {unit}".strip()


def export_record(unc: Uncertainty, kinds: dict[str, str], lang: Lang) -> dict[str, Any]:
    """The ranges as an export carries them: method, sample size, seed, each band."""
    return {
        "band": "min-max over the scenarios tried",
        "sample": "scrambled Sobol' (scipy.stats.qmc.Sobol)",
        "sample_size": unc.n,
        "seed": unc.seed,
        "scenarios_tried": unc.tried,
        "method": method_text(unc, lang),
        "assumptions_varied": {a.id: range_text(a.id, lang) for a in unc.assumptions},
        "bands": {
            key: {"value": b.value, "low": b.low, "high": b.high}
            for key, b in unc.bands().items()
            if key in kinds
        },
    }

"""What the bands say in words and in the downloads (issue 14): the verdicts of the summary,
the CSV's band columns, the YAML/JSON ``ranges`` field and the brief's range column.

A mixin of :class:`explainer.ui.bands.BandRunner`: it reads the runner's ``dashboard`` and
``current`` (the bands drawn, or ``None`` while they are computed).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from explainer.figures import format_value
from explainer.i18n import t
from explainer.model import uncertainty as U
from explainer.robustness import (
    band_only_text,
    export_record,
    method_text,
    reform_effects_text,
    verdicts_text,
)

#: Pages whose model takes tens of milliseconds a run (the unit model): SAMPLE_SIZE_SLOW.
SLOW_PAGES = ("unit", "reforms")


def sample_size(page: str) -> int:
    """The page's sample size: fewer points where one run of the model is slow."""
    return U.SAMPLE_SIZE_SLOW if page in SLOW_PAGES else U.SAMPLE_SIZE


class BandWords:
    """Words and exports of the bands (see the module docstring)."""

    dashboard: Any
    current: U.Uncertainty | None
    task: Any

    def run_now(self) -> U.Uncertainty:  # pragma: no cover - BandRunner's
        raise NotImplementedError

    # ------------------------------------------------------------------ words and exports
    def with_verdicts(self, text: str, result: Any, lang: Any) -> str:
        """``text`` (the summary) followed by the verdicts, when the bands are ``result``'s."""
        verdicts = self.verdicts(lang) if self.result_is(result) else ""
        return f"{text} {verdicts}" if verdicts else text

    def result_is(self, result: Any) -> bool:
        """Whether the bands drawn are those of ``result`` (the page's current result)."""
        return self.current is not None and result is self.dashboard.result

    def verdicts(self, lang: Any) -> str:
        """The summary's verdicts (empty until the bands are known)."""
        d, unc = self.dashboard, self.current
        if unc is None:
            return ""
        if d.page.id == "reforms":
            kinds = {f.key: f.kind for f in d.figures(d.result)}
            return reform_effects_text(unc, kinds, lang)
        return verdicts_text(d.page.id, unc, lang)

    def csv(self, table: pd.DataFrame, lang: Any, result: Any = None) -> str:
        """The figures' CSV with each band (``low``, ``high``, ``range``) and how it was made."""
        unc = self.current if result is None or self.result_is(result) else None
        if unc is None:
            line = f"# ranges: {t('band_pending', lang)}\n"
            return line + table.to_csv(index=False)
        bands = [unc.band(k) if k in unc.keys else None for k in table["figure"]]
        table = table.assign(
            low=[b.low if b else None for b in bands],
            high=[b.high if b else None for b in bands],
            range=[
                band_only_text(b, k, lang) if b else ""
                for b, k in zip(bands, self._kinds(table), strict=True)
            ],
        )
        head = (
            f"# ranges: band min-max; sample scrambled Sobol' (scipy.stats.qmc.Sobol);"
            f" sample_size: {unc.n}; seed: {unc.seed}; scenarios_tried: {unc.tried}\n"
            f"# ranges_method: {method_text(unc, lang)}\n"
        )
        return head + table.to_csv(index=False)

    def _kinds(self, table: pd.DataFrame) -> list[str]:
        d = self.dashboard
        kinds = {f.key: f.kind for f in d.figures(d.result)}
        return [kinds.get(k, "number") for k in table["figure"]]

    def ends_of(self, result: Any, lang: Any) -> dict[str, tuple[str, str]]:
        """Each figure's band ends as text (the brief's range column), computing them now if
        the page has not yet; empty for any result but the page's own."""
        d = self.dashboard
        if result is not d.result:
            return {}
        if self.current is None:
            if self.task is not None:
                self.task.cancel()
                self.task = None
            self.run_now()
        unc = self.current
        return {
            f.key: (
                format_value(unc.band(f.key).low, f.kind, lang),
                format_value(unc.band(f.key).high, f.kind, lang),
            )
            for f in d.figures(result)
            if f.key in unc.keys
        }

    def export(self, lang: Any, result: Any = None) -> dict[str, Any]:
        """What an export carries: the bands, the method, the sample size and the seed."""
        d = self.dashboard
        unc = self.current if result is None or self.result_is(result) else None
        if unc is None:
            return {"state": "pending", "sample_size": sample_size(d.page.id), "seed": U.SEED}
        kinds = {f.key: f.kind for f in d.figures(d.result)}
        return export_record(unc, kinds, lang)

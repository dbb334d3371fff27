"""The article's figures for the page's case: the story box, the summary, the A/B table.

A preset reports figures from the article (:mod:`explainer.presets`); here they are set
against the model's result, each with its status (reproduced, calibrated, not reproduced).
"""

from __future__ import annotations

import html
from typing import Any

from explainer.i18n import t
from explainer.pages import PageSpec
from explainer.pages.markup import article_status_html, comparison_html
from explainer.presets import Comparison, Preset, compare
from explainer.spec import Lang
from explainer.ui.state import PageState


class Article:
    """The article's figures of a page's presets, checked against results (memoised)."""

    def __init__(self, page: PageSpec, presets: dict[str, Preset]) -> None:
        self.page, self.presets = page, presets
        self._memo: dict[tuple[str, int], tuple[Any, list[Comparison]]] = {}
        #: The page's bands (explainer.ui.bands.BandRunner, issue 14): the summary then ends
        #: with its verdicts, and the exports carry its ranges.
        self.ranges: Any = None

    def comparisons(self, preset_id: str, result: Any) -> list[Comparison]:
        """The article's figures for ``preset_id`` against ``result`` (empty with no preset)."""
        if not preset_id or preset_id not in self.presets:
            return []
        # The article box, the summary, the A/B table and three exports all ask; on the reform
        # page preset_result runs a model, so compute once per (preset, result).
        key = (preset_id, id(result))
        if key not in self._memo or self._memo[key][0] is not result:
            if len(self._memo) > 8:
                self._memo.clear()
            preset = self.presets[preset_id]
            self._memo[key] = (result, compare(preset, self.page.preset_result(preset, result)))
        return self._memo[key][1]

    def records(self, state: PageState, result: Any) -> list[dict[str, Any]]:
        """The current preset's figures, each with its status, for the exports."""
        return [c.record(state.lang) for c in self.comparisons(state.preset, result)]

    def summary(self, state: PageState, result: Any) -> str:
        """The page's summary paragraph, ending with the article's figures and their status."""
        lang = state.lang
        text = self.page.summary(result, state)
        comparisons = self.comparisons(state.preset, result)
        preset = self.presets.get(state.preset)
        if comparisons and preset is not None:
            items = "; ".join(
                t(
                    "summary_article_item",
                    lang,
                    article=c.reported.text[lang],
                    model=c.reported.show(c.model_value, lang),
                    status=c.status_line(lang),
                )
                for c in comparisons
            )
            text += " " + t("summary_article", lang, case=preset.label(lang), items=items)
        elif preset is not None and preset.no_figures:
            text += " " + preset.no_figures[lang]
        return text if self.ranges is None else self.ranges.with_verdicts(text, result, lang)

    def box_html(self, state: PageState, result: Any) -> str:
        """The case's story and each of its figures against the model's ("" with no case)."""
        if not state.preset:
            return ""
        preset, lang = self.presets[state.preset], state.lang
        lines = [
            f"<li class='status-{c.status} {'agree' if c.ok else 'differ'}'>"
            f"{html.escape(c.text(lang))}"
            f"<br><small class='status-reason'>{html.escape(c.status_line(lang))}</small></li>"
            for c in self.comparisons(state.preset, result)
        ]
        if not lines and preset.no_figures:
            lines = [f"<li class='status-none'>{html.escape(preset.no_figures[lang])}</li>"]
        modified = state.scenario != preset.scenario()
        note = f" <em>({html.escape(t('preset_modified', lang))})</em>" if modified else ""
        return (
            f"<div class='explainer-story'><b>{html.escape(preset.label(lang))}</b>{note}"
            f"<p>{html.escape(preset.story[lang])}</p><ul>{''.join(lines)}</ul>"
            f"<p><small>{html.escape(t('evidence_note', lang))}</small></p></div>"
        )

    def ab_html(self, state: PageState, pinned: Any, result: Any) -> str:
        """Scenario A (pinned) against B (now): every figure, then the article's on each side."""
        lang: Lang = state.lang
        pairs = zip(self.page.figures(pinned), self.page.figures(result), strict=True)
        table = comparison_html(
            [(a, b.value) for a, b in pairs],
            lang,
            ("side_a", "side_b"),
            caption=t("ab_title", lang),
            css="explainer-ab-table",
        )
        a_preset = state.pinned.preset if state.pinned else ""
        sides = (("side_a", a_preset, pinned), ("side_b", state.preset, result))
        return table + article_status_html(
            [(t(side, lang), self.comparisons(pid, res)) for side, pid, res in sides], lang
        )

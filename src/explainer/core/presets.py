"""Presets: the article's cases as named parameter overrides with the figures it reports.

Loaded from ``data/presets.yaml``; each preset is validated against the parameter registry when
loaded, so a broken preset is reported by name instead of surfacing later as a wrong number.

Every reported figure carries a *status* (issue 12): ``reproduced`` (no parameter was tuned to
it), ``calibrated`` (the named parameters were chosen so that the model gives it: a consistency
check only) or ``not_reproduced`` (the model, using the article's own rules, disagrees; the
reason is given in plain words). Agreement with the article is reported, never manufactured.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from explainer.core.i18n import minutes_text, t
from explainer.core.spec import (
    Lang,
    ScenarioError,
    _read_yaml,
    check_bilingual,
    check_source,
    format_clock,
    parse_clock,
    registry,
)

#: Metrics measured on clock time (values written as HH:MM in the YAML).
CLOCK_METRICS = frozenset({"bedtime", "free_at"})

#: The statuses a reported figure can have, in the order docs list them.
Status = Literal["reproduced", "calibrated", "not_reproduced"]
STATUSES: tuple[str, ...] = ("reproduced", "calibrated", "not_reproduced")


def status_text(status: str, lang: Lang) -> str:
    """A status as a reader sees it (``not_reproduced`` → “not reproduced” / “未复现”)."""
    return t(f"status_{status}", lang)


class Reported(BaseModel):
    """One figure the article reports for a case, and how close the model must come."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    metric: str
    value: Any = None
    tolerance: float = 0
    at_least: Any = None
    at_most: Any = None
    unit: str = ""
    text: dict[str, str]
    source: dict[str, Any]
    status: Status
    #: Parameters whose values were chosen so that the model gives this figure.
    calibrated: list[str] = []
    #: Why the status is what it is (required unless reproduced), in both languages.
    reason: dict[str, str] | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Reported:
        if (self.value is None) == (self.at_least is None and self.at_most is None):
            raise ValueError(f"{self.metric}: give either value ± tolerance or a bound")
        check_bilingual(self.text, self.metric, "text")
        check_source(self.source, self.metric)
        if self.status == "calibrated" and not self.calibrated:
            raise ValueError(f"{self.metric}: a calibrated figure names its tuned parameters")
        if self.status != "calibrated" and self.calibrated:
            raise ValueError(f"{self.metric}: only a calibrated figure lists tuned parameters")
        if self.status != "reproduced" or self.reason is not None:
            check_bilingual(self.reason, self.metric, "reason")
        return self

    def _number(self, raw: Any) -> float | None:
        if raw is None:
            return None
        return float(parse_clock(raw)) if self.metric in CLOCK_METRICS else float(raw)

    def holds(self, model_value: float) -> bool:
        """Does the model's figure agree with the article's, within the stated tolerance?"""
        if self.value is not None:
            return abs(model_value - self._number(self.value)) <= self.tolerance + 1e-9
        low, high = self._number(self.at_least), self._number(self.at_most)
        return (low is None or model_value >= low) and (high is None or model_value <= high)

    def show(self, model_value: float, lang: Lang) -> str:
        """The model's figure in the unit the article uses."""
        if self.metric in CLOCK_METRICS:
            return format_clock(model_value)
        if self.unit == "min":
            return minutes_text(model_value, lang)
        if self.unit == "share":
            return f"{model_value:.1%}"
        if self.unit == "×":
            return f"{model_value:.0f}×"
        return f"{model_value:g} {self.unit}".strip()


class Preset(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    page: Literal["night", "unit"] = "night"
    name: dict[str, str]
    story: dict[str, str]
    overrides: dict[str, Any]
    #: Overrides (or defaults) tuned to a reported figure: the union of the figures' lists.
    calibrated: list[str] = []
    #: Overrides whose values are ours, not the article's, and were not tuned to any figure.
    assumed: list[str] = []
    reported: list[Reported] = []
    #: When the article reports no figure for the case, why (both languages).
    no_figures: dict[str, str] | None = None

    @model_validator(mode="after")
    def _complete(self) -> Preset:
        check_bilingual(self.name, self.id, "name")
        check_bilingual(self.story, self.id, "story")
        tuned = {name for r in self.reported for name in r.calibrated}
        if tuned != set(self.calibrated):
            raise ValueError(
                f"calibrated must list exactly the figures' tuned parameters {sorted(tuned)}"
            )
        if set(self.assumed) - set(self.overrides):
            raise ValueError(f"assumed names must be overrides: {sorted(self.assumed)}")
        if set(self.assumed) & set(self.calibrated):
            raise ValueError("a parameter is either assumed or calibrated, not both")
        if not self.reported:
            check_bilingual(self.no_figures, self.id, "no_figures (a case with no figure)")
        return self

    def from_article(self) -> set[str]:
        """Overrides whose values the article states (neither assumed nor calibrated)."""
        return set(self.overrides) - set(self.assumed) - set(self.calibrated)

    def scenario(self) -> Any:
        """The preset's validated scenario (defaults for everything it does not set)."""
        return registry().build(self.overrides)

    def label(self, lang: Lang) -> str:
        return self.name[lang]


@dataclass(frozen=True)
class Comparison:
    """Article's figure next to the model's, for the page and the preset test."""

    reported: Reported
    model_value: float

    @property
    def ok(self) -> bool:
        return self.reported.holds(self.model_value)

    @property
    def status(self) -> str:
        return self.reported.status

    def status_line(self, lang: Lang) -> str:
        """The status with the tuned parameters or the reason, e.g. “calibrated (quota_points)”."""
        figure = self.reported
        label = status_text(figure.status, lang)
        if figure.status == "calibrated":
            label += f" ({', '.join(figure.calibrated)})"
        if figure.reason:
            label = t("label_text", lang, label=label, text=figure.reason[lang])
        return label

    def text(self, lang: Lang) -> str:
        shown = self.reported.show(self.model_value, lang)
        label = status_text(self.reported.status, lang)
        return t("figure_line", lang, article=self.reported.text[lang], model=shown, status=label)

    def record(self, lang: Lang) -> dict[str, Any]:
        """One figure for an export: metric, both values, status, tuned parameters, reason."""
        figure = self.reported
        return {
            "metric": figure.metric,
            "article": figure.text[lang],
            "model": figure.show(self.model_value, lang),
            "status": figure.status,
            "status_text": status_text(figure.status, lang),
            "calibrated": list(figure.calibrated),
            "reason": figure.reason[lang] if figure.reason else "",
        }


def compare(preset: Preset, result: Any) -> list[Comparison]:
    """Each reported figure of ``preset`` against the model's ``result`` for it."""
    return [Comparison(r, float(getattr(result, r.metric))) for r in preset.reported]


def presets_for(page: str) -> dict[str, Preset]:
    """The presets a dashboard offers (the reform page starts from any case)."""
    return {pid: p for pid, p in presets().items() if page == "reforms" or p.page == page}


def _night_result() -> type:
    from explainer.model.night import NightResult

    return NightResult


def _unit_result() -> type:
    from explainer.model.unit import UnitResult

    return UnitResult


#: The result class of each page, whose attributes are the metrics a preset may report.
_RESULT_TYPES = {"night": _night_result, "unit": _unit_result}


def _load(document: Mapping[str, Any]) -> dict[str, Preset]:
    presets: dict[str, Preset] = {}
    for number, entry in enumerate(document["presets"], start=1):
        name = entry.get("id", f"#{number}") if isinstance(entry, Mapping) else f"#{number}"
        try:
            preset = Preset.model_validate(entry)
        except ValidationError as error:
            raise ValueError(f"preset {name}: {error}") from None
        result_type = _RESULT_TYPES[preset.page]()
        known = {f.name for f in fields(result_type)} | set(dir(result_type))
        unknown_metrics = [r.metric for r in preset.reported if r.metric not in known]
        if unknown_metrics:
            raise ValueError(f"preset {name}: unknown metrics {unknown_metrics}")
        if preset.id in presets:
            raise ValueError(f"preset {preset.id} is declared twice")
        try:
            preset.scenario()
        except ScenarioError as error:
            raise ValueError(f"preset {preset.id}: {error}") from None
        unknown = set(preset.calibrated) - set(registry().params)
        if unknown:
            raise ValueError(f"preset {preset.id}: calibrated names unknown {sorted(unknown)}")
        presets[preset.id] = preset
    return presets


@cache
def presets() -> dict[str, Preset]:
    """All presets in ``data/presets.yaml``, by id, in file order."""
    return _load(_read_yaml("presets.yaml"))

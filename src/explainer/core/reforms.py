"""Reforms: named, cited transformations of a scenario (status quo → reform).

Declared in ``data/reforms.yaml``. Each reform names the regulation or proposal it stands for
and its date *relative to the article* (Caijing E-Law, 2020-08-29): ``before`` (the 2019
central notice and the 2019 provincial rules: in force when the article was written, which
shows the practices persisting under them), ``in_article`` (Shang Huping's three proposals,
seed §5), ``after`` (the 2023 opinions, the 2024 rules, the 2026 measures on government apps)
or ``tool_scenario`` (a scenario of this tool, with no document and so no date). It says how
it changes parameters: ``set`` a value, ``cap`` it at a maximum, ``scale`` it by
a factor. Reforms combine by being applied in the order they are declared, and every result is
validated like any other scenario.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from explainer.core.i18n import t
from explainer.core.spec import (
    Lang,
    ScenarioError,
    _read_yaml,
    check_bilingual,
    check_source,
    registry,
)

#: The article's publication date: every reform is dated relative to it.
ARTICLE_DATE = "2020-08-29"
Timing = Literal["before", "in_article", "after", "tool_scenario"]
TIMINGS: tuple[str, ...] = ("before", "in_article", "after", "tool_scenario")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _timing_of(date: str) -> str:
    """``before``/``in_article``/``after`` the article for a date (YYYY, YYYY-MM or full)."""
    width = len(date)
    article = ARTICLE_DATE[:width]
    if date < article:
        return "before"
    if date > article:
        return "after"
    return "in_article" if width == len(ARTICLE_DATE) else "ambiguous"


class Reform(BaseModel):
    """One reform: what it is, who issued it and when (relative to the article), what it does."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: dict[str, str]
    issuer: dict[str, str]
    timing: Timing
    #: As precise as the sources allow (YYYY, YYYY-MM or YYYY-MM-DD); none for our scenarios.
    date: str | None = None
    #: For a rule in force before the article: what the article shows about it.
    timing_note: dict[str, str] | None = None
    source: dict[str, Any]
    summary: dict[str, str]
    set: dict[str, Any] = {}
    cap: dict[str, float] = {}
    scale: dict[str, float] = {}
    assumption: dict[str, str] | None = None

    @model_validator(mode="after")
    def _complete(self) -> Reform:
        if self.timing == "tool_scenario":
            if self.date is not None:
                raise ValueError(f"{self.id}: a scenario of this tool has no document date")
            if "assumption" not in self.source:
                raise ValueError(f"{self.id}: a scenario of this tool cites no document")
        else:
            if self.date is None or not _DATE.match(self.date):
                raise ValueError(f"{self.id}: a document needs a date, YYYY[-MM[-DD]]")
            dt.date.fromisoformat((self.date + "-01-01")[:10])  # a real date
            if _timing_of(self.date) != self.timing:
                raise ValueError(
                    f"{self.id}: dated {self.date}, which is not {self.timing} the article"
                    f" ({ARTICLE_DATE})"
                )
        if self.timing == "before":
            check_bilingual(self.timing_note, self.id, "timing_note (what the article shows)")
        for what in ("name", "issuer", "summary"):
            check_bilingual(getattr(self, what), self.id, what)
        if self.assumption is not None:
            check_bilingual(self.assumption, self.id, "assumption")
        check_source(self.source, self.id)
        return self

    def changes(self, scenario: Any) -> dict[str, Any]:
        """The parameter values this reform gives ``scenario``."""
        out: dict[str, Any] = dict(self.set)
        for name, most in self.cap.items():
            out[name] = min(getattr(scenario, name), type(getattr(scenario, name))(most))
        for name, factor in self.scale.items():
            value = getattr(scenario, name) * factor
            out[name] = type(getattr(scenario, name))(round(value, 6))
        return out

    def apply(self, scenario: Any) -> Any:
        return registry().replace(scenario, **self.changes(scenario))

    def when(self, lang: Lang) -> str:
        """The date relative to the article, e.g. “2019-03, before the article”."""
        return t(f"reform_when_{self.timing}", lang, date=self.date or "")

    def label(self, lang: Lang) -> str:
        return f"{self.name[lang]} ({self.when(lang)})"


@dataclass(frozen=True)
class Comparison:
    """A status-quo scenario and the same scenario under a set of reforms."""

    status_quo: Any
    reformed: Any
    reforms: tuple[Reform, ...]


def apply_reforms(scenario: Any, reform_ids: Iterable[str]) -> Comparison:
    """Apply the chosen reforms in their declared order (unknown ids raise ``KeyError``)."""
    chosen = set(reform_ids)
    known = reforms()
    missing = chosen - known.keys()
    if missing:
        raise KeyError(f"unknown reforms: {', '.join(sorted(missing))}")
    ordered = tuple(r for rid, r in known.items() if rid in chosen)
    reformed = scenario
    for reform in ordered:
        reformed = reform.apply(reformed)
    return Comparison(scenario, reformed, ordered)


def _load(document: Mapping[str, Any]) -> dict[str, Reform]:
    out: dict[str, Reform] = {}
    params = registry().params
    for number, entry in enumerate(document["reforms"], start=1):
        name = entry.get("id", f"#{number}") if isinstance(entry, Mapping) else f"#{number}"
        try:
            reform = Reform.model_validate(entry)
        except ValidationError as error:
            raise ValueError(f"reform {name}: {error}") from None
        if reform.id in out:
            raise ValueError(f"reform {reform.id} is declared twice")
        unknown = ({*reform.set, *reform.cap, *reform.scale}) - params.keys()
        if unknown:
            raise ValueError(f"reform {reform.id}: unknown parameters {sorted(unknown)}")
        try:
            reform.apply(registry().default())
        except ScenarioError as error:
            raise ValueError(f"reform {reform.id}: {error}") from None
        out[reform.id] = reform
    return out


@cache
def reforms() -> dict[str, Reform]:
    """All reforms in ``data/reforms.yaml``, by id, in declared order."""
    return _load(_read_yaml("reforms.yaml"))

"""Reforms: named, cited transformations of a scenario (status quo → reform).

Declared in ``data/reforms.yaml``. Each reform names the regulation or proposal it stands for
(the 2019 notice on reducing formalism, the 2024 rules, the 2024 opinions on fingertip
formalism, the 2026 rules on government apps, and Shang Huping's three proposals in seed §5)
and says how it changes parameters: ``set`` a value, ``cap`` it at a maximum, ``scale`` it by
a factor. Reforms combine by being applied in the order they are declared, and every result is
validated like any other scenario.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from explainer.spec import (
    Lang,
    ScenarioError,
    _read_yaml,
    check_bilingual,
    check_source,
    registry,
)


class Reform(BaseModel):
    """One reform: what it is, who issued it and when, and what it changes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: dict[str, str]
    issuer: dict[str, str]
    date: str
    source: dict[str, Any]
    summary: dict[str, str]
    set: dict[str, Any] = {}
    cap: dict[str, float] = {}
    scale: dict[str, float] = {}
    assumption: dict[str, str] | None = None

    @model_validator(mode="after")
    def _complete(self) -> Reform:
        dt.date.fromisoformat(self.date)  # a real date, YYYY-MM-DD
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

    def label(self, lang: Lang) -> str:
        return f"{self.name[lang]} ({self.date[:4]})"


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

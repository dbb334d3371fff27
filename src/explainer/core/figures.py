"""Headline figures: a named number with its kind of unit, formatted the same way everywhere.

Every headline figure is declared once in :data:`HEADLINES` (key, unit kind, which direction
is better; its label is ``metric_<key>`` in data/locales). Pages list theirs
(:attr:`explainer.pages.PageSpec.figures`); the same list feeds the cards, the A/B table, the
reform comparison (:mod:`explainer.model.compare`), the CSV export and the tests, so a number
never has two spellings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pandas as pd

from explainer.core.i18n import minutes_text, t
from explainer.core.spec import Lang, format_clock

Kind = Literal["minutes", "clock", "share", "hours", "number"]

UNITS = {"minutes": "min", "clock": "hh:mm", "share": "share (0-1)", "hours": "h", "number": ""}


@dataclass(frozen=True)
class Headline:
    """A headline figure's declaration: its unit kind and which direction is better."""

    key: str  # label: metric_<key> in data/locales
    kind: Kind
    lower_is_better: bool = True


def _declare(*rows: tuple[str, Kind, bool]) -> dict[str, Headline]:
    return {key: Headline(key, kind, lower) for key, kind, lower in rows}


#: Every headline figure any page shows (True: lower is better).
HEADLINES: dict[str, Headline] = _declare(
    ("night_minutes", "minutes", True),
    ("signin_minutes", "minutes", True),
    ("study_minutes", "minutes", True),
    ("proxy_minutes", "minutes", True),
    ("bedtime", "clock", True),
    ("sleep_minutes", "minutes", False),
    ("sleep_short_minutes", "minutes", True),
    ("share_short_sleep", "share", True),
    ("share_after_midnight", "share", True),
    ("unit_app_hours_year", "hours", True),
    ("p_penalty_period", "share", True),
    ("p_penalty_year", "share", True),
    ("p_unit_veto", "share", True),
    ("checkin_minutes_per_day", "minutes", True),
    ("escalation_ratio", "number", True),
    ("fit_regulatory", "number", False),
    ("fit_public_service", "number", False),
    ("fit_grassroots", "number", False),
    ("mean_fit", "number", False),
    ("alignment", "number", False),
    ("real_output", "number", False),
    ("displaced_effort", "number", True),
    ("measured_score", "number", False),
    ("output_lost", "number", True),
)


@dataclass(frozen=True)
class Figure:
    key: str  # label: metric_<key> in data/locales
    kind: Kind
    value: float
    lower_is_better: bool = True

    @classmethod
    def of(cls, key: str, value: float) -> Figure:
        """Figure ``key`` (declared in :data:`HEADLINES`) with this value."""
        headline = HEADLINES[key]
        return cls(key, headline.kind, value, headline.lower_is_better)


def format_value(value: float, kind: str, lang: Lang) -> str:
    """A figure in its unit, as a person reads it."""
    if kind == "minutes":
        return minutes_text(value, lang)
    if kind == "clock":
        return format_clock(value)
    if kind == "share":
        return f"{value:.1%}"
    if kind == "hours":
        return t("hours_only", lang, h=f"{value:,.0f}")
    return f"{value:.2f}"


def show(key: str, value: float, lang: Lang) -> str:
    """Headline figure ``key`` as its cards, tables and exports write it."""
    return format_value(value, HEADLINES[key].kind, lang)


def format_change(value: float, kind: str, lang: Lang) -> str:
    """A difference between two figures, signed, in the figure's unit."""
    if abs(value) < 1e-9:
        return "–"
    sign = "+" if value > 0 else "−"
    if kind == "share":
        return sign + t("points_value", lang, value=f"{abs(value) * 100:.1f}")
    if kind in ("minutes", "clock"):
        return sign + minutes_text(abs(value), lang)
    return sign + format_value(abs(value), kind, lang)


def figures_table(figures: list[Figure], lang: Lang) -> pd.DataFrame:
    """Figures as a table: key, label, value (raw), unit, and the value as shown."""
    return pd.DataFrame(
        {
            "figure": [f.key for f in figures],
            "label": [t(f"metric_{f.key}", lang) for f in figures],
            "value": [f.value for f in figures],
            "unit": [UNITS[f.kind] for f in figures],
            "shown": [format_value(f.value, f.kind, lang) for f in figures],
        }
    )

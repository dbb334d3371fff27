"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from explainer.spec import ParamSpec


def value_on_step(spec: ParamSpec) -> st.SearchStrategy[Any]:
    """Values a control for ``spec`` could produce: min + k·step, up to max (exact decimals)."""
    if spec.type == "bool":
        return st.booleans()
    if spec.type == "choice":
        return st.sampled_from(list(spec.choices))
    if spec.type == "date":
        return st.dates(min_value=spec.min, max_value=spec.max)
    step = Decimal(str(spec.step or 1))
    low, high = Decimal(str(spec.min)), Decimal(str(spec.max))
    n_steps = int((high - low) / step)
    if spec.type == "float":
        return st.integers(0, n_steps).map(lambda k: float(low + k * step))
    return st.integers(0, n_steps).map(lambda k: int(low + k * step))

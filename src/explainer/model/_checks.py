"""Argument checks shared by the model's pure functions (clear errors, not wrong numbers)."""

from __future__ import annotations


def check_share(name: str, value: float) -> float:
    """A probability or share in [0, 1] (NaN is refused too)."""
    value = float(value)
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must lie in [0, 1], got {value!r}")
    return value


def check_count(name: str, value: int, minimum: int) -> int:
    """A whole number at least ``minimum`` (booleans are refused)."""
    if isinstance(value, bool) or int(value) != value:
        raise ValueError(f"{name} must be an integer, got {value!r}")
    value = int(value)
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return value

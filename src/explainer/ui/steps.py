"""A playlist step as a dashboard's page state (issue 18), for the stepper and the handouts."""

from __future__ import annotations

from typing import Any

from explainer.playlist import Step
from explainer.ui.state import Pin, state_from_query


def apply_step(dashboard: Any, step: Step, lang: str) -> None:
    """Put ``dashboard`` in the step's state, with the step's A pinned (or none): one new
    page state, which undo can take back."""
    page, now = dashboard.page, dashboard.state
    state = state_from_query(step.state.query(lang), page, now)
    pin = None
    if step.compare is not None and page.can_pin:
        a = state_from_query(step.compare.query(lang), page, now)
        pin = Pin(a.scenario, a.preset, a.extras)
    dashboard.set_state(state.but(pinned=pin), remember=True)

"""The night page's dashboard (declared in :mod:`explainer.pages.night`)."""

from __future__ import annotations

from typing import Any

from explainer.core.spec import Lang
from explainer.pages.night import notes
from explainer.ui.dashboard import dashboard_class
from explainer.ui.state import PageState

NightDashboard = dashboard_class("night")


def notes_html(result: Any, scenario: Any, lang: Lang) -> str:
    """The night's notes for ``scenario`` (see :func:`explainer.pages.night.notes`)."""
    return notes(result, PageState("night", scenario, lang=lang))

"""The model: pure functions and dataclasses, one mechanism of the article per module.

* :mod:`~explainer.model.rules` — point crediting and the study-hour rounding rule (seed §3)
* :mod:`~explainer.model.night` — one official's evening, bedtime and sleep (seed §1-§3)
* :mod:`~explainer.model.penalties` — rankings, runs of missed visits, the one-vote veto (§3-§4)
* :mod:`~explainer.model.checkins` — GPS check-ins, proxy check-ins, photo evidence (§1, §4)
* :mod:`~explainer.model.escalation` — what each administrative level adds (§5)
* :mod:`~explainer.model.population` — many staff over many nights, vectorised
* :mod:`~explainer.model.unit` — all of these combined for one unit
"""

from __future__ import annotations

from typing import Any


def evaluate(page: str, scenario: Any) -> Any:
    """The result a page shows for ``scenario``: ``"night"`` or ``"unit"``."""
    if page == "night":
        from explainer.model.night import night

        return night(scenario)
    if page == "unit":
        from explainer.model.unit import unit

        return unit(scenario)
    raise ValueError(f"unknown page {page!r}")

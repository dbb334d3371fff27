"""The model: pure functions and dataclasses, one mechanism of the article per module.

* :mod:`~explainer.model.rules` — point crediting and the study-hour rounding rule (seed §3)
* :mod:`~explainer.model.night` — one official's evening, bedtime and sleep (seed §1-§3)
* :mod:`~explainer.model.penalties` — rankings, runs of missed visits, the one-vote veto (§3-§4)
* :mod:`~explainer.model.checkins` — GPS check-ins, proxy check-ins, photo evidence (§1, §4)
* :mod:`~explainer.model.escalation` — what each administrative level adds (§5)
* :mod:`~explainer.model.population` — many staff over many nights, vectorised
* :mod:`~explainer.model.unit` — all of these combined for one unit
* :mod:`~explainer.model.deadline` — a cumulative study-hour target by its deadline (§3)
* :mod:`~explainer.model.fit` — task–tool fit, the alignment it sets, and the multitask
  effort split (§5)
* :mod:`~explainer.model.compare` — status quo against a reformed scenario
"""

from __future__ import annotations

from typing import Any


def evaluate(page: str, scenario: Any) -> Any:
    """The result a page shows for ``scenario``: ``"night"``, ``"unit"`` or ``"fit"``."""
    if page == "night":
        from explainer.model.night import typical_night

        return typical_night(scenario)
    if page == "unit":
        from explainer.model.unit import unit

        return unit(scenario)
    if page == "fit":
        from explainer.model.fit import fit_result

        return fit_result(scenario)
    raise ValueError(f"unknown page {page!r}")

"""Issue 14, the A/B table's paired difference: B − A at each sample point (the same
assumptions on both sides), its lowest and highest value, and whether it is larger than the
uncertainty (the same sign at every point), by the rule the reform page uses.
"""

from __future__ import annotations

import html
from typing import Any

import numpy as np
import pytest

from explainer.core.i18n import t
from explainer.core.spec import registry
from explainer.model import uncertainty as U
from explainer.model.night import typical_night
from explainer.model.robustness import effect_kind, paired_change
from explainer.ui.night import NightDashboard

PARAMS = ["n_apps", "washing_min", "work_end", "signin_min_per_app", "sleep_need_h"]


def _figures(s: Any) -> dict[str, float]:
    return {"night_minutes": typical_night(s).night_minutes}


def _unc(scenario: Any, n: int = 16) -> U.Uncertainty:
    return U.uncertainty(_figures, registry(), scenario, PARAMS, n=n)


def test_the_change_is_taken_point_by_point() -> None:
    """B − A row by row, not B's band minus A's band (that would be wider)."""
    a_scenario = registry().default()
    b_scenario = a_scenario.model_copy(update={"n_apps": a_scenario.n_apps + 2})
    a, b = _unc(a_scenario), _unc(b_scenario)
    change = paired_change(a, b, "night_minutes")
    assert change is not None
    rows = b.values[:, 0] - a.values[:, 0]
    assert change.value == pytest.approx(rows[0])
    assert (change.low, change.high) == pytest.approx((rows.min(), rows.max()))
    unpaired = b.band("night_minutes").high - a.band("night_minutes").low
    assert change.high < unpaired  # pairing removes what the assumptions move on both sides
    assert effect_kind(change) == "robust"  # more apps: more minutes under every assumption


def test_a_change_of_assumption_alone_is_not_larger_than_the_uncertainty() -> None:
    a_scenario = registry().default()
    b_scenario = a_scenario.model_copy(update={"washing_min": a_scenario.washing_min + 10})
    change = paired_change(_unc(a_scenario), _unc(b_scenario), "night_minutes")
    assert change is not None and effect_kind(change) != "robust"


def test_samples_of_different_sizes_are_not_paired() -> None:
    s = registry().default()
    assert paired_change(_unc(s, 16), _unc(s, 32), "night_minutes") is None
    assert paired_change(_unc(s), _unc(s), "no_such_figure") is None
    same = paired_change(_unc(s), _unc(s), "night_minutes")
    assert same is not None and effect_kind(same) == "none"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_ab_table_shows_the_paired_change_and_its_verdict(lang: str) -> None:
    d = NightDashboard(lang)
    d.toggle_pin()  # A: the defaults
    d._on_control("n_apps", d.scenario.n_apps + 2)  # B: a rule changed
    d.bands.run_now()
    table = d.view.outputs["ab_table"].value
    assert html.escape(t("band2_ab_change", lang)) in table
    row = table[table.index("<tr data-figure='night_minutes'>") :].split("</tr>")[0]
    assert "class='ab-verdict robust'" in row
    assert html.escape(t("band2_ab_larger", lang)) in row
    low = float(row.split("data-low='")[1].split("'")[0])
    high = float(row.split("data-high='")[1].split("'")[0])
    assert 0 < low <= high
    shown = d.figures(d.result)[0].value - d.figures(d.compute(d.state.pinned.scenario))[0].value
    assert low - 1e-9 <= shown <= high + 1e-9  # the change as set lies in its range
    assert np.isfinite([low, high]).all()

"""Numbers and claims the guides' prose quotes, read from the model the pages use.

Guides print most numbers from code, so they cannot drift; the few figures written into the
prose are checked here against the same functions the dashboards call (issue 12 part 3: guides
02 and 03-06 once quoted different default nights).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.exercises import _crowding_reward
from explainer.model.compare import compare
from explainer.model.fit import fit_result
from explainer.model.night import typical_night
from explainer.presets import presets
from explainer.reforms import apply_reforms
from explainer.spec import registry

GUIDES = Path(__file__).resolve().parents[1] / "notebooks" / "guide"
REG = registry()


def prose(stem: str) -> str:
    return (GUIDES / f"{stem}.py").read_text(encoding="utf-8")


def test_guide_02_default_night_reaches_seven_hours_when_waking_at_half_past_seven() -> None:
    assert "at 07:30 the default night reaches seven hours" in prose("02_one_night")
    late = typical_night(REG.replace(REG.default(), wake_time="07:30"))
    early = typical_night(REG.default())
    assert late.sleep_minutes >= 7 * 60 > early.sleep_minutes


def test_guide_02_the_default_night_is_longer_than_li_yis_calibrated_hour() -> None:
    assert "a few minutes more than Li Yi's hour" in prose("02_one_night")
    default = typical_night(REG.default()).night_minutes
    li_yi = typical_night(presets()["li_yi"].scenario()).night_minutes
    assert li_yi == pytest.approx(60, abs=5) and 0 < default - li_yi <= 10


def test_guide_05_quotes_the_points_apps_alignment_with_each_kind() -> None:
    text = prose("05_fit_and_displacement")
    table = fit_result(REG.default()).table.set_index("department")["alignment"]
    quotes = (("regulatory", "0.67"), ("public_service", "0.33"), ("grassroots", "0.22"))
    for dept, quoted in quotes:
        assert f"about {quoted}" in text
        assert f"{table[dept]:.2f}" == quoted


def test_guide_05_grassroots_sits_at_the_crowding_threshold_at_the_default_reward() -> None:
    assert "At the defaults the grassroots kind sits exactly at the threshold" in prose(
        "05_fit_and_displacement"
    )
    assert _crowding_reward() == pytest.approx(REG.default().metric_reward, abs=0.01)


def test_guide_06_tool_raises_and_halved_reward_lowers_default_real_output() -> None:
    assert "a better-fitting tool raises it, while halving the reward lowers it" in prose(
        "06_reforms"
    )
    s = REG.default()
    assert s.department == "public_service"
    for rid, part, sign in (
        ("one_stop_platform", "tool", 1),
        ("esignature", "tool", 1),
        ("no_study_time_kpi", "reward", -1),
        ("esignature", "reward", -1),
    ):
        at = compare(s, apply_reforms(s, [rid]).reformed).output_attribution
        assert sign * at.parts[part] > 0, (rid, part)

"""Numbers and claims the guides' prose quotes, read from the model the pages use.

Guides print most numbers from code, so they cannot drift; the few figures written into the
prose are checked here against the same functions the dashboards call (issue 12 part 3: guides
02 and 03-06 once quoted different default nights).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.core.presets import presets
from explainer.core.reforms import apply_reforms
from explainer.core.spec import registry
from explainer.model.compare import compare
from explainer.model.fit import fit_result
from explainer.model.night import typical_night
from explainer.teaching.exercise_answers import crowding_reward

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
    assert crowding_reward() == pytest.approx(REG.default().metric_reward, abs=0.01)


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


# ----------------------------------------------------------------------------- issue 16, facts
def test_guide_01_quotes_the_round_up_rule_the_district_preset_uses() -> None:
    """Guide 01 once said the article does not say which rounding the district uses; the
    requirement is on the provincial app, whose rule rounds up (seed §3)."""
    from fractions import Fraction

    from explainer.model.night import night
    from explainer.model.rules import least_seconds_for_credit

    text = prose("01_rules_in_the_article")
    assert "30 min 1 s a day earns a study hour and 20 days suffice" in text
    assert "每天学30分1秒就记1学时，20天学够" in text
    assert "36天里有20天就够" in text and "20 of the 36 days suffice" in text
    district = presets()["district_20h"].scenario()
    assert district.rounding_mode == "ceil_half"
    study = night(district).study
    assert (
        study.seconds_per_day == least_seconds_for_credit(Fraction(1), "ceil_half") == 30 * 60 + 1
    )
    assert study.days == 36 and study.hours == 20
    assert "does not say which rounding" not in text and "没说用哪种取整" not in text


def test_guide_04_describes_the_limit_the_cascade_has_now() -> None:
    """Upper levels keep at least one app, so there is no zero burden and no undefined ratio."""
    import math

    from explainer.model.escalation import cascade

    text = prose("04_escalation")
    assert "undefined" not in text and "无从定义" not in text
    assert "every level keeps at least the one app" in text
    for name in ("district_20h", "li_yi"):
        table = cascade(presets()[name].scenario())
        assert (table["n_apps"] >= 1).all(), name
        assert all(math.isfinite(r) for r in table["ratio_to_top"]), name
    district = cascade(presets()["district_20h"].scenario())
    assert (district["n_apps"] == 1).all()


def test_guide_06_credits_the_tool_and_the_reward_apart_and_dates_each_rule() -> None:
    text = prose("06_reforms")
    assert "2019–2024 package" not in text and "2019–2024" not in text
    assert "veto strictly limited (2019, before the article), no points ranking (2026)" in text
    assert "a gain from a better tool is credited to the tool" in text


def test_guides_02_to_06_show_one_default_night_from_typical_night() -> None:
    """No guide writes its own default night into the prose (they once said 60 min / 00:15)."""
    night = typical_night(REG.default())
    assert night.night_minutes == pytest.approx(64, abs=0.5)
    for stem in (
        "02_one_night",
        "03_rankings_misses_veto",
        "04_escalation",
        "05_fit_and_displacement",
        "06_reforms",
    ):
        text = prose(stem)
        for stale in ("00:15", "60 min", "60分钟"):
            assert stale not in text, (stem, stale)

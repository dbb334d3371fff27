"""From one person to the whole unit: the rule, the population, the veto and the cascade.

This module only combines the mechanisms, each of which lives in its own module:

* the night a rule demands (:mod:`explainer.model.night`); under a ranking, everyone farms to
  the cap (seed §3, “谁好意思当倒数？只能拼了老命刷分”), so the quota becomes the most points
  the caps allow;
* many staff over many nights (:mod:`explainer.model.population`);
* rankings, runs of missed visits and the one-vote veto (:mod:`explainer.model.penalties`);
* check-ins and photo evidence (:mod:`explainer.model.checkins`);
* layer-by-layer escalation (:mod:`explainer.model.escalation`).

Both rules are always computed, so a page can set them side by side for the same unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from explainer.model import checkins, escalation, penalties
from explainer.model.deadline import DeadlineRisk, deadline_risk
from explainer.model.night import NightResult, night_under_rule
from explainer.model.population import PopulationInputs, PopulationResult, Rule, simulate

WEEKS_PER_YEAR = 52
WORKING_DAYS_PER_YEAR = 250  # check-ins are made on working days (assumption)
SEED = 2020  # every population run is seeded, so a page shows the same unit every time


def population_inputs(s: Any, typical: NightResult, rule: Rule) -> PopulationInputs:
    return PopulationInputs(
        n_staff=s.n_staff,
        days=s.sim_days,
        free_at=typical.free_at,
        free_sd_person=s.free_sd_person_min,
        free_sd_night=s.free_sd_night_min,
        washing=s.washing_min,
        app_minutes=typical.night_minutes,
        speed_sd=s.speed_sd,
        wake_at=typical.wake_at,
        sleep_need=typical.sleep_need_min,
        rule=rule,
        hard_stop=s.hard_stop,
        period_days=s.period_days,
        misses_to_fail=s.misses_to_fail,
        seed=SEED,
    )


@dataclass(frozen=True)
class RuleOutcome:
    """One rule applied to the unit: the typical night, the population, the penalty risk."""

    rule: Rule
    night: NightResult
    population: PopulationResult
    p_penalty_period: float  # a given person, a given period
    p_penalty_year: float  # a given person, at least once over the simulated nights


@dataclass(frozen=True)
class VetoOutcome:
    """The village-visit rule and the one-vote veto under one reading of “3次以上”."""

    reading: str
    run_length: int
    p_person_visits: float  # a run of misses within a year
    p_person_fail: float  # fails at least one veto item in a year
    p_unit_veto: float


@dataclass(frozen=True)
class UnitResult:
    scenario: Any
    ranking: RuleOutcome
    threshold: RuleOutcome
    vetoes: dict[str, VetoOutcome]  # by reading: "at_least", "more_than"
    checkin_minutes_per_day: float
    proxy: checkins.ProxyCheckin
    photos: checkins.PhotoDuplicates | None  # None when no photo evidence is required
    cascade: pd.DataFrame
    deadline: DeadlineRisk | None = None  # the study-hour target by its deadline, if any

    @property
    def cumulative_rule(self) -> bool:
        """Is the scenario judged by a cumulative target with a deadline, not night by night?

        True under a threshold when the only requirement is a study-hour target (seed §3: 20
        hours by 20 August, days to catch up) and no daily points quota: the article gives no
        nightly threshold for that case, so the penalty risk is the chance of missing the
        target by the deadline (:mod:`explainer.model.deadline`).
        """
        s = self.scenario
        daily_quota = s.quota_points > 0 and min(s.n_quota_apps, s.n_apps) > 0
        return self.deadline is not None and s.rule == "threshold" and not daily_quota

    @property
    def active(self) -> RuleOutcome:
        return self.ranking if self.scenario.rule == "ranking" else self.threshold

    @property
    def veto(self) -> VetoOutcome:
        return self.vetoes[self.scenario.run_reading]

    # Headline metrics (names used by presets and the page)
    @property
    def night_minutes(self) -> float:
        return self.active.night.night_minutes

    @property
    def study_minutes(self) -> float:
        return self.active.night.study_minutes

    @property
    def free_at(self) -> float:
        return self.active.night.free_at

    @property
    def ranking_extra_minutes(self) -> float:
        """Minutes a ranking adds to a typical night over a plain threshold."""
        return self.ranking.night.night_minutes - self.threshold.night.night_minutes

    @property
    def veto_multiplier(self) -> float:
        """How many times a person's own chance of failing the unit's chance of losing is."""
        person = self.veto.p_person_fail
        return self.p_unit_veto / person if person > 0 else 0.0

    @property
    def share_short_sleep(self) -> float:
        return self.active.population.share_short_sleep

    @property
    def share_after_midnight(self) -> float:
        return self.active.population.share_after_midnight

    @property
    def p_penalty_period(self) -> float:
        """A person's chance of a penalty per period (for a cumulative target: the window)."""
        if self.cumulative_rule:
            return self.deadline.p_miss  # type: ignore[union-attr]
        return self.active.p_penalty_period

    @property
    def p_penalty_year(self) -> float:
        if self.cumulative_rule:
            return self.deadline.p_miss  # type: ignore[union-attr]  # one deadline a year
        return self.active.p_penalty_year

    @property
    def p_unit_veto(self) -> float:
        return self.veto.p_unit_veto

    @property
    def unit_app_hours_year(self) -> float:
        """Staff-hours a year on app obligations: the nightly apps plus daily check-ins."""
        days = self.scenario.sim_days
        apps = self.active.population.unit_app_hours * 365 / days
        return apps + self.checkin_hours_year

    @property
    def checkin_hours_year(self) -> float:
        return self.checkin_minutes_per_day * WORKING_DAYS_PER_YEAR * self.scenario.n_staff / 60

    @property
    def escalation_ratio(self) -> float:
        """Nightly minutes at the bottom over those the top's own rule would take."""
        return float(self.cascade["ratio_to_top"].iloc[-1])


def _rule_outcome(s: Any, rule: Rule) -> RuleOutcome:
    typical = night_under_rule(s, rule)
    population = simulate(population_inputs(s, typical, rule))
    if rule == "ranking":
        periods = max(1, s.sim_days // s.period_days)
        p_period = penalties.ranking_penalty_probability(s.n_staff, min(s.k_bottom, s.n_staff))
        p_year = penalties.penalty_over_periods(p_period, periods)
    else:
        p_period, p_year = population.p_penalty_period, population.p_penalty_year
    return RuleOutcome(rule, typical, population, p_period, p_year)


def _veto(s: Any, reading: str) -> VetoOutcome:
    length = penalties.runs_rule_length(s.run_threshold, reading)  # type: ignore[arg-type]
    visits = s.visits_per_week * WEEKS_PER_YEAR
    p_visits = penalties.run_probability(visits, s.q_miss_visit, length)
    p_other = 1 - (1 - s.p_item_fail) ** (s.k_veto_items - 1)
    p_person = 1 - (1 - p_visits) * (1 - p_other)
    # A failure “affects or even cancels” the award (seed §4): it cancels with p_veto_cancels.
    cancels = p_person * s.p_veto_cancels
    p_unit = penalties.unit_veto_probability([cancels] * s.n_staff) if s.veto_on else 0.0
    return VetoOutcome(reading, length, p_visits, p_person, p_unit)


def unit(s: Any) -> UnitResult:
    """The whole unit under scenario ``s`` (both rules, both readings of the miss rule)."""
    return UnitResult(
        scenario=s,
        ranking=_rule_outcome(s, "ranking"),
        threshold=_rule_outcome(s, "threshold"),
        vetoes={r: _veto(s, r) for r in ("at_least", "more_than")},
        checkin_minutes_per_day=checkins.checkin_minutes(
            s.checkin_travel_min, s.checkin_steps_min, 1
        ),
        proxy=checkins.proxy_checkin(s.busy_share, s.proxy_checkin_share),
        photos=(
            checkins.photo_duplicate_probabilities(s.n_photo_officials, s.n_willing_villagers)
            if s.photo_evidence
            else None
        ),
        cascade=escalation.cascade(s),
        deadline=deadline_risk(s),
    )

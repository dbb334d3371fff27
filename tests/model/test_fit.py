"""Task–tool fit and the Holmström–Milgrom effort split (explainer.model.fit)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from explainer.core.spec import registry
from explainer.model.fit import (
    DEPARTMENTS,
    TOOLS,
    Incentives,
    _utility,
    aligned_split,
    alignment,
    capability_curve,
    department_outcome,
    effort_curve,
    effort_split,
    fit_result,
    fit_score,
)

TOL = 1e-9
unit_interval = st.floats(0, 1, allow_nan=False)
rewards = st.floats(0, 5, allow_nan=False)
values = st.floats(0.1, 3, allow_nan=False)
costs = st.floats(0.2, 3, allow_nan=False)
deltas = st.floats(0, 0.95, allow_nan=False)
budgets = st.floats(0.1, 5, allow_nan=False)
learnings = st.floats(0, 0.99, allow_nan=False)


def scenario(**changes):
    reg = registry()
    return reg.replace(reg.default(), **changes)


def gradient(m: float, r: float, w: float, v: float, c: float, delta: float) -> tuple[float, float]:
    """∂U/∂m and ∂U/∂r of U = w·m + v·r − (c/2)(m² + r² + 2δmr)."""
    return w - c * (m + delta * r), v - c * (r + delta * m)


# ----------------------------------------------------------------------------- closed form
def test_interior_closed_form() -> None:
    split = effort_split(1.0, v=1.0, c=1.0, delta=0.5)
    assert split.case == "interior"
    assert split.metric == pytest.approx(2 / 3)
    assert split.real == pytest.approx(2 / 3)


def test_reward_where_real_work_just_stops() -> None:
    split = effort_split(2.0, v=1.0, c=1.0, delta=0.5)
    assert split.metric == pytest.approx(2.0)
    assert split.real == pytest.approx(0.0, abs=1e-12)


@settings(deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(w=rewards, v=values, c=costs, delta=deltas)
def test_interior_matches_the_formula_when_both_are_positive(w, v, c, delta) -> None:
    det = c * (1 - delta**2)
    m_star, r_star = (w - delta * v) / det, (v - delta * w) / det
    assume(m_star > 1e-6 and r_star > 1e-6)
    split = effort_split(w, v, c, delta)
    assert split.case == "interior"
    assert split.metric == pytest.approx(m_star, rel=1e-9, abs=1e-12)
    assert split.real == pytest.approx(r_star, rel=1e-9, abs=1e-12)


# ----------------------------------------------------------------------------- corners
def test_no_metric_corner() -> None:
    # m* = (0.2 − 0.5) / 0.75 < 0: the official does only real work, r = v / c.
    split = effort_split(0.2, v=1.0, c=1.0, delta=0.5)
    assert split.metric == 0.0
    assert split.real == pytest.approx(1.0)


def test_no_real_corner() -> None:
    # r* = (1 − 0.5·3) / 0.75 < 0: only metric work, m = w / c.
    split = effort_split(3.0, v=1.0, c=2.0, delta=0.5)
    assert split.real == 0.0
    assert split.metric == pytest.approx(1.5)


@settings(deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(w=rewards, v=values, c=costs, delta=deltas)
def test_corners_follow_the_sign_of_the_interior_solution(w, v, c, delta) -> None:
    det = c * (1 - delta**2)
    m_star, r_star = (w - delta * v) / det, (v - delta * w) / det
    split = effort_split(w, v, c, delta)
    if m_star < -1e-9:
        assert split.metric == 0.0
        assert split.real == pytest.approx(v / c)
    if r_star < -1e-9:
        assert split.real == 0.0
        assert split.metric == pytest.approx(w / c)


def test_zero_reward_and_zero_value_means_no_effort() -> None:
    split = effort_split(0.0, v=0.0, budget=2.0)
    assert (split.metric, split.real) == (0.0, 0.0)


@pytest.mark.parametrize(
    "kwargs",
    [{"delta": 1.0}, {"delta": -0.1}, {"c": 0.0}, {"w": -1.0}, {"v": -1.0}, {"budget": -1.0}],
)
def test_bad_arguments_are_refused(kwargs) -> None:
    args = {"w": 1.0, **kwargs}
    with pytest.raises(ValueError):
        effort_split(**args)


# ----------------------------------------------------------------------------- budget
def test_budget_binds_on_the_closed_form_example() -> None:
    # Unconstrained (2/3, 2/3) sums to 4/3 > 1: on the budget line with w = v both get half.
    split = effort_split(1.0, v=1.0, c=1.0, delta=0.5, budget=1.0)
    assert split.metric + split.real == pytest.approx(1.0)
    assert split.metric == pytest.approx(0.5)
    assert split.real == pytest.approx(0.5)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(w=rewards, v=values, c=costs, delta=deltas, budget=budgets)
def test_choice_satisfies_kkt(w, v, c, delta, budget) -> None:
    split = effort_split(w, v, c, delta, budget)
    m, r = split.metric, split.real
    assert m >= 0 and r >= 0
    assert m + r <= budget + 1e-9
    gm, gr = gradient(m, r, w, v, c, delta)
    tol = 1e-7 * (1 + w + v + c * budget)
    binding = m + r >= budget - 1e-9
    if not binding:
        mu = 0.0
    else:
        active = [g for g, x in ((gm, m), (gr, r)) if x > 1e-9]
        mu = max(active) if active else max(gm, gr, 0.0)
    assert mu >= -tol
    for g, x in ((gm, m), (gr, r)):
        assert g - mu <= tol  # no gain from moving effort into this task
        if x > 1e-9:
            assert abs(g - mu) <= tol  # an active task is at its marginal optimum


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(w=rewards, v=values, c=costs, delta=deltas, budget=budgets)
def test_choice_beats_a_grid_of_feasible_splits(w, v, c, delta, budget) -> None:
    split = effort_split(w, v, c, delta, budget)
    grid = np.linspace(0, budget, 121)
    m, r = np.meshgrid(grid, grid)
    feasible = m + r <= budget + 1e-12
    utility = w * m + v * r - c / 2 * (m * m + r * r + 2 * delta * m * r)
    best = utility[feasible].max()
    chosen = _utility(split.metric, split.real, w, v, c, delta)
    assert chosen >= best - 1e-9


@settings(deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(w=rewards, v=values, c=costs, delta=deltas)
def test_infinite_budget_choice_beats_a_grid(w, v, c, delta) -> None:
    split = effort_split(w, v, c, delta)
    top = 2 * max(w, v) / c + 1
    grid = np.linspace(0, top, 101)
    m, r = np.meshgrid(grid, grid)
    utility = w * m + v * r - c / 2 * (m * m + r * r + 2 * delta * m * r)
    assert _utility(split.metric, split.real, w, v, c, delta) >= utility.max() - 1e-9


@settings(deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(w=rewards, v=values, c=costs, delta=deltas, budget=budgets)
def test_a_slack_budget_changes_nothing(w, v, c, delta, budget) -> None:
    free = effort_split(w, v, c, delta)
    assume(free.metric + free.real < budget - 1e-6)
    bound = effort_split(w, v, c, delta, budget)
    assert bound.metric == pytest.approx(free.metric, abs=1e-9)
    assert bound.real == pytest.approx(free.real, abs=1e-9)


# ----------------------------------------------------------------------------- monotonicity
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(
    w=rewards,
    dw=st.floats(0, 3),
    v=values,
    c=costs,
    delta=deltas,
    budget=st.one_of(budgets, st.just(math.inf)),
)
def test_more_reward_never_raises_real_effort_nor_lowers_metric_effort(
    w, dw, v, c, delta, budget
) -> None:
    low, high = effort_split(w, v, c, delta, budget), effort_split(w + dw, v, c, delta, budget)
    assert high.real <= low.real + TOL
    assert high.metric >= low.metric - TOL


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(
    w=rewards,
    dw=st.floats(0, 3),
    v=values,
    c=costs,
    delta=deltas,
    budget=st.one_of(budgets, st.just(math.inf)),
    learning=learnings,
)
def test_output_can_rise_only_through_what_metric_work_teaches(
    w, dw, v, c, delta, budget, learning
) -> None:
    """Y = r + λm: r never rises with w, so Y(w + dw) − Y(w) ≤ λ·(m(w + dw) − m(w)).

    "Y never rises with w whenever λ < 1" is *not* a property of the model (see the next two
    tests); what holds in general is this bound, and with λ = 0 output never rises at all.
    """
    low = effort_split(w, v, c, delta, budget, learning=learning)
    high = effort_split(w + dw, v, c, delta, budget, learning=learning)
    assert high.output - low.output <= learning * (high.metric - low.metric) + 1e-9
    no_learning_low = effort_split(w, v, c, delta, budget)
    no_learning_high = effort_split(w + dw, v, c, delta, budget)
    assert no_learning_high.output <= no_learning_low.output + TOL


def test_output_rises_with_reward_in_the_interior_when_learning_beats_substitution() -> None:
    """In the interior dY/dw = (λ − δ) / (c(1 − δ²)): with λ > δ more reward raises Y."""
    low = effort_split(0.8, delta=0.2, learning=0.6)
    high = effort_split(0.9, delta=0.2, learning=0.6)
    assert low.case == high.case == "interior"
    slope = (high.output - low.output) / 0.1
    assert slope == pytest.approx((0.6 - 0.2) / (1 - 0.04))
    assert slope > 0


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(
    w=rewards,
    dw=st.floats(0.01, 3),
    v=values,
    c=costs,
    delta=st.floats(0.05, 0.95),
    budget=budgets,
    learning=learnings,
)
def test_output_falls_while_the_budget_binds_with_both_tasks_active(
    w, dw, v, c, delta, budget, learning
) -> None:
    """On the budget line Y = λT + (1 − λ)·r and r falls with w, so Y falls when λ < 1."""
    low = effort_split(w, v, c, delta, budget, learning=learning)
    high = effort_split(w + dw, v, c, delta, budget, learning=learning)
    for split in (low, high):
        assume(split.metric + split.real >= budget - 1e-9)
    assert high.output <= low.output + 1e-9


@settings(deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(w=rewards, v=values, c=costs, delta=st.floats(0.05, 0.95), learning=learnings)
def test_in_the_interior_output_falls_iff_learning_is_below_substitution(
    w, v, c, delta, learning
) -> None:
    eps = 1e-3
    low = effort_split(w, v, c, delta, learning=learning)
    high = effort_split(w + eps, v, c, delta, learning=learning)
    assume(low.case == high.case == "interior")
    expected = (learning - delta) / (c * (1 - delta**2))
    assert (high.output - low.output) / eps == pytest.approx(expected, rel=1e-6, abs=1e-9)


def test_output_rises_in_the_no_real_corner_when_learning_is_positive() -> None:
    """With r = 0 and a slack budget, m = w/c and Y = λw/c: more reward, more output."""
    low = effort_split(3.0, delta=0.5, learning=0.2)
    high = effort_split(4.0, delta=0.5, learning=0.2)
    assert low.real == high.real == 0.0
    assert high.output > low.output


@settings(deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(
    w=rewards,
    v=values,
    c=costs,
    delta=deltas,
    budget=budgets,
    learning=learnings,
    gaming=st.floats(0.01, 2),
)
def test_gaming_raises_the_score_but_never_the_output(
    w, v, c, delta, budget, learning, gaming
) -> None:
    honest = effort_split(w, v, c, delta, budget, learning=learning)
    gamed = effort_split(w, v, c, delta, budget, learning=learning, gaming=gaming)
    assert (gamed.metric, gamed.real) == (honest.metric, honest.real)
    assert gamed.score == pytest.approx(honest.score + gaming)
    assert gamed.score > honest.score
    assert gamed.output == honest.output


def test_output_and_score_definitions() -> None:
    split = effort_split(1.0, learning=0.3, gaming=0.5)
    assert split.output == pytest.approx(split.real + 0.3 * split.metric)
    assert split.score == pytest.approx(split.metric + 0.5)


def test_effort_curve_matches_effort_split() -> None:
    weights = [0.0, 0.5, 1.0, 2.5]
    curve = effort_curve(weights, budget=2.0, learning=0.2, gaming=0.1)
    assert list(curve["w"]) == weights
    for row in curve.itertuples():
        split = effort_split(row.w, budget=2.0, learning=0.2, gaming=0.1)
        assert (row.metric, row.real, row.case) == (split.metric, split.real, split.case)
        assert row.output == pytest.approx(split.output)
        assert row.score == pytest.approx(split.score)


# ----------------------------------------------------------------------------- fit and risks
@settings(deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(kappa=unit_interval)
def test_fit_is_one_on_the_diagonal(kappa) -> None:
    assert fit_score(kappa, kappa) == 1.0


@settings(deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(kappa=unit_interval, tau=unit_interval)
def test_fit_is_symmetric_and_in_the_unit_interval(kappa, tau) -> None:
    assert fit_score(kappa, tau) == fit_score(tau, kappa)
    assert 0.0 <= fit_score(kappa, tau) <= 1.0


def test_fit_extremes() -> None:
    assert fit_score(0.0, 1.0) == 0.0
    assert fit_score(0.9, 0.2) == pytest.approx(0.3)


# ----------------------------------------------------------------------------- alignment
@settings(deadline=None)
@given(kappa=unit_interval, tau=unit_interval)
def test_alignment_is_one_exactly_at_a_perfect_fit_and_in_the_unit_interval(kappa, tau) -> None:
    a = alignment(kappa, tau)
    assert 0.0 <= a <= 1.0
    assert a == alignment(tau, kappa)
    if kappa == tau:
        assert a == 1.0
    elif max(kappa, tau) > 0:
        assert a < 1.0


def test_alignment_values() -> None:
    # a check-in/points app (τ = 0.2) sees two thirds, a third and two ninths of the three tasks
    assert alignment(0.3, 0.2) == pytest.approx(2 / 3)
    assert alignment(0.6, 0.2) == pytest.approx(1 / 3)
    assert alignment(0.9, 0.2) == pytest.approx(2 / 9)
    assert alignment(0.3, 0.6) == pytest.approx(0.5)  # over-control: half of what it scores
    assert alignment(0.0, 0.0) == 1.0


split_args = {
    "v": values,
    "c": costs,
    "delta": deltas,
    "budget": st.one_of(budgets, st.just(math.inf)),
    "learning": learnings,
}


# ---- limiting cases (issue 12 part 4)
@settings(deadline=None)
@given(w=rewards, **split_args)
def test_a_perfectly_fitting_tool_displaces_nothing_whatever_the_reward(
    w, v, c, delta, budget, learning
) -> None:
    split = aligned_split(w, 1.0, v, c, delta, budget, learning)
    none = aligned_split(0.0, 1.0, v, c, delta, budget, learning)
    assert split.metric == pytest.approx(0.0, abs=1e-9)
    assert split.real >= none.real - 1e-9  # no real work crowded out
    assert split.score == pytest.approx(split.real)  # the score is the real work


@settings(deadline=None)
@given(a=unit_interval, **split_args)
def test_no_reward_displaces_nothing_whatever_the_fit(a, v, c, delta, budget, learning) -> None:
    split = aligned_split(0.0, a, v, c, delta, budget, learning)
    assert split.metric == pytest.approx(0.0, abs=1e-9)
    assert split.real == pytest.approx(min(v / c, budget))


@settings(deadline=None)
@given(kappa=unit_interval, w=rewards, delta=deltas, budget=st.one_of(budgets, st.just(math.inf)))
def test_department_outcome_limits(kappa, w, delta, budget) -> None:
    inc = Incentives(delta=delta, budget=budget)
    perfect = department_outcome("regulatory", kappa, kappa, w, inc)
    assert perfect.displaced == pytest.approx(0.0, abs=1e-9)
    assert perfect.crowded_out == pytest.approx(0.0, abs=1e-9)
    tau = 1 - kappa
    idle = department_outcome("grassroots", kappa, tau, 0.0, inc)
    assert idle.displaced == pytest.approx(0.0, abs=1e-9) and idle.crowded_out == 0.0


# ---- monotonicity
@settings(deadline=None, max_examples=200)
@given(
    w=rewards,
    dw=st.floats(0.01, 2),
    a=unit_interval,
    da=st.floats(0.01, 1),
    **split_args,
)
def test_better_alignment_never_displaces_more_and_a_stronger_reward_crowds_out_more(
    w, dw, a, da, v, c, delta, budget, learning
) -> None:
    b = min(1.0, a + da)
    base = aligned_split(w, a, v, c, delta, budget, learning)
    aligned = aligned_split(w, b, v, c, delta, budget, learning)
    none = aligned_split(0.0, a, v, c, delta, budget, learning)
    stronger = aligned_split(w + dw, a, v, c, delta, budget, learning)
    tol = 1e-7
    # a better-fitting tool makes the same reward less harmful
    assert aligned.metric <= base.metric + tol
    assert aligned.real >= base.real - tol
    # a stronger reward crowds out at least as much real work (HM 1991)
    assert max(0.0, none.real - stronger.real) >= max(0.0, none.real - base.real) - tol
    # on a score aligned at most half with real work, it also displaces at least as much effort
    if a <= 0.5:
        assert stronger.metric >= base.metric - tol


@settings(deadline=None)
@given(w=st.floats(0.5, 3), delta=deltas)
def test_misaligned_score_crowds_out_real_work_like_holmstrom_milgrom(w, delta) -> None:
    """With alignment 0 the split is the plain HM split: reward on metric work only."""
    assert aligned_split(w, 0.0, delta=delta) == effort_split(w, delta=delta)


def test_capability_curve_rows_and_limits() -> None:
    inc = Incentives(delta=0.5, budget=2.0)
    curve = capability_curve({"regulatory": 0.3, "grassroots": 0.9}, 1.5, inc)
    assert set(curve["department"]) == {"regulatory", "grassroots"}
    assert len(curve) == 2 * 21
    at_fit = curve[(curve["department"] == "regulatory") & np.isclose(curve["capability"], 0.3)]
    assert float(at_fit["displaced"].iloc[0]) == pytest.approx(0.0)
    grass = curve[curve["department"] == "grassroots"].set_index("capability")
    # towards the grassroots task's complexity, displaced effort falls and real output rises
    low, high = grass.loc[grass.index[4]], grass.index[grass.index <= 0.9][-1]
    assert grass.loc[high, "displaced"] <= low["displaced"]
    assert grass.loc[high, "output"] >= low["output"]


# ----------------------------------------------------------------------------- fit_result
def test_fit_result_on_the_default_scenario() -> None:
    s = registry().default()
    result = fit_result(s)
    assert result.tool == s.tool and result.department == s.department
    assert result.capability == getattr(s, f"capability_{s.tool}")
    assert list(result.table["department"]) == list(DEPARTMENTS)
    assert set(result.tools_capability) == set(TOOLS)
    assert result.curve_w == s.metric_reward
    learning = s.metric_learning * (1 - s.unwatched_share)
    kappa = getattr(s, f"complexity_{s.department}")
    a = alignment(kappa, result.capability)
    assert result.alignment == pytest.approx(a)
    expected = aligned_split(
        s.metric_reward, a, 1.0, 1.0, s.task_substitution, s.effort_budget, learning, s.gaming
    )
    assert result.split == expected
    assert result.real_output == pytest.approx(expected.output)
    assert result.measured_score == pytest.approx(expected.score)
    # defaults: public service (κ = 0.6) under a points app (τ = 0.2): a = 1/3, w = 1.5,
    # δ = 0.5, T = 2 → marginal rewards 1 on the metric, 1.5 on real work → (1/3, 4/3)
    assert (result.split.metric, result.split.real) == pytest.approx((1 / 3, 4 / 3))
    assert (result.no_reward.metric, result.no_reward.real) == pytest.approx((0.0, 1.0))
    assert result.displaced == pytest.approx(1 / 3)
    assert result.mean_fit == pytest.approx(result.table["fit"].mean())
    assert len(result.curve) == 61
    assert result.curve["w"].iloc[0] == 0.0 and result.curve["w"].iloc[-1] == 3.0
    assert len(result.capabilities) == 3 * 21


@pytest.mark.parametrize("tool", TOOLS)
def test_fit_result_for_every_tool(tool: str) -> None:
    s = scenario(tool=tool)
    result = fit_result(s)
    tau = getattr(s, f"capability_{tool}")
    assert result.tool == tool and result.capability == tau
    assert result.tools_capability[tool] == tau
    for row in result.table.itertuples():
        kappa = getattr(s, f"complexity_{row.department}")
        assert row.capability == tau
        assert row.fit == pytest.approx(1 - abs(kappa - tau))
        assert row.alignment == pytest.approx(alignment(kappa, tau))
    assert 0.0 <= result.mean_fit <= 1.0
    assert np.isfinite(result.curve[["metric", "real", "output", "score"]].to_numpy()).all()


@pytest.mark.parametrize("department", DEPARTMENTS)
def test_changing_the_tool_changes_real_output_through_alignment(department: str) -> None:
    """The tool matters, and only through the alignment it sets (issue 12 part 4)."""
    points = fit_result(scenario(department=department, tool="points_app"))
    for tool in TOOLS:
        other = fit_result(scenario(department=department, tool=tool))
        if other.alignment == pytest.approx(points.alignment):
            assert other.real_output == pytest.approx(points.real_output)
        elif other.alignment > points.alignment:
            assert other.displaced <= points.displaced + TOL
            assert other.split.real >= points.split.real - TOL
        else:
            assert other.displaced >= points.displaced - TOL
            assert other.split.real <= points.split.real + TOL
    # the default public-service case: a one-stop platform (τ = 0.45) lifts real output
    assert fit_result(scenario(department="public_service", tool="one_stop")).real_output > (
        fit_result(scenario(department="public_service")).real_output
    )


def test_unwatched_share_removes_what_metric_work_teaches() -> None:
    watched = fit_result(scenario(unwatched_share=0.0, metric_learning=0.5))
    unwatched = fit_result(scenario(unwatched_share=1.0, metric_learning=0.5))
    assert unwatched.split.learning == 0.0
    assert unwatched.real_output == pytest.approx(unwatched.split.real)
    assert watched.real_output > unwatched.real_output


def test_output_lost_is_zero_without_reward() -> None:
    assert fit_result(scenario(metric_reward=0.0)).output_lost == 0.0
    assert fit_result(scenario(metric_reward=0.0)).displaced == 0.0

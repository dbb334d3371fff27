"""Mei Ciqi's task–tool fit, and goal displacement when process metrics carry strong rewards.

**Fit.** Mei Ciqi asks that the complexity of a management task be matched with the capability
of the tool that manages it, and sorts departments into three kinds: regulatory ones, where
compliance is the work and e-government tools should be used more; public-service ones (social
security, education, health), which should be less regulatory and better resourced; and
grassroots social and cultural life, from which government should gradually withdraw
(seed §5, “把管理任务的复杂程度和管理工具的能力匹配起来”, “可把政府部门分为三类”). The article
gives no numbers. Following Goodhue & Thompson's task–technology fit (1995), with misfit on
either side, we score fit as 1 − |κ − τ| for task complexity κ and tool capability τ on [0, 1].
Every κ and τ is an assumption.

**Fit sets alignment.** Mei's point is that a tool too weak for its task makes what the tool can
see drift away from the work that matters. Baker (2002, “Distortion and Risk in Optimal
Incentive Contracts”, J. Human Resources 37(4): 728–751) names the link: a performance measure
rewards well only as far as it is *aligned* with the value it should track. Here the tool's
fit to the task sets the alignment a of the measured score with real work
(:func:`alignment`), and the score the reward is paid on is X = a·r + (1 − a)·m + g.

**Goal displacement.** When the process is rewarded strongly, the grid worker's goal shifts
from running the grid to checking in (seed §5, “打卡、刷二维码和拍照变成了他最主要的任务”).
Holmström & Milgrom (1991) explain why: with two tasks that compete for effort, a reward on the
measured one pulls effort from the unmeasured one. With effort cost
C(m, r) = (c/2)(m² + r² + 2δ·m·r) and rewards w per unit of metric work m and v per unit of
real work r, the official maximises w·m + v·r − C inside a daily effort budget m + r ≤ T:

    m* = (w − δv) / (c(1 − δ²)),   r* = (v − δw) / (c(1 − δ²))   (interior)

with corners when either is negative or the budget binds. With a reward w on a score of
alignment a, the marginal rewards are w(1 − a) on metric work and v + w·a on real work
(:func:`aligned_split`). *Displaced effort* is the effort m spent on what only the tool scores
(goal displacement, Merton 1940); *crowded-out real work* is r with no reward less r with it.
A perfectly fitting tool (a = 1) displaces nothing whatever the reward; no reward displaces
nothing whatever the fit; a stronger reward crowds out more real work, and on a badly aligned
score (a ≤ 1/2) displaces more effort; a better-fitting tool makes the same reward displace
and crowd out less (tests/model/test_fit.py checks each). In the interior, real work falls
with the reward only when a < δ/(1 + δ); once the budget binds, when a < 1/2.

**What is the model's own.** The quadratic cost, the linear score, the alignment formula
min(κ, τ)/max(κ, τ), v = c = 1, and every κ, τ, δ, T and reward are assumptions; the article
gives the mechanism in words only. Real output is Y = r + λ·m (metric
work teaches a little, λ, nothing when the video plays unwatched); the measured score is
X = m + g, where g is score that plug-ins and proxy accounts add without any work
(seed §3, “刷分”插件, “自动答题”).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np
import pandas as pd

DEPARTMENTS = ("regulatory", "public_service", "grassroots")
TOOLS = ("checkin_app", "points_app", "esignature", "one_stop")

#: Mei's recommended direction for each kind of department (message keys in explainer.core.i18n).
RECOMMENDATION = {
    "regulatory": "mei_regulatory",
    "public_service": "mei_public_service",
    "grassroots": "mei_grassroots",
}


# ----------------------------------------------------------------------------- fit
def fit_score(complexity: float, capability: float) -> float:
    """1 − |κ − τ|: 1 when the tool matches the task, lower for a misfit on either side."""
    return 1.0 - abs(complexity - capability)


def alignment(complexity: float, capability: float) -> float:
    """How well what the tool measures lines up with the task's real work, in [0, 1].

    Baker (2002, “Distortion and Risk in Optimal Incentive Contracts”, J. Human Resources
    37(4): 728–751) calls the fit between a performance measure and the value it should track
    its *alignment*. Here the tool's fit to the task sets it (Mei Ciqi, seed §5): a tool too
    weak for its task (τ < κ) sees only the share τ/κ of the work, and the rest of what it
    scores is activity done for the tool (check-ins, clicks, photos); a tool stronger than the
    task needs (τ > κ) demands τ where κ would do, and the share κ/τ of what it scores is the
    task. So alignment = min(κ, τ) / max(κ, τ), 1 for a perfect fit.

    **Model assumption:** this functional form is ours; neither Mei nor Baker gives one. Like
    the fit score it is 1 exactly when κ = τ and falls with a misfit on either side, but it
    measures the gap relative to the larger of the two: a tool of capability 0.2 sees a third
    of a task of complexity 0.6, not 60% of it.
    """
    top = max(complexity, capability)
    return 1.0 if top <= 0 else min(complexity, capability) / top


# ----------------------------------------------------------------------------- effort split
@dataclass(frozen=True)
class EffortSplit:
    """The official's best split of effort between metric work and real work."""

    metric: float
    real: float
    case: str  # "interior", "no_real", "no_metric", "budget" or "none"
    learning: float
    gaming: float
    alignment: float = 0.0  # a: the share of the measured score that real work earns

    @property
    def output(self) -> float:
        """Real output Y = r + λ·m."""
        return self.real + self.learning * self.metric

    @property
    def score(self) -> float:
        """Measured score X = a·r + (1 − a)·m + g (X = m + g when the tool sees no real work)."""
        a = self.alignment
        return a * self.real + (1 - a) * self.metric + self.gaming


def _utility(m: float, r: float, w: float, v: float, c: float, delta: float) -> float:
    return w * m + v * r - c / 2 * (m * m + r * r + 2 * delta * m * r)


def effort_split(
    w: float,
    v: float = 1.0,
    c: float = 1.0,
    delta: float = 0.5,
    budget: float = float("inf"),
    learning: float = 0.0,
    gaming: float = 0.0,
) -> EffortSplit:
    """Maximise w·m + v·r − (c/2)(m² + r² + 2δmr) over m, r ≥ 0 with m + r ≤ budget.

    The objective is strictly concave for 0 ≤ δ < 1, so the best point is the best of a few
    candidates: the interior solution, the best point on each edge, and the vertices.
    """
    if not 0 <= delta < 1:
        raise ValueError("delta must be in [0, 1)")
    if c <= 0 or w < 0 or v < 0 or budget < 0:
        raise ValueError("need c > 0 and w, v, budget ≥ 0")
    t = budget
    candidates: list[tuple[float, float, str]] = []
    det = c * (1 - delta * delta)
    m_star, r_star = (w - delta * v) / det, (v - delta * w) / det
    candidates.append((m_star, r_star, "interior"))
    candidates.append((min(w / c, t), 0.0, "no_real"))  # r = 0 edge
    candidates.append((0.0, min(v / c, t), "no_metric"))  # m = 0 edge
    if math.isfinite(t):  # m + r = T edge
        r_edge = ((v - w) + c * t * (1 - delta)) / (2 * c * (1 - delta))
        r_edge = min(max(r_edge, 0.0), t)
        candidates.append((t - r_edge, r_edge, "budget"))
    candidates.append((0.0, 0.0, "none"))
    feasible = [
        (m, r, case)
        for m, r, case in candidates
        if m >= -1e-12 and r >= -1e-12 and m + r <= t + 1e-9
    ]
    m, r, case = max(feasible, key=lambda x: _utility(x[0], x[1], w, v, c, delta))
    return EffortSplit(max(m, 0.0), max(r, 0.0), case, learning, gaming)


def aligned_split(
    w: float,
    align: float,
    v: float = 1.0,
    c: float = 1.0,
    delta: float = 0.5,
    budget: float = float("inf"),
    learning: float = 0.0,
    gaming: float = 0.0,
) -> EffortSplit:
    """The effort split when the reward w is paid on a metric of alignment ``align``.

    The measured score is X = a·r + (1 − a)·m (+ g): with alignment a the tool credits real work
    with weight a and activity done only for the tool with weight 1 − a (Baker 2002). The
    official then maximises w·X + v·r − C(m, r), i.e. the Holmström–Milgrom problem with a
    marginal reward w(1 − a) on metric work and v + w·a on real work. Two limits follow:
    with a = 1 metric work earns nothing and none is done; with w = 0 the reward moves nothing.
    """
    if not 0 <= align <= 1:
        raise ValueError("alignment must be in [0, 1]")
    split = effort_split(w * (1 - align), v + w * align, c, delta, budget, learning, gaming)
    return replace(split, alignment=align)


def crowded_out(split: EffortSplit, no_reward: EffortSplit) -> float:
    """Real work the reward pushed out: r with no reward on the metric, less r with it (≥ 0).

    Holmström & Milgrom (1991): when tasks compete for effort, a reward on the measured task
    draws effort from the unmeasured one (∂r*/∂w < 0 in the interior).
    """
    return max(0.0, no_reward.real - split.real)


def effort_curve(
    weights: np.ndarray | list[float],
    v: float = 1.0,
    c: float = 1.0,
    delta: float = 0.5,
    budget: float = float("inf"),
    learning: float = 0.0,
    gaming: float = 0.0,
    align: float = 0.0,
) -> pd.DataFrame:
    """The split, real output and measured score across a range of rewards on the metric."""
    columns: dict[str, list] = {k: [] for k in ("w", "metric", "real", "output", "score", "case")}
    for w in weights:
        split = aligned_split(float(w), align, v, c, delta, budget, learning, gaming)
        for key, value in (
            ("w", float(w)),
            ("metric", split.metric),
            ("real", split.real),
            ("output", split.output),
            ("score", split.score),
            ("case", split.case),
        ):
            columns[key].append(value)
    return pd.DataFrame(columns)


# ----------------------------------------------------------------------------- departments
@dataclass(frozen=True)
class Incentives:
    """The official's side of the effort split (Holmström & Milgrom 1991; values assumed).

    ``v`` (what real work is worth to the official, the “responsibility” Mei says the app
    dilutes, seed §5) and ``c`` (the cost scale) are fixed at 1: they set the units, and the
    reward on the metric is measured against ``v``.
    """

    delta: float = 0.5
    budget: float = float("inf")
    learning: float = 0.0
    gaming: float = 0.0
    v: float = 1.0
    c: float = 1.0

    def split(self, w: float, align: float) -> EffortSplit:
        return aligned_split(
            w, align, self.v, self.c, self.delta, self.budget, self.learning, self.gaming
        )


@dataclass(frozen=True)
class DepartmentOutcome:
    """One kind of department under one tool and one reward: fit, alignment, effort, output."""

    department: str
    complexity: float
    capability: float
    reward: float
    split: EffortSplit
    no_reward: EffortSplit

    @property
    def fit(self) -> float:
        return fit_score(self.complexity, self.capability)

    @property
    def alignment(self) -> float:
        return self.split.alignment

    @property
    def real_output(self) -> float:
        return self.split.output

    @property
    def displaced(self) -> float:
        """Displaced effort: effort spent on what only the tool scores (check-ins, clicks).

        Goal displacement in Merton's (1940) sense, the grid worker of seed §5 whose main task
        becomes checking in: 0 with a perfect tool or with no reward.
        """
        return self.split.metric

    @property
    def crowded_out(self) -> float:
        """Real work the reward pushed out, against no reward (0 with a perfect tool)."""
        return crowded_out(self.split, self.no_reward)


def department_outcome(
    department: str,
    complexity: float,
    capability: float,
    reward: float,
    inc: Incentives,
    no_reward: EffortSplit | None = None,
) -> DepartmentOutcome:
    """The effort split of an official in ``department`` managed by a tool of ``capability``.

    ``no_reward`` may pass the split at w = 0, which does not depend on the tool (with no
    reward, alignment moves nothing), to save recomputing it along a curve.
    """
    align = alignment(complexity, capability)
    base = inc.split(0.0, align) if no_reward is None else replace(no_reward, alignment=align)
    return DepartmentOutcome(
        department, complexity, capability, reward, inc.split(reward, align), base
    )


def capability_curve(
    complexities: dict[str, float],
    reward: float,
    inc: Incentives,
    capabilities: np.ndarray | list[float] | None = None,
) -> pd.DataFrame:
    """Real output and displaced real work for each kind of department as the tool changes."""
    taus = np.linspace(0, 1, 21) if capabilities is None else capabilities  # the sliders step
    names = ("department", "capability", "fit", "alignment", "output", "displaced", "crowded_out")
    columns: dict[str, list] = {k: [] for k in names}
    base = inc.split(0.0, 0.0)  # with no reward the tool changes nothing
    for dept, kappa in complexities.items():
        for tau in taus:
            out = department_outcome(dept, kappa, float(tau), reward, inc, base)
            for key, value in zip(
                names,
                (
                    dept,
                    float(tau),
                    out.fit,
                    out.alignment,
                    out.real_output,
                    out.displaced,
                    out.crowded_out,
                ),
                strict=True,
            ):
                columns[key].append(value)
    return pd.DataFrame(columns)


# ----------------------------------------------------------------------------- from a scenario
@dataclass(frozen=True)
class FitResult:
    """Everything the fit page shows for one scenario."""

    department: str  # the kind of department the scenario describes
    tool: str
    capability: float
    tools_capability: dict[str, float]  # every tool's τ, for the quadrant
    curve_w: float  # the reward on the metric in this scenario (x of the effort curve)
    departments: dict[str, DepartmentOutcome]  # every kind, under this tool and reward
    curve: pd.DataFrame  # effort split against the reward, for this scenario's department
    capabilities: pd.DataFrame  # output and displacement against τ, every kind

    @cached_property
    def table(self) -> pd.DataFrame:
        """One row per kind of department: κ, τ, fit, alignment, output, displacement, advice."""
        return pd.DataFrame(
            [
                {
                    "department": d.department,
                    "complexity": d.complexity,
                    "capability": d.capability,
                    "fit": d.fit,
                    "alignment": d.alignment,
                    "output": d.real_output,
                    "displaced": d.displaced,
                    "crowded_out": d.crowded_out,
                    "advice": RECOMMENDATION[d.department],
                }
                for d in self.departments.values()
            ]
        )

    @property
    def own(self) -> DepartmentOutcome:
        return self.departments[self.department]

    @property
    def split(self) -> EffortSplit:
        return self.own.split

    @property
    def no_reward(self) -> EffortSplit:
        return self.own.no_reward

    @property
    def alignment(self) -> float:
        return self.own.alignment

    @property
    def real_output(self) -> float:
        return self.own.real_output

    @property
    def measured_score(self) -> float:
        return self.split.score

    @property
    def displaced(self) -> float:
        return self.own.displaced

    @property
    def crowded_out(self) -> float:
        return self.own.crowded_out

    @property
    def output_lost(self) -> float:
        """Real output given up, against the same official with no reward on the metric."""
        return self.no_reward.output - self.split.output

    @property
    def mean_fit(self) -> float:
        return float(np.mean([d.fit for d in self.departments.values()]))


def incentives(s: object) -> Incentives:
    """The official's side of the effort split, from a scenario."""
    return Incentives(
        delta=s.task_substitution,
        budget=s.effort_budget,
        learning=s.metric_learning * (1 - s.unwatched_share),
        gaming=s.gaming,
    )


def scenario_alignment(s: object) -> float:
    """The alignment of the scenario's tool with the task of the scenario's department."""
    return alignment(float(getattr(s, f"complexity_{s.department}")), tool_capability(s))


def tool_capability(s: object) -> float:
    return float(getattr(s, f"capability_{s.tool}"))


def fit_result(s: object) -> FitResult:
    """Fit, alignment and the effort split for scenario ``s`` (a :mod:`explainer.core.spec`
    Scenario)."""
    capability = tool_capability(s)
    complexities = {d: float(getattr(s, f"complexity_{d}")) for d in DEPARTMENTS}
    inc = incentives(s)
    w = float(s.metric_reward)
    departments = {
        d: department_outcome(d, kappa, capability, w, inc) for d, kappa in complexities.items()
    }
    own = departments[s.department]
    return FitResult(
        department=s.department,
        tool=s.tool,
        capability=capability,
        tools_capability={k: float(getattr(s, f"capability_{k}")) for k in TOOLS},
        curve_w=w,
        departments=departments,
        curve=effort_curve(
            np.linspace(0, 3, 61),
            inc.v,
            inc.c,
            inc.delta,
            inc.budget,
            inc.learning,
            inc.gaming,
            own.alignment,
        ),
        capabilities=capability_curve(complexities, w, inc),
    )

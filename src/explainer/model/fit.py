"""Mei Ciqi's task–tool fit, and goal displacement when process metrics carry strong rewards.

**Fit.** Mei Ciqi asks that the complexity of a management task be matched with the capability
of the tool that manages it, and sorts departments into three kinds: regulatory ones, where
compliance is the work and e-government tools should be used more; public-service ones (social
security, education, health), which should be less regulatory and better resourced; and
grassroots social and cultural affairs, from which government should gradually withdraw
(seed §5, “把管理任务的复杂程度和管理工具的能力匹配起来”, “可把政府部门分为三类”). The article
gives no numbers. Following Goodhue & Thompson's task–technology fit (1995), with misfit on
either side, we score fit as 1 − |κ − τ| for task complexity κ and tool capability τ on [0, 1];
a tool too weak for its task invites goal displacement, s·max(0, κ − τ), and a tool stronger
than the task needs invites over-control, s·max(0, τ − κ), where s is how strongly the process
metric is rewarded (design/domain.md §5, eq. 10). Every κ and τ is an assumption.

**Goal displacement.** When the process is rewarded strongly, the grid worker's goal shifts
from running the grid to checking in (seed §5, “打卡、刷二维码和拍照变成了他最主要的任务”).
Holmström & Milgrom (1991) explain why: with two tasks that compete for effort, a reward on the
measured one pulls effort from the unmeasured one. With effort cost
C(m, r) = (c/2)(m² + r² + 2δ·m·r) and rewards w per unit of metric work m and v per unit of
real work r, the official maximises w·m + v·r − C inside a daily effort budget m + r ≤ T:

    m* = (w − δv) / (c(1 − δ²)),   r* = (v − δw) / (c(1 − δ²))   (interior)

with corners when either is negative or the budget binds. Real output is Y = r + λ·m (metric
work teaches a little, λ, nothing when the video plays unwatched); the measured score is
X = m + g, where g is score that plug-ins and proxy accounts add without any work
(seed §3, “刷分”插件, “自动答题”).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

DEPARTMENTS = ("regulatory", "public_service", "grassroots")
TOOLS = ("checkin_app", "points_app", "esignature", "one_stop")

#: Mei's recommended direction for each kind of department (message keys in explainer.i18n).
RECOMMENDATION = {
    "regulatory": "mei_regulatory",
    "public_service": "mei_public_service",
    "grassroots": "mei_grassroots",
}


# ----------------------------------------------------------------------------- fit
def fit_score(complexity: float, capability: float) -> float:
    """1 − |κ − τ|: 1 when the tool matches the task, lower for a misfit on either side."""
    return 1.0 - abs(complexity - capability)


def displacement_risk(complexity: float, capability: float, reward: float) -> float:
    """Reward on a tool too weak for the task: effort drifts to what the tool can see."""
    return reward * max(0.0, complexity - capability)


def overcontrol_risk(complexity: float, capability: float, reward: float) -> float:
    """Reward through a tool stronger than the task needs: control for its own sake."""
    return reward * max(0.0, capability - complexity)


def reward_strength(metric_reward: float, top: float = 3.0) -> float:
    """The reward on the metric as a share s ∈ [0, 1] of the highest the model considers."""
    return min(1.0, max(0.0, metric_reward / top))


def fit_table(complexities: dict[str, float], capability: float, reward: float) -> pd.DataFrame:
    """One row per department: κ, τ, fit, displacement and over-control risk, Mei's advice."""
    rows = [
        {
            "department": dept,
            "complexity": kappa,
            "capability": capability,
            "fit": fit_score(kappa, capability),
            "displacement": displacement_risk(kappa, capability, reward),
            "overcontrol": overcontrol_risk(kappa, capability, reward),
            "advice": RECOMMENDATION[dept],
        }
        for dept, kappa in complexities.items()
    ]
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- effort split
@dataclass(frozen=True)
class EffortSplit:
    """The official's best split of effort between metric work and real work."""

    metric: float
    real: float
    case: str  # "interior", "no_real", "no_metric", "budget" or "none"
    learning: float
    gaming: float

    @property
    def output(self) -> float:
        """Real output Y = r + λ·m."""
        return self.real + self.learning * self.metric

    @property
    def score(self) -> float:
        """Measured score X = m + g."""
        return self.metric + self.gaming


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
    if np.isfinite(t):  # m + r = T edge
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


def effort_curve(
    weights: np.ndarray | list[float],
    v: float = 1.0,
    c: float = 1.0,
    delta: float = 0.5,
    budget: float = float("inf"),
    learning: float = 0.0,
    gaming: float = 0.0,
) -> pd.DataFrame:
    """The split, real output and measured score across a range of rewards on the metric."""
    rows = []
    for w in weights:
        split = effort_split(float(w), v, c, delta, budget, learning, gaming)
        rows.append(
            {
                "w": float(w),
                "metric": split.metric,
                "real": split.real,
                "output": split.output,
                "score": split.score,
                "case": split.case,
            }
        )
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- from a scenario
@dataclass(frozen=True)
class FitResult:
    """Everything the fit page shows for one scenario."""

    table: pd.DataFrame
    tool: str
    capability: float
    tools_capability: dict[str, float]  # every tool's τ, for the quadrant
    curve_w: float  # the reward on the metric in this scenario (x of the effort curve)
    reward: float  # s ∈ [0, 1]
    split: EffortSplit
    curve: pd.DataFrame
    no_reward: EffortSplit  # the same official with no reward on the metric

    @property
    def real_output(self) -> float:
        return self.split.output

    @property
    def measured_score(self) -> float:
        return self.split.score

    @property
    def output_lost(self) -> float:
        """Real output given up, against an official with no reward on the metric."""
        return self.no_reward.output - self.split.output

    @property
    def mean_fit(self) -> float:
        return float(self.table["fit"].mean())


def fit_result(s: object) -> FitResult:
    """Fit, risks and the effort split for scenario ``s`` (a :mod:`explainer.spec` Scenario)."""
    capability = float(getattr(s, f"capability_{s.tool}"))
    complexities = {d: float(getattr(s, f"complexity_{d}")) for d in DEPARTMENTS}
    reward = reward_strength(s.metric_reward)
    learning = s.metric_learning * (1 - s.unwatched_share)
    common = {
        "delta": s.task_substitution,
        "budget": s.effort_budget,
        "learning": learning,
        "gaming": s.gaming,
    }
    return FitResult(
        table=fit_table(complexities, capability, reward),
        tool=s.tool,
        capability=capability,
        tools_capability={k: float(getattr(s, f"capability_{k}")) for k in TOOLS},
        curve_w=float(s.metric_reward),
        reward=reward,
        split=effort_split(s.metric_reward, **common),
        curve=effort_curve(np.linspace(0, 3, 61), **common),
        no_reward=effort_split(0.0, **common),
    )

"""Check-ins and photo evidence: what presence-by-app costs and what it actually records.

* **GPS check-in.** The official must be physically at the assigned community for the location
  to count (seed §1, Li Yi, “须前往各自分包社区网点打卡”); the routine is four steps — go there,
  switch on GPS, open the mini-program, tap sign-in (seed §4, “打开GPS定位…最后点击签到”).
* **Proxy check-in.** On busy days a colleague who happens to be nearby logs in as the official
  and checks in for them (seed §1, “拜托在附近的同事…打”; seed §4, “让在附近的同事代打”), so the
  record shows presence that did not happen.
* **Photo evidence.** Villagers tire of posing and only two or three remain willing, so several
  cadres end up photographing the same person (seed §4, “两到三个大爷大娘”; three cadres whose
  photos all show “一个大娘”).

Pure functions on plain numbers; travel and step times are assumptions (design/domain.md §1
row 52).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from explainer.model._checks import check_count, check_share


# ----------------------------------------------------------------------------- GPS check-in
def checkin_minutes(travel_min_one_way: float, steps_min: float, checkins_per_day: int) -> float:
    """Minutes a day spent on GPS check-ins at the assigned community.

    Each check-in is a round trip (travel counted both ways) plus the in-app steps: GPS on,
    open the mini-program, tap sign-in (seed §4, “首先…前往…随后打开GPS定位…最后点击签到”).
    Separate check-ins in one day are assumed to be separate trips.
    """
    travel = float(travel_min_one_way)
    steps = float(steps_min)
    if not travel >= 0.0:
        raise ValueError(f"travel_min_one_way must be non-negative, got {travel_min_one_way!r}")
    if not steps >= 0.0:
        raise ValueError(f"steps_min must be non-negative, got {steps_min!r}")
    n = check_count("checkins_per_day", checkins_per_day, 0)
    return n * (2.0 * travel + steps)


# ----------------------------------------------------------------------------- proxy check-in
@dataclass(frozen=True)
class ProxyCheckin:
    """Shares of days: check-in on record, official really present, and the difference."""

    recorded: float
    present: float
    gap: float


def proxy_checkin(busy_share: float, proxy_share: float) -> ProxyCheckin:
    """Recorded compliance versus real presence when colleagues check in by proxy.

    On a ``busy_share`` of days the official cannot leave the office; on a ``proxy_share`` of
    those a nearby colleague checks in on their account (seed §1, “拜托在附近的同事…打”). The
    record then shows (1 − busy) + busy·proxy, real presence is 1 − busy, and the gap,
    busy·proxy, is attendance that exists only in the app.
    """
    busy = check_share("busy_share", busy_share)
    proxy = check_share("proxy_share", proxy_share)
    present = 1.0 - busy
    gap = busy * proxy
    return ProxyCheckin(recorded=present + gap, present=present, gap=gap)


# ----------------------------------------------------------------------------- photo evidence
@dataclass(frozen=True)
class PhotoDuplicates:
    """Chances that cadres' proof photos show the same villager (exact fractions)."""

    n_officials: int
    n_willing: int
    any_same: Fraction
    all_same: Fraction

    @property
    def p_any_same(self) -> float:
        """At least two officials photographed the same villager."""
        return float(self.any_same)

    @property
    def p_all_same(self) -> float:
        """Every official photographed one and the same villager."""
        return float(self.all_same)


def photo_duplicate_probabilities(n_officials: int, n_willing: int) -> PhotoDuplicates:
    """Duplicate-subject odds when each official picks uniformly among the willing villagers.

    ``any_same`` is the birthday problem, 1 − Π (V − i)/V, and is 1 once officials outnumber
    the willing; ``all_same`` is V^(1 − m). The article's case — three cadres, two or three
    willing villagers, one old lady in every photo (seed §4, “都是一个大娘”) — gives 1/4 or 1/9
    for all three matching.
    """
    m = check_count("n_officials", n_officials, 1)
    v = check_count("n_willing", n_willing, 1)
    all_distinct = Fraction(1)
    for i in range(m):
        all_distinct *= Fraction(max(v - i, 0), v)
    all_same = Fraction(1, v ** (m - 1))
    return PhotoDuplicates(n_officials=m, n_willing=v, any_same=1 - all_distinct, all_same=all_same)

"""Layer-by-layer escalation (层层加码): what each administrative level adds on the way down.

Bai Zhili names pressure applied and added level by level as one cause of formalism, worse
the lower the level (seed §5, “层层施压、层层加码…越是基层形式主义越严重”). Each level here
multiplies the requirement by (1 + α), brings the deadline forward by Δ days and may add apps
of its own (seed §2, “一个单位一个APP…一个科室搞一个”); α, Δ and the apps added are
assumptions (the article gives no rates; 刘伟 2023 describes quantities added and deadlines
advanced at each level).

The article's figures are what reached the bottom, so the scenario describes the bottom level
and the levels above are worked out backwards: the top asked for R / (1 + α)^(L−1), with a
deadline (L−1)·Δ days later and fewer apps. Each level's burden is the one-night model run on
what that level asked, so "what the top asked" and "what the bottom does" are comparable.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd

from explainer.model.night import night

#: Levels above the bottom, from the top down (labels in explainer.core.i18n); a cascade of L
#: levels uses the first L−1 of them and ends at the section.
UPPER_LEVELS = ("province", "city", "county", "bureau", "office")


def level_keys(n_levels: int) -> list[str]:
    """Names of ``n_levels`` levels from the top down, always ending at the section."""
    if not 1 <= n_levels <= len(UPPER_LEVELS) + 1:
        raise ValueError(f"n_levels must be 1 to {len(UPPER_LEVELS) + 1}")
    return [*UPPER_LEVELS[: n_levels - 1], "section"]


def level_scenario(s: Any, steps_up: int) -> Any:
    """The scenario as the level ``steps_up`` above the bottom set it (0 = the bottom)."""
    if steps_up == 0:
        return s
    factor = (1 + s.alpha) ** steps_up
    end = s.window_end + dt.timedelta(days=steps_up * s.deadline_shift_days)
    return s.model_copy(
        update={
            "quota_points": math.ceil(s.quota_points / factor - 1e-9),
            "study_hours_target": round(s.study_hours_target / factor, 6),
            "window_end": end,
            # Every level keeps at least the app that carries its quota or study target.
            "n_apps": max(min(s.n_apps, 1), s.n_apps - steps_up * s.apps_added_per_level),
        }
    )


def cascade(s: Any) -> pd.DataFrame:
    """One row per level, top first: what it asks and the nightly minutes that follow.

    Columns: ``level`` (key), ``depth`` (0 = top), ``quota_points``, ``study_hours``,
    ``deadline`` (date), ``n_apps``, ``night_minutes``, ``ratio_to_top``.
    """
    keys = level_keys(s.n_levels)
    rows = []
    for depth, key in enumerate(keys):
        level = level_scenario(s, len(keys) - 1 - depth)
        rows.append(
            {
                "level": key,
                "depth": depth,
                "quota_points": level.quota_points,
                "study_hours": level.study_hours_target,
                "deadline": level.window_end,
                "n_apps": level.n_apps,
                "night_minutes": night(level).night_minutes,
            }
        )
    frame = pd.DataFrame(rows)
    top = frame["night_minutes"].iloc[0]
    frame["ratio_to_top"] = frame["night_minutes"] / top if top > 0 else float("nan")
    return frame

"""The guides' exercises (data/exercises.yaml) and their one checker (issue 16).

For every exercise the right answer passes in each accepted form, and a set of classic wrong
answers fails with feedback in both languages that never states the answer. Answers come from
the model (explainer.teaching.exercise_answers), so these tests follow the defaults.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

import pytest

from explainer.core.spec import format_clock
from explainer.teaching import exercises
from explainer.teaching.exercises import check, get

REPO = Path(__file__).resolve().parents[1]
IDS = exercises.exercise_ids()
GRADED = [i for i in IDS if get(i).kind != "open"]


def _hours_minutes(minutes: float) -> str:
    whole = round(minutes)
    return f"{whole // 60} h {whole % 60} min"


def right_forms(exercise_id: str) -> list:
    """Every reasonable way to write the right answer."""
    ex = get(exercise_id)
    value = ex.expected()
    if ex.kind == "choice":
        return sorted(value)
    if ex.kind == "clock":
        h, m = divmod(int(value) % (24 * 60), 60)
        return [format_clock(value), f"{h}:{m:02d}", f"{h + 24}:{m:02d}", dt.time(h, m)]
    forms: list = [value, str(value), f"{value:.4g}"]
    if ex.kind == "share":
        forms += [f"{value:.1%}", f"{value * 100:.1f}", f"{value * 100:.1f} %", f"{value:.3f}"]
    if ex.kind == "minutes":
        forms += [f"{value} min", f"{value / 60:.4f} h", f"{value}分钟"]
    if ex.kind == "hours":
        minutes = value * 60
        forms += [
            f"{value:.2f} h",
            f"{minutes:.0f} min",
            _hours_minutes(minutes),
            f"{int(minutes // 60)}小时{round(minutes % 60)}分",
        ]
    for other, _ in ex.also():
        forms += [other, f"{other:.4f}"]
    return forms


#: Forms and answers a class would write, beyond the generic ones, by exercise.
EXTRA_RIGHT = {
    "01_district_minutes": ["31 min", "30 min 1 s", "30分1秒", "31分钟", "0.5 h 1 s"],
    "01_split_sessions": ["6", "6.0"],
    "05_zero_real": ["5/4", "1.25", "10/8"],
    "03_veto_fifty": ["78%", "77.85%", "0.78"],
}
EXTRA_WRONG = {
    "01_district_minutes": [30, "30", "30 min", "0.5 h", 60, "1 h", 29, "30:01"],
    "01_split_sessions": [9001, 10800, 5],
    "02_bedtime_nine_apps": ["23", 23, 1463, "00:19", "12:23"],
    "02_sleep_proxy": ["7 h", "6.18", "00:00"],
    "03_veto_fifty": ["0.395", "39.5%", "1.5", "3%"],
    "03_reading_ratio": ["1.43", "1/20"],
    "04_alpha_zero_ratio": ["2.14", "1"],
    "04_levels_double": [3, "3", 5],
    "05_zero_real": ["4/5", "0.8", "2", "1/0"],
    "05_crowding_grassroots": ["0.5", "1/2"],
    "06_all_reforms_short": ["0.77", "77%", "0"],
    "06_esignature_tool_part": ["0.35", "-0.2"],
    "06_best_single": ["veto_removed", "esignature", "app_cap", "no_such_reform", "", 3],
}


def wrong_forms(exercise_id: str) -> list:
    ex = get(exercise_id)
    value = ex.expected()
    generic: list = [None, "", "   ", "twelve", float("nan"), True, "x" * 10_000]
    if ex.kind == "choice":
        return generic[:4] + EXTRA_WRONG.get(exercise_id, [])
    if ex.kind == "clock":
        generic += [format_clock(value + 45), format_clock(value - 45), value]
    else:
        generic += [value * 1.5 + 1, value * 0.5 - 0.3]
    return generic + [trap for trap, _, _ in ex.traps()] + EXTRA_WRONG.get(exercise_id, [])


# ----------------------------------------------------------------------------- the data
def test_every_exercise_has_the_parts_of_an_entry():
    for exercise_id in IDS:
        ex = get(exercise_id)
        for lang in ("zh", "en"):
            assert ex.text("question", lang), (exercise_id, lang)
            assert exercises.solution_text(exercise_id, lang), (exercise_id, lang)
        assert re.search(r"[\u4e00-\u9fff]", ex.text("question", "zh"))
        if ex.kind == "open":
            assert ex.text("model_answer", "zh") and ex.text("model_answer", "en"), exercise_id
            continue
        value = ex.expected()
        if not isinstance(value, set):
            assert math.isfinite(float(value)), exercise_id
        assert exercises.tolerance(exercise_id, "zh") and exercises.tolerance(exercise_id, "en")
        assert ex.raw.get("hints"), f"{exercise_id} has no hint"
        if ex.raw.get("then_ask"):
            assert ex.text("model_answer", "en"), f"{exercise_id}: a 'then ask' without an answer"


def test_at_most_a_third_are_look_ups_and_every_kind_of_exercise_is_there():
    types = [get(i).type for i in IDS]
    assert types.count("lookup") * 3 <= len(types), types
    assert {"predict", "derive", "extend", "critique"} <= set(types)


def test_every_guide_has_exercises():
    assert {i[:2] for i in IDS} == {"01", "02", "03", "04", "05", "06", "07"}


# ----------------------------------------------------------------------------- checking
@pytest.mark.parametrize("exercise_id", GRADED)
def test_the_right_answer_passes_in_every_accepted_form(exercise_id):
    for answer in right_forms(exercise_id) + EXTRA_RIGHT.get(exercise_id, []):
        feedback = check(exercise_id, answer)
        assert feedback.ok, (exercise_id, answer, feedback.hint)
        assert feedback.status == "right"


@pytest.mark.parametrize("exercise_id", GRADED)
def test_classic_wrong_answers_fail_with_a_hint_that_does_not_leak(exercise_id):
    value = get(exercise_id).expected()
    leaks = sorted(value) if isinstance(value, set) else [f"{float(value):.2f}"]
    for answer in wrong_forms(exercise_id):
        feedback = check(exercise_id, answer)
        assert not feedback.ok, (exercise_id, answer)
        assert re.search(r"[\u4e00-\u9fff]", feedback.zh) and re.search("[A-Za-z]", feedback.en)
        assert not re.search(r"\d", feedback.hint), (exercise_id, answer, feedback.hint)
        for form in leaks:
            assert form not in feedback.hint, (exercise_id, form)


def test_the_old_district_answer_of_thirty_minutes_is_refused_with_its_own_reason():
    feedback = check("01_district_minutes", 30)
    assert not feedback.ok and "half an hour earns only half a study hour" in feedback.en


def test_a_bare_number_is_never_read_as_a_clock_time():
    feedback = check("02_bedtime_nine_apps", 23, "en")
    assert not feedback.ok and "bare number" in feedback.en


def test_a_duration_is_read_in_the_unit_the_question_asks():
    hours = get("02_sleep_proxy").expected()
    assert check("02_sleep_proxy", f"{hours * 60:.0f}").status == "wrong"  # minutes as hours
    assert check("02_sleep_proxy", f"{hours * 60:.0f} min").ok


def test_a_reform_that_ties_with_the_status_quo_is_told_it_changes_nothing():
    from explainer.teaching.exercise_answers import short_sleep_status_quo_by_reform

    effects = short_sleep_status_quo_by_reform()
    idle = [r for r, v in effects.items() if r and abs(v - effects[""]) <= 1e-9]
    assert idle, "no reform ties with the status quo any more; pick another example"
    for rid in idle:
        feedback = check("06_best_single", rid)
        assert feedback.status == "no_effect" and "changes nothing" in feedback.en
    helping = [r for r, v in effects.items() if r and v < effects[""] - 1e-9]
    best = get("06_best_single").expected()
    for rid in set(helping) - best:
        assert "helps" in check("06_best_single", rid).en


def test_open_questions_are_not_graded_and_point_to_the_key():
    for exercise_id in set(IDS) - set(GRADED):
        feedback = check(exercise_id, "anything")
        assert feedback.status == "open" and "teacher's key" in feedback.en


def test_unknown_exercises_are_named():
    with pytest.raises(KeyError, match="known"):
        check("99_nothing", 1)


# ----------------------------------------------------------------------------- display
def test_no_answer_yet_is_a_neutral_line_without_a_glyph():
    shown = check("02_sleep_proxy", None, "en")._repr_markdown_()
    assert shown == "*No answer yet*"
    for exercise_id in GRADED:
        text = check(exercise_id, "twelve", "zh")._repr_markdown_()
        assert not re.search(r"[\u2600-\u27bf\U0001f000-\U0001faff]", text), text
        assert "Hint" not in text  # one language at a time


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_solutions_are_collapsed_and_exercises_shown_in_one_language(lang):
    for exercise_id in IDS:
        shown = exercises.solution(exercise_id, lang)._repr_html_()
        assert shown.startswith("<details><summary>")
        card = exercises.exercise(exercise_id, lang)._repr_html_()
        other = r"[\u4e00-\u9fff]" if lang == "en" else r"\b(the|and|of)\b"
        body = re.sub(r"<code>.*?</code>|<[^>]+>|“[^”]*”", "", card)  # quotations may stay
        assert not re.search(other, body.replace(exercise_id, "")), (exercise_id, body)


def test_the_teachers_key_is_current_and_answers_every_open_question():
    key = (REPO / "docs" / "teachers_key.md").read_text(encoding="utf-8")
    assert key == exercises.teachers_key(), "regenerate: python -m explainer.teaching.exercises"
    for exercise_id in IDS:
        assert f"## {exercise_id} " in key
    assert key.count("**Model answer.**") == sum(1 for i in IDS if get(i).raw.get("model_answer"))

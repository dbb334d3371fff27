"""One small checker for the guides' exercises, which are data (``data/exercises.yaml``).

A student writes an answer in the notebook and calls :func:`check`::

    from explainer.teaching.exercises import check, exercise, solution
    exercise("02_sleep_proxy", LANG)      # the question, tolerance and hints (collapsed)
    check("02_sleep_proxy", "5 h 7 min", LANG)
    solution("02_sleep_proxy", LANG)      # the worked solution, collapsed until opened

Answers are computed from the model by the pure functions in
:mod:`explainer.teaching.exercise_answers`
that an entry names, so they follow the defaults. Accepted forms (issue 16): numbers, fractions
("5/4"), percentages with or without the sign when a share is asked ("78%", "78", "0.78"),
durations in the unit asked or with units ("1 h 4 min", "64 min", "1.07 h", "1小时4分"), clock
times as "HH:MM" only — a bare number is never read as a clock time. Hints never contain a digit.

``python -m explainer.teaching.exercises > docs/teachers_key.md`` writes the teacher's key.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import numbers
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Any

from explainer.core.datafiles import read_yaml
from explainer.core.i18n import t

__all__ = ["Feedback", "check", "exercise", "exercise_ids", "solution", "teachers_key", "tolerance"]

KINDS = ("number", "share", "minutes", "hours", "clock", "choice", "open")
TYPES = ("lookup", "predict", "derive", "extend", "critique")


@dataclass(frozen=True)
class Feedback:
    """Right or wrong, and a hint in both languages (never the answer).

    ``status``: ``right``, ``wrong``, ``empty`` (no answer yet), ``no_effect`` (a choice that
    changes nothing here) or ``open`` (no automatic check). ``lang`` picks what is displayed.
    """

    ok: bool
    zh: str
    en: str
    status: str = "wrong"
    lang: str | None = None

    @property
    def hint(self) -> str:
        """The feedback in both languages, Chinese first."""
        return f"{self.zh}\n{self.en}"

    def _text(self) -> str:
        if self.lang == "zh":
            return self.zh
        if self.lang == "en":
            return self.en
        return f"{self.zh}\n\n{self.en}"

    def _mark(self) -> str:
        status = self.status if self.status in ("right", "empty", "open") else "wrong"
        zh, en = both(f"exercise_mark_{status}")
        return zh if self.lang == "zh" else en if self.lang == "en" else f"{zh} · {en}"

    def __str__(self) -> str:
        return f"{self._mark()}\n{self._text()}"

    def _repr_markdown_(self) -> str:
        if self.status == "empty":  # a neutral line, no coloured box, in static pages too
            return f"*{self._mark()}*"
        return f"**{self._mark()}** — {self._text()}"


@dataclass(frozen=True)
class Exercise:
    """One entry of ``data/exercises.yaml`` (see the comment at its top)."""

    id: str
    type: str
    kind: str
    raw: dict[str, Any]

    def text(self, key: str, lang: str) -> str:
        value = self.raw.get(key) or {}
        return _tidy(str(value.get(lang, "")).strip(), lang)

    def expected(self) -> Any:
        return _call(self.raw["answer"]) if "answer" in self.raw else None

    def also(self) -> list[tuple[float, float]]:
        """Other right answers (value, absolute tolerance)."""
        return [(float(_call(a)), float(a.get("abs", 0))) for a in self.raw.get("also", [])]

    def traps(self) -> list[tuple[Any, str, str]]:
        return [(_call(t), t["zh"], t["en"]) for t in self.raw.get("traps", [])]

    def close(self, value: float, target: float) -> bool:
        tol = self.raw.get("tolerance", {})
        allowed = max(float(tol.get("abs", 0)), float(tol.get("rel", 0)) * abs(target))
        if self.kind == "clock":
            diff = abs(value - target) % (24 * 60)
            return min(diff, 24 * 60 - diff) <= allowed + 1e-9
        return abs(value - target) <= allowed + 1e-9


_CJK = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”—（）]"


def _tidy(text: str, lang: str) -> str:
    """Folded YAML joins lines with a space; Chinese text has none between characters."""
    return re.sub(rf"(?<={_CJK}) (?={_CJK})", "", text) if lang == "zh" else text


def _call(ref: dict[str, Any]) -> Any:
    from explainer.teaching import exercise_answers

    if "value" in ref:
        return ref["value"]
    function: Callable[[], Any] = getattr(exercise_answers, ref["function"])
    return function()


@cache
def _by_id() -> dict[str, Exercise]:
    entries = read_yaml("exercises.yaml")
    found: dict[str, Exercise] = {}
    for raw in entries:
        ex = Exercise(raw["id"], raw["type"], raw["kind"], raw)
        if ex.kind not in KINDS or ex.type not in TYPES or ex.id in found:
            raise ValueError(f"bad exercise entry {ex.id!r}")
        found[ex.id] = ex
    return found


def exercise_ids() -> list[str]:
    """Every exercise id, in the order of the guides."""
    return list(_by_id())


def get(exercise_id: str) -> Exercise:
    """The entry for ``exercise_id``; a KeyError names the known ids."""
    try:
        return _by_id()[exercise_id]
    except KeyError:
        raise KeyError(
            f"unknown exercise {exercise_id!r}; known: {', '.join(exercise_ids())}"
        ) from None


def tolerance(exercise_id: str, lang: str = "en") -> str:
    """How close an answer must be, with its reason, in one language."""
    return _tolerance_why(get(exercise_id), lang)


def _tolerance_why(ex: Exercise, lang: str) -> str:
    return _tidy(str(ex.raw.get("tolerance", {}).get("why", {}).get(lang, "")).strip(), lang)


# ----------------------------------------------------------------------------- reading answers
_FRACTION = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)$")
_DURATION = re.compile(
    r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>hours?|hrs?|h|小时|時|minutes?|mins?|m|分钟|分|"
    r"seconds?|secs?|s|秒)",
    re.IGNORECASE,
)
_UNIT_MINUTES = {"h": 60.0, "小": 60.0, "時": 60.0, "m": 1.0, "分": 1.0, "s": 1 / 60, "秒": 1 / 60}


def parse_number(answer: Any) -> float | None:
    """A finite number from an int, float, Fraction or text ("1,234", "5/4", "-0.5")."""
    if isinstance(answer, bool):
        return None
    if isinstance(answer, numbers.Real):
        value = float(answer)
        return value if math.isfinite(value) else None
    if not isinstance(answer, str) or len(answer) > 64:
        return None
    text = answer.strip().replace(",", "").replace("，", "")
    match = _FRACTION.match(text)
    try:
        value = float(Fraction(match.group(1)) / Fraction(match.group(2))) if match else float(text)
    except (ValueError, ZeroDivisionError):
        return None
    return value if math.isfinite(value) else None


def parse_share(answer: Any) -> float | None:
    """A share: "78%", "78 %", "78" (a percentage, when above one), "0.78", "39/50"."""
    if isinstance(answer, str) and answer.strip().endswith(("%", "％")):
        value = parse_number(answer.strip()[:-1])
        return None if value is None else value / 100
    value = parse_number(answer)
    if value is not None and 1 < value <= 100:
        value /= 100  # the question asks a share, so a number above one is a percentage
    return value


def parse_duration(answer: Any, unit: str) -> float | None:
    """A duration in ``unit`` (minutes or hours): "1 h 4 min", "64 min", "1.07 h", or a bare
    number in the unit asked."""
    value = parse_number(answer)
    if value is not None:
        return value
    if not isinstance(answer, str) or len(answer) > 64:
        return None
    text = answer.strip().lower()
    parts = list(_DURATION.finditer(text))
    if not parts or _DURATION.sub("", text).strip(" ,和与及and") != "":
        return None
    minutes = sum(float(p.group("num")) * _UNIT_MINUTES[p.group("unit")[0]] for p in parts)
    minutes = round(minutes * 60) / 60  # to the second: "0.5167 h" is 31 min, not 31.002
    return minutes if unit == "minutes" else minutes / 60


def parse_clock(answer: Any) -> float | None:
    """Minutes after midnight from "HH:MM" (also "24:19", "0:19") or a ``datetime.time``.

    A bare number is refused: 19 is not 00:19.
    """
    if isinstance(answer, dt.time):
        return float(answer.hour * 60 + answer.minute)
    if not isinstance(answer, str) or len(answer) > 16:
        return None
    match = re.fullmatch(r"\s*(\d{1,2})[:：](\d{2})\s*", answer)
    if not match or int(match.group(2)) >= 60 or int(match.group(1)) > 48:
        return None
    return float(int(match.group(1)) * 60 + int(match.group(2)))


def parse(ex: Exercise, answer: Any) -> Any:
    """The answer read as the exercise's kind asks, or None if it cannot be read."""
    if ex.kind == "share":
        return parse_share(answer)
    if ex.kind in ("minutes", "hours"):
        return parse_duration(answer, ex.kind)
    if ex.kind == "clock":
        return parse_clock(answer)
    if ex.kind == "choice":
        given = str(getattr(answer, "id", answer)).strip()
        return given if len(given) <= 64 else None
    return parse_number(answer)


#: Answer kinds with their own "cannot read this" message (``exercise_unreadable_<kind>``).
UNREADABLE = ("share", "minutes", "hours", "clock", "number")


def both(key: str, **values: Any) -> tuple[str, str]:
    """A strings-file entry in Chinese and in English (feedback carries both)."""
    return t(key, "zh", **values), t(key, "en", **values)


# ----------------------------------------------------------------------------- checking
def _hint(ex: Exercise) -> tuple[str, str]:
    hints = ex.raw.get("hints") or [{"zh": "", "en": ""}]
    return hints[0]["zh"], hints[0]["en"]


def _wrong(ex: Exercise, zh: str, en: str, lang: str | None, status: str = "wrong") -> Feedback:
    hzh, hen = _hint(ex)
    zh, en = (
        t("exercise_with_hint", "zh", text=zh, hint=hzh),
        t("exercise_with_hint", "en", text=en, hint=hen),
    )
    return Feedback(False, zh, en, status, lang)


def check(exercise_id: str, answer: Any, lang: str | None = None) -> Feedback:
    """Is ``answer`` right for ``exercise_id``? Returns a :class:`Feedback` (never the answer)."""
    ex = get(exercise_id)
    if ex.kind == "open":
        return Feedback(False, *both("exercise_open"), "open", lang)
    if answer is None or (isinstance(answer, str) and not answer.strip()):
        return Feedback(False, *both("exercise_empty"), "empty", lang)
    value = parse(ex, answer)
    if value is None:
        kind = ex.kind if ex.kind in UNREADABLE else "number"
        return _wrong(ex, *both(f"exercise_unreadable_{kind}"), lang)
    if ex.kind == "choice":
        return _check_choice(ex, value, lang)
    target = float(ex.expected())
    if ex.close(value, target) or any(abs(value - v) <= t + 1e-9 for v, t in ex.also()):
        return Feedback(True, *both("exercise_right"), "right", lang)
    for trap, zh, en in ex.traps():
        if ex.close(value, float(trap)):
            return _wrong(ex, zh, en, lang)
    if ex.kind == "hours" and value > 24:
        return _wrong(ex, *both("exercise_hours_unit"), lang)
    if ex.kind == "clock":
        way = "late" if (value - target) % (24 * 60) < 12 * 60 else "early"
    else:
        way = "high" if value > target else "low"
    unit = ex.raw.get("unit", {})
    zh, en = (
        t("exercise_off_by", side, text=t(f"exercise_too_{way}", side), unit=unit.get(side, ""))
        for side in ("zh", "en")
    )
    return _wrong(ex, zh, en, lang)


def _check_choice(ex: Exercise, given: str, lang: str | None) -> Feedback:
    effects: dict[str, float] = _call(ex.raw["effects"])
    if given not in effects or given == "":
        return _wrong(ex, *both("exercise_not_a_reform"), lang)
    best = ex.expected()
    if given in best:
        key = "exercise_right_tie" if len(best) > 1 else "exercise_right_best"
        return Feedback(True, *both(key), "right", lang)
    status_quo = effects[""]
    if abs(effects[given] - status_quo) <= 1e-9:
        return _wrong(ex, *both("exercise_no_effect"), lang, "no_effect")
    if effects[given] > status_quo:
        return _wrong(ex, *both("exercise_worse"), lang)
    return _wrong(ex, *both("exercise_helps_less"), lang)


# ----------------------------------------------------------------------------- display
def _format_answer(ex: Exercise, value: Any) -> str:
    from explainer.core.spec import format_clock

    if isinstance(value, (set, frozenset)):
        return ", ".join(f"`{v}`" for v in sorted(value))
    if ex.kind == "clock":
        return format_clock(value)
    if ex.kind == "share":
        return f"{value:.3f}（{value:.1%}）".replace("（", " (").replace("）", ")")
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return f"{value:.3g}" if abs(value) < 10 else f"{value:.4g}"


def solution_text(exercise_id: str, lang: str) -> str:
    """The worked solution in one language, with the answer computed now from the model."""
    ex = get(exercise_id)
    if ex.kind == "open":  # the model answer is the worked solution
        return ex.text("model_answer", lang)
    text = ex.text("solution", lang)
    values: dict[str, str] = {}
    if "answer" in ex.raw:
        value = ex.expected()
        values["answer"] = _format_answer(ex, value)
        if ex.kind == "hours":
            values["answer_minutes"] = f"{value * 60:.0f} min"
    for i, (other, _) in enumerate(ex.also()):
        values[f"also_{i}"] = f"{other:.4g}"
    return text.format(**values)


class _Html:
    def __init__(self, body: str) -> None:
        self.body = body

    def _repr_html_(self) -> str:
        return self.body


def _details(summary: str, body_md: str) -> str:
    body = html.escape(body_md).replace("\n", "<br>")
    body = re.sub(r"`([^`]+)`", r"<code>\1</code>", body)
    return f"<details><summary>{html.escape(summary)}</summary><p>{body}</p></details>"


def solution(exercise_id: str, lang: str = "zh") -> _Html:
    """The worked solution and the follow-up question, collapsed until the reader opens it."""
    ex = get(exercise_id)
    summary = t("exercise_model_answer" if ex.kind == "open" else "exercise_solution", lang)
    parts = [_details(summary, solution_text(exercise_id, lang))]
    if ex.raw.get("then_ask"):
        label = t("exercise_then_ask", lang)
        parts.append(f"<p><b>{label}</b>{html.escape(ex.text('then_ask', lang))}</p>")
    return _Html("\n".join(parts))


def exercise(exercise_id: str, lang: str = "zh") -> _Html:
    """The question, its kind, the tolerance with its reason, and the hints (collapsed)."""
    ex = get(exercise_id)
    kind = t(f"exercise_type_{ex.type}", lang)
    question = html.escape(ex.text("question", lang))
    question = re.sub(
        r"\*\*([^*]+)\*\*", r"<b>\1</b>", re.sub(r"`([^`]+)`", r"<code>\1</code>", question)
    )
    lines = [f"<p><b>{html.escape(exercise_id)}</b> · <i>{kind}</i></p>", f"<p>{question}</p>"]
    if ex.kind != "open":
        label = t("exercise_tolerance", lang)
        gap = "" if label.endswith("：") else " "  # after a full-width colon, no space
        lines.append(f"<p><i>{label}</i>{gap}{html.escape(_tolerance_why(ex, lang))}</p>")
    for i, hint in enumerate(ex.raw.get("hints", []), 1):
        lines.append(
            _details(t("exercise_hint_n", lang, n=i), _tidy(str(hint[lang]).strip(), lang))
        )
    return _Html("\n".join(lines))


# ----------------------------------------------------------------------------- teacher's key
def teachers_key() -> str:
    """Markdown: for every exercise, both languages, the answer, its tolerance, the worked
    solution, the follow-up question and its model answer."""
    out = [
        "# 教师用书 · Teacher's key",
        "",
        "由 `python -m explainer.teaching.exercises > docs/teachers_key.md` "
        "从 `data/exercises.yaml` "
        "和模型生成；数字是生成时模型给出的。",
        "",
        "Generated by `python -m explainer.teaching.exercises > docs/teachers_key.md` from "
        "`data/exercises.yaml` and the model; the figures are the model's when it was generated.",
        "",
    ]
    counts = {t: sum(1 for e in _by_id().values() if e.type == t) for t in TYPES}
    out += [
        "Exercise types: " + ", ".join(f"{t} {n}" for t, n in counts.items()) + ".",
        "",
    ]
    labels = {
        "zh": ("题目", "答案", "解答", "再想一想", "参考答案"),
        "en": ("Question", "Answer", "Solution", "Then ask", "Model answer"),
    }
    for ex in _by_id().values():
        out += [f"## {ex.id} ({ex.type}, {ex.kind})", ""]
        for lang in ("zh", "en"):
            q, a, sol, then, model = labels[lang]
            out += [f"**{q}.** {ex.text('question', lang)}", ""]
            if "answer" in ex.raw:
                answer = _format_answer(ex, ex.expected())
                out += [f"**{a}.** {answer} — {_tolerance_why(ex, lang)}", ""]
            if ex.kind != "open":
                out += [f"**{sol}.** {solution_text(ex.id, lang)}", ""]
            if ex.raw.get("then_ask"):
                out += [f"**{then}.** {ex.text('then_ask', lang)}", ""]
            if ex.raw.get("model_answer"):
                out += [f"**{model}.** {ex.text('model_answer', lang)}", ""]
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    """Print the teacher's key (Markdown) to standard output."""
    sys.stdout.write(teachers_key())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""A trainer's playlist: a sequence of dashboard states to present from (issue 18).

A playlist is a YAML file (``data/playlists/*.yaml`` for the ready-made ones, or a trainer's
own). It is read like a scenario file, as hostile input: :func:`explainer.untrusted.
load_untrusted_yaml` bounds its size, depth and items and refuses anchors, aliases and tags;
then every field is checked here and every mistake is named with its line (libyaml's node
marks) in both languages. The result is a frozen :class:`Playlist`; no widgets here.

Each step names a page and a state on it (a preset, parameters, the reforms ticked), an
optional state ``compare`` to pin as A, a title, a question for the room, its expected
answers, speaker notes, the model figures a trainer should see (``figures``, each written as
the notes quote it; tests/test_playlist.py checks them against the model) and, kept apart,
what the article itself says (``article``, cited by section and phrase).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache
from typing import Any
from urllib.parse import urlencode

import yaml

from explainer.datafiles import data_file
from explainer.untrusted import (
    LIMITS,
    InputRefused,
    decode_file,
    echo,
    load_untrusted_yaml,
    size_limit_values,
)

PLAYLIST_FORMAT = 1
PAGES = ("night", "unit", "fit", "reforms")
TOP_KEYS = ("explainer_playlist", "id", "title", "minutes", "summary", "steps")
STATE_KEYS = ("page", "preset", "parameters", "reforms")
STEP_KEYS = (
    *STATE_KEYS,
    *("compare", "title", "question", "answers", "notes", "figures", "article", "minutes"),
)
FIGURE_KEYS = ("metric", "shows", "side")
SIDES = ("b", "a", "status_quo", "reform")
MAX_STEPS = 60
MAX_TEXT = 4000  # characters of one text (notes are the longest)
MAX_ANSWERS = 12
MAX_FIGURES = 16
_METRIC = re.compile(r"[a-z_][a-z0-9_]{0,39}(\.[a-z_][a-z0-9_]{0,39}){0,2}")
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")


@dataclass(frozen=True)
class Text:
    """A text in both languages (a trainer may write one string for both)."""

    zh: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class State:
    """A dashboard state: the page, its preset, parameters (as written in a URL) and reforms."""

    page: str
    preset: str = ""
    parameters: tuple[tuple[str, str], ...] = ()
    reforms: tuple[str, ...] = ()

    def query(self, lang: str = "") -> str:
        """The URL query that puts a dashboard of ``page`` in this state."""
        pairs = [("preset", self.preset)] if self.preset else []
        pairs += list(self.parameters)
        pairs += [("reforms", ",".join(self.reforms))] if self.reforms else []
        pairs += [("lang", lang)] if lang else []
        return urlencode(pairs)

    def scenario(self) -> Any:
        """The scenario this state describes (preset overrides, then the parameters)."""
        from explainer.presets import presets
        from explainer.spec import registry

        base = dict(presets()[self.preset].overrides) if self.preset else {}
        return registry().build({**base, **dict(self.parameters)})


@dataclass(frozen=True)
class ExpectedFigure:
    """A model figure the notes quote: ``shows`` is the text as quoted (``62``, ``23:47``,
    ``12.5%``); ``side`` is ``a`` (the pinned state), ``b``, ``status_quo`` or ``reform``."""

    metric: str
    shows: str
    side: str = "b"


@dataclass(frozen=True)
class Step:
    state: State
    title: Text
    question: Text
    notes: Text
    answers: tuple[Text, ...] = ()
    compare: State | None = None
    figures: tuple[ExpectedFigure, ...] = ()
    article: Text | None = None
    minutes: int = 0


@dataclass(frozen=True)
class Playlist:
    id: str
    title: Text
    steps: tuple[Step, ...]
    minutes: int = 0
    summary: Text | None = None


@dataclass(frozen=True)
class PlaylistProblem:
    """One mistake: a ``data/locales`` key, its values, and the line it is on (0: unknown)."""

    key: str
    values: Mapping[str, Any] = field(default_factory=dict)
    line: int = 0
    detail: Any = None  # an explainer.spec.Problem about a parameter, shown after the text

    def message(self, lang: str) -> str:
        from explainer.i18n import t

        text = t(self.key, lang, **self.values)  # type: ignore[arg-type]
        if self.detail is not None:
            text += " " + self.detail.message(lang)
        if self.line:
            text = t("playlist_at_line", lang, line=self.line, text=text)  # type: ignore[arg-type]
        return text


class PlaylistError(ValueError):
    """A playlist refused, with every problem found (each naming its line)."""

    def __init__(self, problems: list[PlaylistProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(p.message("en") for p in problems[:5]))

    def messages(self, lang: str) -> list[str]:
        """The messages in ``lang``, at most ``LIMITS.max_problems`` then how many more."""
        from explainer.i18n import t
        from explainer.untrusted import LIMITS

        shown = [p.message(lang) for p in self.problems[: LIMITS.max_problems]]
        more = len(self.problems) - LIMITS.max_problems
        if more > 0:
            shown.append(t("problems_more", lang, n=f"{more:,}"))  # type: ignore[arg-type]
        return shown


# ---------------------------------------------------------------------- lines
Path_ = tuple[Any, ...]


def line_map(text: str) -> dict[Path_, int]:
    """The line of every value in a document already read by ``load_untrusted_yaml``.

    Keys are paths (``("steps", 2, "page")``); a mapping's key is found at the line of its
    value. The tree has no aliases (they were refused), so composing it is cheap.
    """
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    root = yaml.compose(text, Loader=base)
    lines: dict[Path_, int] = {}
    todo: list[tuple[Path_, Any]] = [((), root)] if root is not None else []
    while todo:
        path, node = todo.pop()
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            todo += [((*path, k.value), v) for k, v in node.value if isinstance(k, yaml.ScalarNode)]
        elif isinstance(node, yaml.SequenceNode):
            todo += [((*path, i), v) for i, v in enumerate(node.value)]
    return lines


# ---------------------------------------------------------------------- reading
def parse_playlist(text: str) -> Playlist:
    """A playlist from YAML text; raises :class:`PlaylistError` naming every mistake."""
    try:
        if len(text) > LIMITS.max_file_bytes:  # e.g. a file kept in the browser, sent back
            raise InputRefused("file_too_large", size_limit_values(len(text.encode())))
        document = load_untrusted_yaml(text)  # its messages name their own line
    except InputRefused as refusal:
        return _raise([PlaylistProblem(refusal.key, refusal.values)])
    reader = _Reader(line_map(text))
    playlist = reader.playlist(document)
    if reader.problems or playlist is None:
        return _raise(reader.problems)
    return playlist


def parse_playlist_file(content: bytes | None, size: int = -1) -> Playlist:
    """A playlist from a file's bytes (``None`` when the browser kept back a file too large)."""
    try:
        if content is None:
            raise InputRefused("file_too_large", size_limit_values(size))
        text = decode_file(content)
    except InputRefused as refusal:
        return _raise([PlaylistProblem(refusal.key, refusal.values)])
    return parse_playlist(text)


def _raise(problems: list[PlaylistProblem]) -> Playlist:
    raise PlaylistError(problems or [PlaylistProblem("file_internal")])


@cache
def ready_made() -> dict[str, Playlist]:
    """The ready-made playlists in ``data/playlists``, by id (their mistakes raise)."""
    folder = data_file("playlists")  # a resource of explainer.data: also when installed
    found = {}
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".yaml"):
            continue
        playlist = parse_playlist(path.read_text(encoding="utf-8"))
        found[playlist.id] = playlist
    return found


class _Reader:
    """Checks a loaded document field by field, collecting problems with their lines."""

    def __init__(self, lines: Mapping[Path_, int]) -> None:
        self.lines = lines
        self.problems: list[PlaylistProblem] = []

    def problem(self, path: Path_, key: str, **values: Any) -> None:
        line = next(
            (self.lines[path[:n]] for n in range(len(path), -1, -1) if path[:n] in self.lines), 0
        )
        self.problems.append(PlaylistProblem(key, values, line))

    def detail(self, path: Path_, spec_problem: Any) -> None:
        line = self.lines.get(path, self.lines.get(path[:-1], 0))
        self.problems.append(PlaylistProblem("playlist_bad_value", {}, line, spec_problem))

    # -- fields
    def mapping(self, value: Any, path: Path_, known: tuple[str, ...]) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.problem(path, "playlist_not_mapping", where=_where(path))
            return None
        for key in value:
            if not isinstance(key, str) or key not in known:
                self.problem(
                    (*path, key), "playlist_unknown_field", name=echo(key), known=", ".join(known)
                )
        return value

    def text(self, value: Any, path: Path_, required: bool = True) -> Text | None:
        if value is None and not required:
            return None
        if isinstance(value, str):
            value = {"zh": value, "en": value}
        if not isinstance(value, dict) or set(value) != {"zh", "en"}:
            self.problem(path, "playlist_not_text", where=_where(path))
            return None
        if not all(isinstance(v, str) and v.strip() for v in value.values()):
            self.problem(path, "playlist_not_text", where=_where(path))
            return None
        if max(len(v) for v in value.values()) > MAX_TEXT:
            self.problem(path, "playlist_text_long", where=_where(path), limit=f"{MAX_TEXT:,}")
            return None
        return Text(zh=value["zh"], en=value["en"])

    def minutes(self, value: Any, path: Path_) -> int:
        if value is None:
            return 0
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 600:
            self.problem(path, "playlist_bad_minutes", found=echo(value))
            return 0
        return value

    def playlist(self, document: Any) -> Playlist | None:
        top = self.mapping(document, (), TOP_KEYS)
        if top is None:
            return None
        version = top.get("explainer_playlist")
        if version != PLAYLIST_FORMAT or isinstance(version, bool):
            self.problem(
                ("explainer_playlist",),
                "playlist_format",
                found=echo(version),
                supported=PLAYLIST_FORMAT,
            )
        pid = top.get("id", "custom")
        if not isinstance(pid, str) or not ID_PATTERN.fullmatch(pid):
            self.problem(("id",), "playlist_bad_id", found=echo(pid))
        title = self.text(top.get("title"), ("title",))
        summary = self.text(top.get("summary"), ("summary",), required=False)
        minutes = self.minutes(top.get("minutes"), ("minutes",))
        steps = top.get("steps")
        if not isinstance(steps, list) or not steps:
            self.problem(("steps",), "playlist_no_steps")
            return None
        if len(steps) > MAX_STEPS:
            self.problem(("steps",), "playlist_many_steps", n=f"{len(steps):,}", limit=MAX_STEPS)
            return None
        read = [self.step(s, ("steps", i)) for i, s in enumerate(steps)]
        if self.problems or title is None:
            return None
        return Playlist(pid, title, tuple(s for s in read if s), minutes, summary)

    def step(self, value: Any, path: Path_) -> Step | None:
        step = self.mapping(value, path, STEP_KEYS)
        if step is None:
            return None
        state = self.state(step, path)
        compare = None
        if "compare" in step:
            inner = self.mapping(step["compare"], (*path, "compare"), STATE_KEYS)
            compare = self.state(inner, (*path, "compare")) if inner is not None else None
            if state is not None and state.page == "reforms":
                self.problem((*path, "compare"), "playlist_no_compare_here")
            elif state and compare and compare.page != state.page:
                self.problem((*path, "compare", "page"), "playlist_compare_page", page=state.page)
        title = self.text(step.get("title"), (*path, "title"))
        question = self.text(step.get("question"), (*path, "question"))
        notes = self.text(step.get("notes"), (*path, "notes"))
        article = self.text(step.get("article"), (*path, "article"), required=False)
        answers = self.texts(step.get("answers", []), (*path, "answers"))
        figures = self.figures(step.get("figures", []), (*path, "figures"))
        minutes = self.minutes(step.get("minutes"), (*path, "minutes"))
        if None in (state, title, question, notes):
            return None
        return Step(state, title, question, notes, answers, compare, figures, article, minutes)  # type: ignore[arg-type]

    def texts(self, value: Any, path: Path_) -> tuple[Text, ...]:
        if not isinstance(value, list) or len(value) > MAX_ANSWERS:
            self.problem(path, "playlist_bad_list", where=_where(path), limit=MAX_ANSWERS)
            return ()
        read = [self.text(v, (*path, i)) for i, v in enumerate(value)]
        return tuple(t for t in read if t is not None)

    def figures(self, value: Any, path: Path_) -> tuple[ExpectedFigure, ...]:
        if not isinstance(value, list) or len(value) > MAX_FIGURES:
            self.problem(path, "playlist_bad_list", where=_where(path), limit=MAX_FIGURES)
            return ()
        found = []
        for i, item in enumerate(value):
            entry = self.mapping(item, (*path, i), FIGURE_KEYS)
            if entry is None:
                continue
            metric, shows, side = entry.get("metric"), entry.get("shows"), entry.get("side", "b")
            if not isinstance(metric, str) or not _METRIC.fullmatch(metric):
                self.problem((*path, i, "metric"), "playlist_bad_metric", found=echo(metric))
            elif not isinstance(shows, (str, int, float)) or isinstance(shows, bool):
                self.problem((*path, i, "shows"), "playlist_bad_shows", found=echo(shows))
            elif side not in SIDES:
                self.problem(
                    (*path, i, "side"),
                    "playlist_bad_side",
                    found=echo(side),
                    known=", ".join(SIDES),
                )
            else:
                found.append(ExpectedFigure(metric, str(shows), side))
        return tuple(found)

    def state(self, entry: Mapping[str, Any], path: Path_) -> State | None:
        """The page, preset, parameters and reforms of a step (or of its ``compare``)."""
        from explainer.presets import presets_for

        page = entry.get("page")
        if not isinstance(page, str) or page not in PAGES:
            self.problem(
                (*path, "page"), "playlist_bad_page", found=echo(page), known=", ".join(PAGES)
            )
            return None
        preset = entry.get("preset") or ""
        known = presets_for(page)
        if not isinstance(preset, str) or (preset and preset not in known):
            self.problem(
                (*path, "preset"),
                "playlist_bad_preset",
                found=echo(preset),
                known=", ".join(known) or "-",
            )
            return None
        parameters = self.parameters(entry.get("parameters", {}), preset, (*path, "parameters"))
        reforms = self.reforms(entry.get("reforms", []), page, (*path, "reforms"))
        if parameters is None or reforms is None:
            return None
        return State(page, preset, parameters, reforms)

    def parameters(
        self, value: Any, preset: str, path: Path_
    ) -> tuple[tuple[str, str], ...] | None:
        from explainer.presets import presets
        from explainer.spec import registry

        if not isinstance(value, dict):
            self.problem(path, "playlist_not_mapping", where=_where(path))
            return None
        reg = registry()
        base = dict(presets()[preset].overrides) if preset else {}
        given = {k: v for k, v in value.items() if isinstance(k, str)}
        _, problems = reg.build_lenient({**base, **given})
        for spec_problem in problems:
            self.detail((*path, spec_problem.param), spec_problem)
        if problems or len(given) != len(value):
            if len(given) != len(value):
                self.problem(path, "playlist_not_mapping", where=_where(path))
            return None
        scenario = reg.build({**base, **given})
        return tuple((k, reg.params[k].display(getattr(scenario, k))) for k in given)

    def reforms(self, value: Any, page: str, path: Path_) -> tuple[str, ...] | None:
        from explainer.reforms import reforms

        if value in ([], None):
            return ()
        known = reforms()
        if page != "reforms" or not isinstance(value, list):
            self.problem(path, "playlist_bad_reforms", known=", ".join(known))
            return None
        bad = [(i, r) for i, r in enumerate(value) if not isinstance(r, str) or r not in known]
        for i, r in bad:
            self.problem(
                (*path, i), "playlist_unknown_reform", found=echo(r), known=", ".join(known)
            )
        return None if bad else tuple(value)


def _where(path: Path_) -> str:
    """``steps[3].notes`` for a path, as a message names it (a visitor's keys echoed)."""
    text = ""
    for part in path:
        text += (
            f"[{part + 1}]"
            if isinstance(part, int)
            else ("." if text else "") + echo(part).strip("'")
        )
    return text or "(top)"


# ---------------------------------------------------------------------- the model's figures
_FIT_NAMES = {"displaced_effort": "displaced"}  # the fit page's figure names (ui.fit)


@cache
def _result(state: State) -> Any:
    """The model's result for a state (the reform page: status quo against reform)."""
    if state.page == "reforms":
        from explainer.model.compare import compare
        from explainer.reforms import apply_reforms

        applied = apply_reforms(state.scenario(), list(state.reforms))
        return compare(applied.status_quo, applied.reformed).table().set_index("metric")
    from explainer.model import evaluate

    return evaluate(state.page, state.scenario())


def model_value(state: State, metric: str, side: str = "b") -> float:
    """The figure ``metric`` of the model for ``state`` (``side`` picks the reform page's
    column); raises ``KeyError`` for a metric the page does not have."""
    result = _result(state)
    if state.page == "reforms":
        column = side if side in ("status_quo", "reform") else "reform"
        if metric not in result.index:
            raise KeyError(metric)
        return float(result.loc[metric, column])
    if state.page == "fit" and metric.startswith("fit_"):
        rows = result.table.set_index("department")
        if metric[4:] not in rows.index:
            raise KeyError(metric)
        return float(rows.loc[metric[4:], "fit"])
    value = result
    for part in (_FIT_NAMES.get(metric, metric) if state.page == "fit" else metric).split("."):
        value = getattr(value, part, None)  # "study.days": a field of a part of the result
    if isinstance(value, bool) or not isinstance(value, (int, float, Fraction)):
        raise KeyError(metric)
    return float(value)


def step_value(step: Step, figure: ExpectedFigure) -> float:
    """The model's value of an expected figure of ``step`` (``side: a`` reads ``compare``)."""
    state = step.compare if figure.side == "a" and step.compare else step.state
    return model_value(state, figure.metric, figure.side)


_SHOWN = re.compile(r"^(-?[\d,]+(?:\.(\d+))?)(%?)$")


def shows_value(shows: str, value: float) -> bool:
    """Whether ``shows`` (as the notes quote it) is ``value`` rounded as written.

    ``23:47`` is a clock time (minutes after midnight, any day); ``12.5%`` a share; ``1,234``
    or ``62`` or ``0.42`` a number, right to the last digit written (half a unit either way).
    """
    clock = re.fullmatch(r"(\d{1,2}):(\d{2})", shows)
    if clock:
        minutes = int(clock[1]) * 60 + int(clock[2])
        return abs((value - minutes + 720) % 1440 - 720) <= 0.5 + 1e-9
    match = _SHOWN.fullmatch(shows.strip())
    if not match:
        return False
    number = float(match[1].replace(",", ""))
    scale = 100.0 if match[3] else 1.0
    half = 0.5 * 10 ** -len(match[2] or "")
    return abs(value * scale - number) <= half + 1e-9

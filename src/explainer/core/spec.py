"""Parameters as data: the registry declared in ``data/parameters.yaml`` and the ``Scenario``.

Each tunable is declared once (id, group, type, unit, range, default, labels, source). From
that declaration this module builds one immutable, validated pydantic model, ``Scenario``, and
reads and writes scenarios as URL queries and plain dictionaries. Any bad value — wrong type,
out of range, unknown name — becomes a :class:`Problem` that names the parameter and its allowed
range; :func:`Registry.build` raises them together as a :class:`ScenarioError`, while
:func:`Registry.build_lenient` keeps the defaults for the bad values and returns the problems so
that a page can show them and carry on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Annotated, Any, Literal
from urllib.parse import parse_qsl, urlencode

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    create_model,
    model_validator,
)

from explainer.core.datafiles import load_yaml_text as load_yaml_text  # re-exported
from explainer.core.datafiles import read_yaml
from explainer.core.i18n import LANGUAGES, Lang, strings, t
from explainer.core.untrusted import LIMITS, echo

ParamType = Literal["int", "float", "bool", "choice", "clock", "date"]


# ----------------------------------------------------------------------------- clock values
#: The documented written forms: ASCII digits only (``str.isdigit`` and ``int`` would also
#: take Arabic-Indic "٢٣:٠٠" or superscript digits, and ``int`` raises its own text on them).
_CLOCK = re.compile(r"([0-9]{1,2}):([0-9]{2})")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: Problem codes (``problem_<code>`` in data/locales) of a clock time or a date not written
#: in its documented form.
NOT_A_CLOCK = "not_a_clock"
NOT_A_DATE = "not_a_date"
NO_SUCH_DATE = "no_such_date"


class ProblemError(ValueError):
    """A value refused for a reason of the project's own: a problem code (the strings file's
    ``problem_<code>``) and its values. Its text is the English one; pages translate the code.

    Validators raise it; :func:`_reason` reads the code back from pydantic's error, so a
    visitor only ever sees the project's own words, in the page's language.
    """

    def __init__(self, code: str, **values: Any) -> None:
        self.code, self.values = code, values
        super().__init__(t(f"problem_{code}", "en", **values))


def parse_clock(value: Any) -> int:
    """``"21:30"`` → 1290 minutes after midnight; integers pass through; ``"24:00"`` is 1440.

    Text must be ``H:MM`` or ``HH:MM`` in ASCII digits; integers (minutes) are what the model
    itself stores and passes back.
    """
    if isinstance(value, bool):
        raise ProblemError(NOT_A_CLOCK)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dt.time):
        return value.hour * 60 + value.minute
    if isinstance(value, str):
        found = _CLOCK.fullmatch(value.strip())
        if found and int(found[2]) < 60:
            return int(found[1]) * 60 + int(found[2])
    raise ProblemError(NOT_A_CLOCK)


def parse_date(value: Any) -> dt.date:
    """``"2020-08-29"`` (ASCII digits) or a ``date``; no datetimes, no epoch seconds."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _DATE.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:  # e.g. 2021-02-30: Python's own text would not name the field
            raise ProblemError(NO_SUCH_DATE) from None
    raise ProblemError(NOT_A_DATE)


def format_clock(minutes: float) -> str:
    """Minutes after midnight (may exceed 24 h) → ``"HH:MM"`` on a 24-hour clock, rounded."""
    total = int(round(minutes)) % (24 * 60)
    return f"{total // 60:02d}:{total % 60:02d}"


# ----------------------------------------------------------------------------- declarations
class _Declared(BaseModel):
    """Validates the YAML declaration itself, so a broken parameters file fails loudly."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    group: str
    role: Literal["policy", "people"]
    type: ParamType
    unit: dict[str, str] | None = None
    min: Any = None
    max: Any = None
    step: float | None = None
    default: Any
    choices: dict[str, dict[str, str]] | None = None
    label: dict[str, str]
    help: dict[str, str]
    source: dict[str, Any]  # where the mechanism comes from
    number_source: dict[str, Any]  # where the default number (or setting) comes from
    range: dict[str, Any] | None = None  # an assumption's plausible range (issue 14)

    @model_validator(mode="after")
    def _complete(self) -> _Declared:
        for lang in LANGUAGES:
            if not self.label.get(lang) or not self.help.get(lang):
                raise ValueError(f"{self.id}: label and help need both zh and en")
        if self.type in ("int", "float", "clock", "date") and (
            self.min is None or self.max is None
        ):
            raise ValueError(f"{self.id}: a {self.type} parameter needs min and max")
        if self.type == "choice" and not self.choices:
            raise ValueError(f"{self.id}: a choice parameter needs choices")
        check_source(self.source, self.id)
        check_source(self.number_source, f"{self.id} (number)")
        if "seed" in self.number_source and "value_assumed" in self.number_source["seed"]:
            raise ValueError(f"{self.id}: an assumed number is an assumption number_source")
        check_range(self)
        return self


@dataclass(frozen=True)
class ParamSpec:
    """One declared parameter, with its range converted to the type the model uses."""

    id: str
    group: str
    role: Literal["policy", "people"]
    type: ParamType
    default: Any
    label: Mapping[str, str]
    help: Mapping[str, str]
    source: Mapping[str, Any]
    unit: Mapping[str, str] = field(default_factory=dict)
    min: Any = None
    max: Any = None
    step: float | None = None
    choices: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    #: Where the default number comes from (``source`` says where the mechanism comes from).
    number_source: Mapping[str, Any] = field(default_factory=dict)
    #: An assumption's plausible range (``role: people`` only; issue 14).
    plausible: PlausibleRange | None = None

    @property
    def mechanism_source(self) -> Mapping[str, Any]:
        """Where the mechanism comes from (the declaration's ``source``)."""
        return self.source

    def display(self, value: Any) -> str:
        """A value as a person reads it (and as the URL query writes it)."""
        if self.type == "clock":
            return format_clock(value)
        if self.type == "date":
            return value.isoformat()
        if self.type == "bool":
            return "true" if value else "false"
        if self.type == "float":
            return f"{value:.15g}"  # round-trips any float a person can type
        return str(value)

    def allowed(self, lang: Lang = "en") -> str:
        """The allowed values in words, e.g. ``"0 to 15 apps"``."""
        if self.type == "bool":
            return t("allowed_bool", lang)
        if self.type == "choice":
            return t("allowed_choice", lang, names=", ".join(self.choices))
        unit = f" {self.unit.get(lang, '')}" if self.unit and self.type != "clock" else ""
        low, high = self.display(self.min), self.display(self.max)
        return t("allowed_range", lang, low=low, high=high, unit=unit)


@dataclass(frozen=True)
class Problem:
    """A value that could not be used, and why, naming the parameter and its allowed range."""

    param: str
    value: Any
    #: A problem code: message() shows data/locales' ``problem_<reason>`` in the page language.
    reason: str
    #: One text per language, or text that is the same in every language (e.g. a list of ids).
    allowed: str | Mapping[str, str] = ""
    kept: bool = False  # True when the value was used all the same (e.g. the first of two)
    #: A whole-input problem: a data/locales key and its values (instead of ``reason``) …
    code: str = ""
    values: Mapping[str, Any] = field(default_factory=dict)
    #: … followed by the problems it sums up (at most LIMITS.max_problems are listed).
    details: tuple[Problem, ...] = ()

    def __post_init__(self) -> None:
        if not self.code and f"problem_{self.reason}" not in strings("en"):
            raise ValueError(f"unknown problem code {self.reason!r} (data/locales problem_*)")

    def message(self, lang: Lang = "en") -> str:
        """``n_apps = 99: out of range (allowed: 0 to 15 apps)``, in ``lang``.

        A visitor's value (and name) is shortened and cleaned by
        :func:`explainer.core.untrusted.echo`; the caller still escapes it for HTML.
        """
        if self.code:
            text = t(self.code, lang, **self.values)
            if not self.details:
                return text
            return f"{text} {'; '.join(bounded_messages(self.details, lang))}"
        reason = t(f"problem_{self.reason}", lang)
        if isinstance(self.param, str) and self.param == "":  # e.g. a whole file
            return reason
        value = self.value.isoformat() if isinstance(self.value, dt.date) else self.value
        shown = echo(value)
        name = self.param if isinstance(self.param, str) else echo(self.param)
        name = name if name.isidentifier() and len(name) <= LIMITS.max_echo else echo(name)
        text = f"{name} = {shown}: {reason}"
        allowed = self.allowed.get(lang, "") if isinstance(self.allowed, Mapping) else self.allowed
        if not allowed:
            return text
        note = t("problem_allowed", lang, allowed=allowed)
        return f"{text} ({note})"


def bounded_messages(problems: Iterable[Problem], lang: Lang) -> list[str]:
    """The first ``LIMITS.max_problems`` messages, then "and N more" for the rest."""
    problems = list(problems)
    shown = [p.message(lang) for p in problems[: LIMITS.max_problems]]
    if len(problems) > LIMITS.max_problems:
        shown.append(t("problems_more", lang, n=f"{len(problems) - LIMITS.max_problems:,}"))
    return shown


def in_languages(key: str, **values: Any) -> dict[str, str]:
    """One strings-file entry in every language, e.g. a problem's allowed values."""
    return {lang: t(key, lang, **values) for lang in LANGUAGES}


class ScenarioError(ValueError):
    """Raised by :meth:`Registry.build` with every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("; ".join(bounded_messages(self.problems, "en")))


# ----------------------------------------------------------------------------- registry
def _no_bool(value: Any) -> Any:
    if isinstance(value, bool):
        raise ProblemError("not_a_number")
    return value


def _field_type(spec: ParamSpec) -> Any:
    if spec.type == "int":
        return Annotated[int, BeforeValidator(_no_bool), Field(ge=spec.min, le=spec.max)]
    if spec.type == "float":
        return Annotated[
            float, BeforeValidator(_no_bool), Field(ge=spec.min, le=spec.max, allow_inf_nan=False)
        ]
    if spec.type == "bool":
        return bool
    if spec.type == "choice":
        return Literal[tuple(spec.choices)]  # type: ignore[misc]
    if spec.type == "clock":
        low = spec.min

        def late_clock(value: Any) -> int:
            # A range that runs past midnight (e.g. 22:00-03:00) reads 01:00 as 25:00.
            minutes = parse_clock(value)
            return minutes + 24 * 60 if spec.max > 24 * 60 and minutes < low else minutes

        return Annotated[int, BeforeValidator(late_clock), Field(ge=spec.min, le=spec.max)]
    return Annotated[dt.date, BeforeValidator(parse_date), Field(ge=spec.min, le=spec.max)]


def _convert_bound(kind: ParamType, value: Any) -> Any:
    if value is None:
        return None
    if kind == "clock":
        return parse_clock(value)
    if kind == "date":
        return dt.date.fromisoformat(str(value))
    return value


class _ScenarioBase(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    @model_validator(mode="after")
    def _window_order(self) -> _ScenarioBase:
        start, end = getattr(self, "window_start", None), getattr(self, "window_end", None)
        if start is not None and end is not None and end < start:
            raise ProblemError("window_order")
        return self


@dataclass(frozen=True)
class Registry:
    """All declared parameters, their groups, and the ``Scenario`` model built from them."""

    params: Mapping[str, ParamSpec]
    groups: Mapping[str, Mapping[str, str]]
    scenario_type: type[BaseModel]

    # -- building scenarios
    def default(self) -> BaseModel:
        return self.scenario_type()

    def build(self, values: Mapping[str, Any] | None = None, **overrides: Any) -> BaseModel:
        """A validated scenario: defaults, then ``values``, then ``overrides``.

        Raises :class:`ScenarioError` listing every bad value.
        """
        raw = {**(values or {}), **overrides}
        problems = self._unknown(raw)
        if problems:
            raise ScenarioError(problems)
        try:
            return self.scenario_type(**raw)
        except ValidationError as error:
            raise ScenarioError(self._problems(error, raw)) from None

    def build_lenient(self, values: Mapping[str, Any]) -> tuple[BaseModel, list[Problem]]:
        """Like :meth:`build`, but bad values are dropped (their defaults stand) and returned."""
        raw = dict(values)
        problems = self._unknown(raw)
        for problem in problems:
            raw.pop(problem.param, None)
        for _ in range(len(raw) + 1):
            try:
                return self.scenario_type(**raw), problems
            except ValidationError as error:
                found = self._problems(error, raw)
                dropped = {p.param for p in found} & raw.keys()
                if not dropped:  # the window check: drop the end of it that was given
                    given = [k for k in ("window_end", "window_start") if k in raw]
                    if not given:
                        return self.default(), problems + found
                    dropped = {given[0]}
                    found = [replace(p, param=given[0], value=raw[given[0]]) for p in found]
                problems.extend(found)
                for name in dropped:
                    raw.pop(name)
        return self.default(), problems  # pragma: no cover - the loop always returns

    def replace(self, scenario: BaseModel, **changes: Any) -> BaseModel:
        """A copy of ``scenario`` with ``changes``, validated (model_copy would not validate)."""
        return self.build(self.to_values(scenario), **changes)

    # -- plain values, URL queries
    def to_values(self, scenario: BaseModel) -> dict[str, Any]:
        return {name: getattr(scenario, name) for name in self.params}

    def to_plain(self, scenario: BaseModel, only_changed: bool = False) -> dict[str, str | Any]:
        """Values as written in a URL or a scenario file (clock as HH:MM, dates ISO)."""
        default = self.default()
        out: dict[str, Any] = {}
        for name, spec in self.params.items():
            value = getattr(scenario, name)
            if only_changed and value == getattr(default, name):
                continue
            out[name] = spec.display(value) if spec.type in ("clock", "date") else value
        return out

    def to_query(self, scenario: BaseModel) -> str:
        """The URL query that restores ``scenario`` (only values that differ from defaults)."""
        plain = self.to_plain(scenario, only_changed=True)
        return urlencode({k: self.params[k].display(getattr(scenario, k)) for k in plain})

    def from_query(self, query: str, ignore: Iterable[str] = ()) -> tuple[BaseModel, list[Problem]]:
        """Parse a URL query (``"n_apps=3&wake_time=07:00"``) leniently.

        Keys in ``ignore`` (e.g. ``preset``, ``lang``) are left for the caller. A key given
        twice is a problem rather than a silent choice between the two values.
        """
        skip = set(ignore)
        raw: dict[str, Any] = {}
        problems: list[Problem] = []
        for key, value in parse_qsl(query.lstrip("?"), keep_blank_values=True):
            if key in skip:
                continue
            if key in raw:
                problems.append(Problem(key, value, "duplicate", kept=True))
                continue
            raw[key] = value
        scenario, more = self.build_lenient(raw)
        return scenario, problems + more

    # -- problems
    def _unknown(self, raw: Mapping[str, Any]) -> list[Problem]:
        return [
            Problem(name, value, "unknown_parameter", in_languages("problem_see_parameters"))
            for name, value in raw.items()
            if name not in self.params
        ]

    def _problems(self, error: ValidationError, raw: Mapping[str, Any]) -> list[Problem]:
        problems = []
        for item in error.errors():
            if not item["loc"]:  # the cross-field check of the study window
                value = raw.get("window_end", self.params["window_end"].default)
                allowed = in_languages("problem_window_allowed")
                problems.append(Problem("window_end", value, _reason(item), allowed))
                continue
            name = str(item["loc"][0])
            spec = self.params.get(name)
            value = raw.get(name, item.get("input"))
            allowed = {lang: spec.allowed(lang) for lang in LANGUAGES} if spec else ""
            problems.append(Problem(name, value, _reason(item), allowed))
        return problems


def _reason(item: Mapping[str, Any]) -> str:
    """The problem code of one pydantic error: only the project's own reasons pass through.

    A validator's :class:`ProblemError` keeps its code; anything else (pydantic's or Python's
    own words, such as "invalid literal for int() with base 10") becomes ``invalid``.
    """
    kind = str(item.get("type", ""))
    if kind in ("greater_than_equal", "less_than_equal"):
        return "out_of_range"
    error = (item.get("ctx") or {}).get("error")
    return error.code if isinstance(error, ProblemError) else "invalid"


def _read_yaml(name: str) -> Any:
    """One file of ``data/`` (:func:`explainer.core.datafiles.read_yaml`)."""
    return read_yaml(name)


def _make_registry(document: Mapping[str, Any]) -> Registry:
    groups = document["groups"]
    params: dict[str, ParamSpec] = {}
    for entry in document["parameters"]:
        declared = _Declared.model_validate(entry)
        low = _convert_bound(declared.type, declared.min)
        high = _convert_bound(declared.type, declared.max)
        default = _convert_bound(declared.type, declared.default)
        if declared.type == "clock" and high < low:  # the range runs past midnight
            high += 24 * 60
            default += 24 * 60 if default < low else 0
        if declared.id in params:
            raise ValueError(f"parameter {declared.id} is declared twice")
        if declared.group not in groups:
            raise ValueError(f"{declared.id}: unknown group {declared.group}")
        params[declared.id] = ParamSpec(
            id=declared.id,
            group=declared.group,
            role=declared.role,
            type=declared.type,
            default=default,
            label=declared.label,
            help=declared.help,
            source=declared.source,
            number_source=declared.number_source,
            unit=declared.unit or {},
            min=low,
            max=high,
            step=declared.step,
            choices=declared.choices or {},
            plausible=plausible_range(declared, low, high),
        )
    fields = {name: (_field_type(spec), spec.default) for name, spec in params.items()}
    scenario_type = create_model("Scenario", __base__=_ScenarioBase, **fields)  # type: ignore[call-overload]
    scenario_type(**{})  # the declared defaults must themselves be valid
    return Registry(params=params, groups=groups, scenario_type=scenario_type)


@cache
def registry() -> Registry:
    """The registry declared in ``data/parameters.yaml`` (loaded once per process)."""
    return _make_registry(_read_yaml("parameters.yaml"))


@cache
def sources() -> Mapping[str, Any]:
    """``data/sources.yaml``: the seed article's sections and the outside references."""
    return _read_yaml("sources.yaml")


def check_source(source: Mapping[str, Any], owner: str) -> None:
    """A source must be the seed (known section + phrase), a known reference, or an assumption."""
    if not isinstance(source, Mapping) or len(source) != 1:
        raise ValueError(f"{owner}: source must be exactly one of seed, ref or assumption")
    kind, value = next(iter(source.items()))
    if kind == "seed":
        sections = sources()["seed"]["sections"]
        if not isinstance(value, Mapping) or value.get("section") not in sections:
            raise ValueError(f"{owner}: seed source needs a section among {sorted(sections)}")
        if not str(value.get("phrase", "")).strip():
            raise ValueError(f"{owner}: seed source needs a short phrase of the article")
        if set(value) - {"section", "phrase", "value_assumed", "note"}:
            raise ValueError(f"{owner}: a seed source has section, phrase, note, value_assumed")
        if "note" in value:
            check_bilingual(value["note"], owner, "a source's note")
    elif kind == "ref":
        if value not in sources() or value == "seed":
            raise ValueError(f"{owner}: unknown reference {value!r} (see data/sources.yaml)")
        title = sources()[value].get("title")
        if isinstance(title, Mapping):
            check_bilingual(title, f"sources.yaml {value}", "title")
        elif not str(title or "").strip():
            raise ValueError(f"sources.yaml {value}: a reference needs a title")
    elif kind == "assumption":
        # Free text is shown on pages of both languages: {zh, en}, both non-empty (issue 16).
        check_bilingual(value, owner, "an assumption (why, and the plausible range)")
    else:
        raise ValueError(f"{owner}: source must be one of seed, ref or assumption, not {kind}")


# ----------------------------------------------------------------------------- plausible ranges
@dataclass(frozen=True)
class PlausibleRange:
    """How far an assumption may plausibly lie from its default, and why (issue 14).

    One of three kinds: ``bounds`` (``low``-``high`` in the model's own units, clocks in
    minutes after midnight), ``choices`` (the settings that are all plausible) or ``fixed``
    (not varied, with ``reason`` saying why: e.g. the unit's size is which unit one looks at).
    No source here gives a distribution, so a range is bounds only, never a probability.
    """

    kind: Literal["bounds", "choices", "fixed"]
    low: Any = None
    high: Any = None
    choices: tuple[str, ...] = ()
    source: Mapping[str, Any] = field(default_factory=dict)  # seed, ref or assumption
    reason: Mapping[str, str] = field(default_factory=dict)  # for ``fixed``: why not varied


def check_range(declared: _Declared) -> None:
    """An assumption (``people``) declares its plausible range; a rule (``policy``) does not."""
    found = declared.range
    if declared.role == "policy":
        if found is not None:
            raise ValueError(f"{declared.id}: a policy rule is the user's choice: no range")
        return
    if not isinstance(found, Mapping):
        raise ValueError(f"{declared.id}: an assumption (people) needs its plausible range")
    if set(found) == {"fixed"}:
        check_bilingual(found["fixed"], declared.id, "a fixed range's reason")
        return
    if "source" not in found:
        raise ValueError(f"{declared.id}: a range needs its source (seed, ref or assumption)")
    check_source(found["source"], f"{declared.id} (range)")
    if declared.type == "choice":
        listed = found.get("choices")
        if set(found) != {"choices", "source"} or not listed:
            raise ValueError(f"{declared.id}: a choice's range is choices and source")
        if set(listed) - set(declared.choices or {}):
            raise ValueError(f"{declared.id}: range choices must be among the choices")
        return
    if set(found) != {"low", "high", "source"} or declared.type not in ("int", "float", "clock"):
        raise ValueError(f"{declared.id}: a range is low, high and source (int, float, clock)")


def plausible_range(declared: _Declared, low: Any, high: Any) -> PlausibleRange | None:
    """The declared range in the model's units; ends outside min-max or reversed are refused."""
    found = declared.range
    if found is None:
        return None
    if "fixed" in found:
        return PlausibleRange("fixed", reason=found["fixed"])
    if "choices" in found:
        return PlausibleRange("choices", choices=tuple(found["choices"]), source=found["source"])
    start = _convert_bound(declared.type, found["low"])
    end = _convert_bound(declared.type, found["high"])
    if declared.type == "clock" and high > 24 * 60:  # the parameter's range runs past midnight
        start += 24 * 60 if start < low else 0
        end += 24 * 60 if end < low else 0
    if isinstance(start, bool) or isinstance(end, bool) or not low <= start <= end <= high:
        raise ValueError(f"{declared.id}: a range must lie within min-max, low <= high")
    return PlausibleRange("bounds", low=start, high=end, source=found["source"])


def check_bilingual(text: Mapping[str, str] | None, owner: str, what: str) -> None:
    """Text shown to people must exist, non-empty, in both languages."""
    if not isinstance(text, Mapping) or any(not str(text.get(k, "")).strip() for k in LANGUAGES):
        raise ValueError(f"{owner}: {what} needs non-empty zh and en")


def bilingual(text: str | Mapping[str, str], lang: Lang) -> str:
    """``text`` in ``lang``: a ``{zh, en}`` mapping, or one string that reads the same in both
    (a name, such as a paper's own title)."""
    return str(text[lang]) if isinstance(text, Mapping) else str(text)


def seed_section(section: str, lang: Lang) -> str:
    """How a section of the seed article is cited: “第1节（导语）” / “section 1 (lede)”."""
    title = sources()["seed"]["sections"].get(section, section)
    return t("seed_section", lang, n=section[1:], title=bilingual(title, lang))


def article_citation(lang: Lang) -> str:
    """The seed article as exports cite it: outlet and date, in ``lang``."""
    seed = sources()["seed"]
    return f"{bilingual(seed['outlet'], lang)} {seed['date']}"


def describe_source(source: Mapping[str, Any], lang: Lang = "en") -> str:
    """A parameter's or preset's source as one short line of text, all in ``lang``."""
    if "seed" in source:
        seed = source["seed"]
        section = seed_section(seed["section"], lang)
        text = t(
            "source_seed",
            lang,
            citation=article_citation(lang),
            section=section,
            phrase=seed["phrase"],
        )
        if "value_assumed" in seed:
            text += t("source_value_assumed", lang, value=seed["value_assumed"])
        if "note" in seed:
            text += t("source_note", lang, note=bilingual(seed["note"], lang))
        return text
    if "ref" in source:
        return bilingual(sources()[source["ref"]]["title"], lang)
    return t("source_assumption", lang, text=bilingual(source["assumption"], lang))

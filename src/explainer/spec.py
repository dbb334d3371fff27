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
from importlib import resources
from typing import Annotated, Any, Literal, get_args
from urllib.parse import parse_qsl, urlencode

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    create_model,
    model_validator,
)

from explainer.untrusted import LIMITS, echo

ParamType = Literal["int", "float", "bool", "choice", "clock", "date"]
Lang = Literal["zh", "en"]
LANGUAGES: tuple[Lang, ...] = get_args(Lang)  # the UI languages, in the order shown


# ----------------------------------------------------------------------------- clock values
#: The documented written forms: ASCII digits only (``str.isdigit`` and ``int`` would also
#: take Arabic-Indic "٢٣:٠٠" or superscript digits, and ``int`` raises its own text on them).
_CLOCK = re.compile(r"([0-9]{1,2}):([0-9]{2})")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
NOT_A_CLOCK = "expected a time of day written HH:MM in digits 0-9, such as 21:30"
NOT_A_DATE = "expected a date written YYYY-MM-DD in digits 0-9, such as 2020-08-29"
NO_SUCH_DATE = "no such day in the calendar"


def parse_clock(value: Any) -> int:
    """``"21:30"`` → 1290 minutes after midnight; integers pass through; ``"24:00"`` is 1440.

    Text must be ``H:MM`` or ``HH:MM`` in ASCII digits; integers (minutes) are what the model
    itself stores and passes back.
    """
    if isinstance(value, bool):
        raise ValueError(NOT_A_CLOCK)
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
    raise ValueError(NOT_A_CLOCK)


def parse_date(value: Any) -> dt.date:
    """``"2020-08-29"`` (ASCII digits) or a ``date``; no datetimes, no epoch seconds."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _DATE.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:  # e.g. 2021-02-30: Python's own text would not name the field
            raise ValueError(NO_SUCH_DATE) from None
    raise ValueError(NOT_A_DATE)


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
            return "true or false" if lang == "en" else "true 或 false"
        if self.type == "choice":
            names = ", ".join(self.choices)
            return f"one of {names}" if lang == "en" else f"以下之一：{names}"
        unit = f" {self.unit.get(lang, '')}" if self.unit and self.type != "clock" else ""
        low, high = self.display(self.min), self.display(self.max)
        return f"{low} to {high}{unit}" if lang == "en" else f"{low} 至 {high}{unit}"


@dataclass(frozen=True)
class Problem:
    """A value that could not be used, and why, naming the parameter and its allowed range."""

    param: str
    value: Any
    reason: str  # in English; message() translates it through data/locales (problem_*)
    allowed: str | Mapping[str, str] = ""  # in words, or one text per language
    kept: bool = False  # True when the value was used all the same (e.g. the first of two)
    #: A whole-input problem: a data/locales key and its values (instead of ``reason``) …
    code: str = ""
    values: Mapping[str, Any] = field(default_factory=dict)
    #: … followed by the problems it sums up (at most LIMITS.max_problems are listed).
    details: tuple[Problem, ...] = ()

    def message(self, lang: Lang = "en") -> str:
        """``n_apps = 99: out of range (allowed: 0 to 15 apps)``, in ``lang``.

        A visitor's value (and name) is shortened and cleaned by
        :func:`explainer.untrusted.echo`; the caller still escapes it for HTML.
        """
        if self.code:
            from explainer.i18n import t  # here: explainer.i18n reads its files through us

            text = t(self.code, lang, **self.values)
            if not self.details:
                return text
            return f"{text} {'; '.join(bounded_messages(self.details, lang))}"
        reason = _in_language(self.reason, lang)
        if isinstance(self.param, str) and self.param == "":  # e.g. a whole file
            return reason
        value = self.value.isoformat() if isinstance(self.value, dt.date) else self.value
        shown = echo(value)
        name = self.param if isinstance(self.param, str) else echo(self.param)
        name = name if name.isidentifier() and len(name) <= LIMITS.max_echo else echo(name)
        text = f"{name} = {shown}: {reason}"
        if isinstance(self.allowed, Mapping):
            allowed = self.allowed.get(lang, "")
        else:
            allowed = _in_language(self.allowed, lang)
        if not allowed:
            return text
        return f"{text} ({_in_language('allowed: {allowed}', lang).format(allowed=allowed)})"


def bounded_messages(problems: Iterable[Problem], lang: Lang) -> list[str]:
    """The first ``LIMITS.max_problems`` messages, then "and N more" for the rest."""
    from explainer.i18n import t

    problems = list(problems)
    shown = [p.message(lang) for p in problems[: LIMITS.max_problems]]
    if len(problems) > LIMITS.max_problems:
        shown.append(t("problems_more", lang, n=f"{len(problems) - LIMITS.max_problems:,}"))
    return shown


def _in_language(english: str, lang: Lang) -> str:
    """A problem text in ``lang``: the ``problem_*`` string whose English is ``english``."""
    if lang == "en":
        return english
    from explainer.i18n import strings  # here: explainer.i18n reads its files through us

    for key, text in strings("en").items():
        if key.startswith("problem_") and text == english:
            return strings(lang)[key]
    return english  # free text (e.g. a YAML parser's message) stays as it is


class ScenarioError(ValueError):
    """Raised by :meth:`Registry.build` with every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("; ".join(bounded_messages(self.problems, "en")))


# ----------------------------------------------------------------------------- registry
def _no_bool(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("expected a number, not true/false")
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
            raise ValueError("window_end must not be before window_start")
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
                problems.append(
                    Problem(key, value, "given more than once; the first is used", kept=True)
                )
                continue
            raw[key] = value
        scenario, more = self.build_lenient(raw)
        return scenario, problems + more

    # -- problems
    def _unknown(self, raw: Mapping[str, Any]) -> list[Problem]:
        return [
            Problem(name, value, "unknown parameter", "see data/parameters.yaml")
            for name, value in raw.items()
            if name not in self.params
        ]

    def _problems(self, error: ValidationError, raw: Mapping[str, Any]) -> list[Problem]:
        problems = []
        for item in error.errors():
            if not item["loc"]:  # the cross-field check of the study window
                value = raw.get("window_end", self.params["window_end"].default)
                problems.append(
                    Problem("window_end", value, _reason(item), "on or after window_start")
                )
                continue
            name = str(item["loc"][0])
            spec = self.params.get(name)
            value = raw.get(name, item.get("input"))
            allowed = {lang: spec.allowed(lang) for lang in LANGUAGES} if spec else ""
            problems.append(Problem(name, value, _reason(item), allowed))
        return problems


def _reason(item: Mapping[str, Any]) -> str:
    """The English reason of one pydantic error: only the project's own texts pass through.

    A validator's message is kept when it is one of the ``problem_*`` texts of
    ``data/locales/en.yaml``; anything else (pydantic's or Python's own words, such as
    "invalid literal for int() with base 10") becomes "not a valid value".
    """
    kind = str(item.get("type", ""))
    if kind in ("greater_than_equal", "less_than_equal"):
        return "out of range"
    message = str(item.get("msg", "")).removeprefix("Value error, ")
    if kind == "value_error" and message in _own_reasons():
        return message
    return "not a valid value"


def _own_reasons() -> set[str]:
    from explainer.i18n import strings

    return {text for key, text in strings("en").items() if key.startswith("problem_")}


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when built in
    """A YAML loader that refuses a key given twice (PyYAML would keep the last silently)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                line = key_node.start_mark.line + 1
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} is given twice (line {line})", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_yaml_text(text: str) -> Any:
    """Parse YAML (or JSON), refusing duplicate keys; any syntax error is a ValueError."""
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        raise ValueError(f"not valid YAML or JSON: {error}") from None


def _read_yaml(name: str) -> Any:
    text = resources.files("explainer").joinpath("data", name).read_text(encoding="utf-8")
    return load_yaml_text(text)


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
    from explainer.i18n import t

    title = sources()["seed"]["sections"].get(section, section)
    return t("seed_section", lang, n=section[1:], title=bilingual(title, lang))


def article_citation(lang: Lang) -> str:
    """The seed article as exports cite it: outlet and date, in ``lang``."""
    seed = sources()["seed"]
    return f"{bilingual(seed['outlet'], lang)} {seed['date']}"


def describe_source(source: Mapping[str, Any], lang: Lang = "en") -> str:
    """A parameter's or preset's source as one short line of text, all in ``lang``."""
    if "seed" in source:
        section = seed_section(source["seed"]["section"], lang)
        sep = "，" if lang == "zh" else ", "
        colon = "：" if lang == "zh" else ": "
        text = f"{article_citation(lang)}{sep}{section}{colon}“{source['seed']['phrase']}”"
        if "value_assumed" in source["seed"]:
            label = "value assumed" if lang == "en" else "数值为假设"
            text += f"; {label}: {source['seed']['value_assumed']}"
        if "note" in source["seed"]:
            note = bilingual(source["seed"]["note"], lang)
            text += f"（{note}）" if lang == "zh" else f" ({note})"
        return text
    if "ref" in source:
        return bilingual(sources()[source["ref"]]["title"], lang)
    label = "assumption: " if lang == "en" else "假设："
    return f"{label}{bilingual(source['assumption'], lang)}"

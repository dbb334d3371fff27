"""A page's state as a value, its URL query, and the undo history (issue 13).

:class:`PageState` is everything a dashboard shows that a visitor chose: the scenario, the
preset, the language, extra controls (the reform page's ticked reforms), the pinned scenario
"A", presenter mode, the phone's controls drawer, and the problems to show. It is frozen: every
event makes a new one. The functions here are pure: state → query → state restores a page.
The URL is hostile input: every bad value is named as a :class:`~explainer.core.spec.Problem`
and the defaults stand.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode

from explainer.core.i18n import LANGUAGES
from explainer.core.spec import Lang, Problem, in_languages, registry
from explainer.pages import PageSpec, page_spec

CUSTOM = ""  # the preset id of "no preset"
PAGE_KEYS = ("preset", "lang", "playlist", "step")  # query keys that are not parameters


@dataclass(frozen=True)
class Pin:
    """Scenario "A" of an A/B comparison, and the case it was pinned from."""

    scenario: Any
    preset: str = CUSTOM
    extras: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class PageState:
    """What one page shows, as a value."""

    page: str
    scenario: Any
    preset: str = CUSTOM
    lang: Lang = "zh"
    #: Extra controls' values by key, e.g. ``(("reforms", ("veto_removed",)),)``.
    extras: tuple[tuple[str, Any], ...] = ()
    pinned: Pin | None = None
    presenter: bool = False
    controls_open: bool = False
    problems: tuple[Problem, ...] = ()

    def extra(self, key: str, default: Any = ()) -> Any:
        return dict(self.extras).get(key, default)

    def with_extra(self, key: str, value: Any) -> PageState:
        return self.but(extras=tuple(sorted({**dict(self.extras), key: value}.items())))

    def but(self, **changes: Any) -> PageState:
        """A copy with ``changes`` (a new value: the state itself never changes)."""
        return dataclasses.replace(self, **changes)

    def undoable(self) -> tuple[Any, str, tuple[tuple[str, Any], ...]]:
        """The part of the state undo restores (not the language, the pin or the layout)."""
        return (self.scenario, self.preset, self.extras)


def initial_state(page: PageSpec, lang: Lang) -> PageState:
    """A page at its defaults, in ``lang``."""
    extras = tuple(sorted((extra.key, ()) for extra in page.extras))
    return PageState(page.id, registry().default(), lang=lang, extras=extras)


@dataclass(frozen=True)
class History:
    """The states before each change, newest last, for undo (at most ``size``)."""

    past: tuple[PageState, ...] = ()
    size: int = 50

    def push(self, state: PageState) -> History:
        return dataclasses.replace(self, past=(*self.past, state)[-self.size :])

    def undo(self, current: PageState) -> tuple[PageState, History]:
        """The state before the last change, in the current language and layout."""
        if not self.past:
            return current, self
        scenario, preset, extras = self.past[-1].undoable()
        state = current.but(scenario=scenario, preset=preset, extras=extras, problems=())
        return state, dataclasses.replace(self, past=self.past[:-1])


def preset_base(page_id: str, preset: str) -> Any:
    """The scenario a preset starts from (the defaults for no preset)."""
    presets = page_spec(page_id).presets()
    return presets[preset].scenario() if preset in presets else registry().default()


def state_to_query(state: PageState, page: PageSpec) -> str:
    """The URL query that restores ``state`` exactly (preset, changes, extras, language)."""
    reg = registry()
    base = preset_base(page.id, state.preset)
    pairs: list[tuple[str, str]] = [("preset", state.preset)] if state.preset else []
    for name, spec in reg.params.items():
        value = getattr(state.scenario, name)
        if value != getattr(base, name):
            pairs.append((name, spec.display(value)))
    for extra in page.extras:
        if state.extra(extra.key):
            pairs.append((extra.key, ",".join(state.extra(extra.key))))
    pairs.append(("lang", state.lang))
    return urlencode(pairs)


def _page_keys(pairs: list[tuple[str, str]], keys: tuple[str, ...]) -> tuple[dict, list]:
    """The first value of each page key (not a parameter); a problem for each repeat."""
    found: dict[str, str] = {}
    problems: list[Problem] = []
    for key, value in pairs:
        if key not in keys:
            continue
        if key in found:
            note = "duplicate"
            problems.append(Problem(key, value, note, kept=True))
        else:
            found[key] = value
    return found, problems


def state_from_query(query: str, page: PageSpec, current: PageState) -> PageState:
    """The state a URL query describes; bad values are named (``problems``), defaults stand."""
    reg, presets = registry(), page.presets()
    pairs = parse_qsl(query.lstrip("?"), keep_blank_values=True)
    keys = PAGE_KEYS + tuple(extra.key for extra in page.extras)
    given, problems = _page_keys(pairs, keys)
    extras = dict(current.extras)
    for extra in page.extras:
        extras[extra.key], found = extra.from_query(given.get(extra.key, ""))
        problems += found
    lang = given.get("lang", current.lang)
    if lang not in LANGUAGES:
        languages = in_languages("problem_languages")
        problems.append(Problem("lang", lang, "unknown_language", languages))
        lang = current.lang
    preset = given.get("preset", CUSTOM)
    if preset and preset not in presets:
        problems.append(Problem("preset", preset, "unknown_preset", ", ".join(presets)))
        preset = CUSTOM
    base = dict(presets[preset].overrides) if preset else {}
    rest = [(k, v) for k, v in pairs if k not in keys]
    overrides, found = reg.from_query(urlencode(rest))
    named = {k for k, _ in rest} - {p.param for p in found if not p.kept}
    changed = {k: v for k, v in reg.to_plain(overrides).items() if k in named}
    scenario, more = reg.build_lenient({**base, **changed})
    return current.but(
        scenario=scenario,
        preset=preset,
        lang=lang,
        extras=tuple(sorted(extras.items())),
        problems=tuple(problems + found + more),
    )

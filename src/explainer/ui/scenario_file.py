"""A page's state as a scenario file (YAML or JSON), and back.

A file is hostile input (issue 11): its size and nesting are bounded
(:mod:`explainer.core.untrusted`), every field is checked, and a bad file changes nothing: the
caller gets the problems, named in both languages, never Python's own text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from explainer.core.i18n import LANGUAGES
from explainer.core.spec import (
    NOT_A_CLOCK,
    NOT_A_DATE,
    Problem,
    ScenarioError,
    in_languages,
    registry,
)
from explainer.core.untrusted import InputRefused, decode_file, echo, load_untrusted_yaml
from explainer.pages import PAGE_IDS, PageSpec, all_pages
from explainer.ui.state import CUSTOM, PageState, state_to_query
from explainer.ui.toolbar import scenario_document

SCENARIO_FORMAT = 1  # "explainer_scenario" in the files this version writes and reads
#: The fields of a scenario file besides the page-specific ones (a page's extras).
FILE_KEYS = ("explainer_scenario", "page", "preset", "language", "parameters", "provenance")
#: Fields a download adds for its readers (see explainer.ui.exports); ignored when loading.
EXPORT_ONLY_KEYS = (
    "article_figures",
    "parameter_sources_format",
    "parameter_sources",
    "summary",
    "ranges",  # issue 14: the bands, their method, sample size and seed
)


def extras_document(state: PageState, page: PageSpec) -> dict[str, Any]:
    """The page's extra controls as file fields (e.g. ``reforms: [veto_removed]``)."""
    return {extra.key: list(state.extra(extra.key)) for extra in page.extras}


def state_to_document(state: PageState, page: PageSpec) -> dict[str, Any]:
    """The scenario file: enough to restore the page exactly, plus provenance."""
    return scenario_document(
        page.id,
        state.preset,
        state.lang,
        extras_document(state, page),
        registry().to_plain(state.scenario),
        state_to_query(state, page),
    )


def refusal(problems: list[Problem]) -> Problem:
    """The one problem a refused file shows: "could not be loaded", then why."""
    return Problem("", "", "", code="import_bad", details=tuple(problems))


def file_text(content: bytes | None, size: int = -1) -> str:
    """A file's text (``None``: the browser kept back a file of ``size`` bytes).

    Raises :class:`~explainer.core.untrusted.InputRefused` for a file too large or not text.
    """
    from explainer.core.untrusted import size_limit_values

    if content is None:
        raise InputRefused("file_too_large", size_limit_values(size))
    return decode_file(content)


def check_file_fields(document: Mapping[Any, Any], page: PageSpec, lang: str) -> list[Problem]:
    """The fields that say what the file is: its format, page and language."""
    extras = {extra.key for other in all_pages() for extra in other.extras}
    known = {*FILE_KEYS, *EXPORT_ONLY_KEYS, *extras}
    problems = [
        Problem(k, document[k], "not_a_field", ", ".join(FILE_KEYS))
        for k in document
        if not isinstance(k, str) or k not in known
    ]
    version = document.get("explainer_scenario", SCENARIO_FORMAT)
    if version != SCENARIO_FORMAT or isinstance(version, bool):
        values = {"found": echo(version), "supported": SCENARIO_FORMAT}
        problems.append(Problem("", "", "", code="file_format", values=values))
    named = document.get("page", page.id)
    if not isinstance(named, str) or named not in PAGE_IDS:
        problems.append(Problem("page", named, "not_a_page", ", ".join(PAGE_IDS)))
    elif named != page.id:
        values = {"page": named, "here": page.id}
        problems.append(Problem("", "", "", code="file_other_page", values=values))
    if document.get("language", lang) not in LANGUAGES:
        languages = in_languages("problem_languages")
        problems.append(Problem("language", document["language"], "unknown_language", languages))
    return problems


def check_written_forms(parameters: Mapping[Any, Any]) -> list[Problem]:
    """Clock times and dates must be written as text in their documented forms (a bare
    number in a file is not 21:30 nor a date, though the model stores minutes)."""
    problems = []
    for name, value in parameters.items():
        spec = registry().params.get(name) if isinstance(name, str) else None
        if spec and spec.type in ("clock", "date") and not isinstance(value, str):
            allowed = {lang: spec.allowed(lang) for lang in LANGUAGES}
            reason = NOT_A_CLOCK if spec.type == "clock" else NOT_A_DATE
            problems.append(Problem(name, value, reason, allowed))
    return problems


def _preset(document: Mapping[str, Any], page: PageSpec) -> tuple[str, list[Problem]]:
    presets = page.presets()
    preset = document.get("preset")
    preset_id = preset if isinstance(preset, str) and preset in presets else CUSTOM
    if preset not in (None, "") and preset_id == CUSTOM:  # a list or a mapping too
        return CUSTOM, [Problem("preset", preset, "unknown_preset", ", ".join(presets))]
    return preset_id, []


def state_from_text(
    text: str, page: PageSpec, current: PageState
) -> tuple[PageState | None, list[Problem]]:
    """The state a scenario file describes, or ``None`` and the reasons it was refused.

    Page-specific state the file does not carry (e.g. the reforms ticked) is kept.
    """
    try:
        document = load_untrusted_yaml(text)
    except InputRefused as refused:
        return None, [Problem("", "", "", code=refused.key, values=refused.values)]
    if not isinstance(document, dict) or not isinstance(document.get("parameters"), dict):
        return None, [Problem("", "", "", code="import_not_scenario")]
    problems = check_file_fields(document, page, current.lang)
    if problems:  # a file for another page or format: its values are not worth reading
        return None, problems
    preset, problems = _preset(document, page)
    problems += check_written_forms(document["parameters"])
    scenario = None
    if not problems:
        try:
            scenario = registry().build(document["parameters"])
        except ScenarioError as error:
            problems += error.problems
    for extra in page.extras:
        problems += extra.check_document(document)
    if problems or scenario is None:
        return None, problems
    extras = dict(current.extras)
    for extra in (e for e in page.extras if e.key in document):
        extras[extra.key] = extra.ordered(document[extra.key] or ())
    lang = document.get("language", current.lang)
    state = current.but(scenario=scenario, preset=preset, extras=tuple(sorted(extras.items())))
    return state.but(lang=lang if lang in LANGUAGES else current.lang, problems=()), []

"""Playlists (issue 18): the format's checks, and the ready-made ones against the model.

Every number a ready-made playlist quotes in a step's notes, question or answers must be the
model's (one of the step's ``figures``, each computed here) or a parameter value the step sets
(its own, its preset's, its reforms'); numbers in ``article`` must occur in the article.
Both languages are checked.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from test_quotes import SEED_DIR, found, load_article, normalise

from explainer.playlist import (
    MAX_STEPS,
    Playlist,
    PlaylistError,
    State,
    Step,
    parse_playlist,
    parse_playlist_file,
    ready_made,
    shows_value,
    step_value,
)
from explainer.presets import presets
from explainer.reforms import reforms
from explainer.spec import registry

REPO = Path(__file__).resolve().parents[1]
NUMBER = re.compile(r"(?<![A-Za-z0-9_§.:\-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:[.:]\d+)?%?")
READY = ("one-night", "unit-and-veto", "what-reform-changes")
SESSION_MINUTES = {"one-night": 30, "unit-and-veto": 45, "what-reform-changes": 45}


def numbers(text: str) -> set[str]:
    return set(NUMBER.findall(text))


def state_numbers(state: State | None) -> set[str]:
    """Numbers a step may quote because it sets them: its parameters, its preset's, its reforms'."""
    if state is None:
        return set()
    reg = registry()
    scenario = state.scenario()
    names = {name for name, _ in state.parameters}
    if state.preset:
        preset = presets()[state.preset]
        names |= set(preset.overrides) | set(preset.calibrated) | set(preset.assumed)
    found = {
        n for name in names for n in numbers(reg.params[name].display(getattr(scenario, name)))
    }
    for rid in state.reforms:
        reform = reforms()[rid]
        for values in (reform.set, reform.cap, reform.scale):
            found |= {n for v in values.values() for n in numbers(_plain(v))}
        found |= numbers(str(reform.date or ""))  # "a 2026 measure"
    return found


def _plain(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def allowed_numbers(step: Step) -> set[str]:
    shows = {n for f in step.figures for n in numbers(f.shows)}
    return shows | state_numbers(step.state) | state_numbers(step.compare)


@pytest.fixture(scope="module")
def article() -> str:
    """The article (width-normalised), as tests/test_quotes.py reads it: skipped when it is
    not beside the clone, a failure in CI."""
    return load_article(SEED_DIR, os.environ)


@pytest.fixture(scope="module")
def seed_text(article: str) -> str:
    """The article and the presets' reported figures (which quote it)."""
    return article + normalise((REPO / "data" / "presets.yaml").read_text(encoding="utf-8"))


def test_the_three_ready_made_playlists_load():
    assert set(READY) <= set(ready_made())
    for pid in READY:
        playlist = ready_made()[pid]
        assert sum(s.minutes for s in playlist.steps) == SESSION_MINUTES[pid] == playlist.minutes


@pytest.mark.parametrize("pid", READY)
def test_every_figure_is_the_models(pid):
    wrong = []
    for number, step in enumerate(ready_made()[pid].steps, start=1):
        assert step.figures, f"step {number} names no model figure"
        for figure in step.figures:
            value = step_value(step, figure)
            if not shows_value(figure.shows, value):
                wrong.append(
                    f"step {number} {figure.side}:{figure.metric} {figure.shows} != {value:.4g}"
                )
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("pid", READY)
def test_every_number_quoted_is_the_models_or_a_setting(pid, lang):
    stray = []
    for number, step in enumerate(ready_made()[pid].steps, start=1):
        texts = [step.notes(lang), step.question(lang), step.title(lang)]
        texts += [a(lang) for a in step.answers]
        quoted = set().union(*(numbers(t) for t in texts))
        extra = quoted - allowed_numbers(step)
        if extra:
            stray.append(f"step {number}: {sorted(extra)}")
    assert not stray, "numbers that are neither the model's nor a setting:\n" + "\n".join(stray)


@pytest.mark.parametrize("pid", READY)
def test_article_lines_quote_only_the_articles_numbers(pid, seed_text):
    for number, step in enumerate(ready_made()[pid].steps, start=1):
        if step.article is None:
            continue
        for lang in ("zh", "en"):
            assert re.search(r"§[1-5]", step.article(lang)), f"step {number} cites no section"
            missing = {n for n in numbers(step.article(lang)) if n not in seed_text}
            assert not missing, f"step {number} ({lang}): {missing} not in the article"


@pytest.mark.parametrize("pid", READY)
def test_chinese_quotes_in_article_lines_are_the_articles_words(pid, article):
    """A phrase quoted in a step's ``article`` line (zh) is in the article verbatim."""
    for number, step in enumerate(ready_made()[pid].steps, start=1):
        if step.article is None:
            continue
        for phrase in re.findall(r"“([^”]+)”", step.article("zh")):
            assert found(phrase, article), f"step {number}: “{phrase}”"


def test_the_number_check_can_fail():
    (step, *_) = ready_made()["one-night"].steps
    figure = step.figures[0]
    assert shows_value(figure.shows, step_value(step, figure))
    assert not shows_value(str(int(figure.shows) + 1), step_value(step, figure))
    assert "99" not in allowed_numbers(step)


# ---------------------------------------------------------------------- the format
GOOD = """\
explainer_playlist: 1
id: mine
title: {zh: 我的, en: Mine}
steps:
  - page: night
    preset: li_yi
    title: One
    question: Why?
    notes: {zh: 讲稿, en: Notes}
"""


def refusal(text: str, lang: str = "en") -> list[str]:
    with pytest.raises(PlaylistError) as caught:
        parse_playlist(text)
    return caught.value.messages(lang)


def test_a_small_playlist_parses_into_a_frozen_value():
    playlist = parse_playlist(GOOD)
    assert isinstance(playlist, Playlist)
    assert playlist.steps[0].state.query("zh") == "preset=li_yi&lang=zh"
    assert playlist.steps[0].title("zh") == "One"
    with pytest.raises(AttributeError):
        playlist.id = "other"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("change", "line", "words"),
    [
        (("page: night", "page: nigth"), 5, "page must be one of"),
        (("preset: li_yi", "preset: nobody"), 6, "unknown preset"),
        (("notes: {zh: 讲稿, en: Notes}", "notes: [1, 2]"), 9, "must be a text"),
        (("question: Why?", "question: Why?\n    parameters: {n_apps: 99}"), 9, "n_apps = 99"),
        (("question: Why?", "question: Why?\n    colour: red"), 9, "'colour' is not a field"),
        (("title: One", "title: One\n    reforms: [one_stop_platform]"), 8, "reforms may be given"),
        (("id: mine", "id: Mine!"), 2, "id must be"),
        (("title: One", "title: One\n    compare: {page: unit}"), 8, "compare must be on"),
        (
            ("question: Why?", "question: Why?\n    figures: [{metric: 'x y', shows: 1}]"),
            9,
            "metric",
        ),
    ],
)
def test_mistakes_name_their_line_in_both_languages(change, line, words):
    text = GOOD.replace(*change)
    messages = refusal(text)
    assert any(m.startswith(f"line {line}:") and words in m for m in messages), messages
    assert any(m.startswith(f"第 {line} 行") for m in refusal(text, "zh"))


def test_hostile_yaml_is_refused_by_the_untrusted_loader():
    laughs = "a: &a [x, x]\nb: &b [*a, *a]\n"
    (message,) = refusal(laughs)
    assert "anchors and aliases" in message and "line 1" in message
    (message,) = refusal("steps: [\n")
    assert "not valid YAML" in message and "line" in message
    (message,) = refusal("!!python/object:os.system {}\n")
    assert "tags" in message
    deep = "a: " + "[" * 20 + "]" * 20
    assert "nests more than" in refusal(deep)[0]


def test_a_file_too_large_or_not_text_is_refused():
    with pytest.raises(PlaylistError) as caught:
        parse_playlist_file(None, 5_000_000)
    assert "5 MB" in caught.value.messages("en")[0]
    with pytest.raises(PlaylistError):
        parse_playlist_file(b"\xff\xfe\x00bad")
    assert "a scenario file may be at most 1 MB" in refusal("#" * 1_000_001)[0]


def test_too_many_steps_and_echoes_are_bounded():
    step = "  - {page: night, title: t, question: q, notes: n}\n"
    text = GOOD.split("steps:")[0] + "steps:\n" + step * (MAX_STEPS + 1)
    assert "at most" in refusal(text)[0]
    long_key = "x" * 5000
    messages = refusal(GOOD.replace("question: Why?", f"question: Why?\n    {long_key}: 1"))
    assert all(len(m) < 400 for m in messages)


def test_every_message_is_in_both_locales():
    from explainer.i18n import strings

    keys = {k for k in strings("en") if k.startswith("playlist_")}
    assert keys == {k for k in strings("zh") if k.startswith("playlist_")}


@pytest.mark.parametrize("guide", ["facilitator.md", "facilitator.zh.md"])
def test_the_guides_session_tables_quote_the_playlists_numbers(guide):
    """docs/facilitator*.md: each session's table ("what happens") quotes only numbers that
    its playlist's steps show or set, so the guide cannot drift from the model unnoticed."""
    text = (REPO / "docs" / guide).read_text(encoding="utf-8")
    sessions = re.split(r"^### 2\.\d ", text, flags=re.M)[1:]
    assert len(sessions) == len(READY)
    for pid, section in zip(READY, sessions, strict=True):
        steps = ready_made()[pid].steps
        rows = [r for r in section.splitlines() if re.match(r"\| \d+[–-]\d+ \|", r)]
        assert len(rows) == len(steps), f"{guide} {pid}: {len(rows)} rows"
        for row, step in zip(rows, steps, strict=True):
            what = row.split("|")[3]
            stray = numbers(what) - allowed_numbers(step)
            assert not stray, f"{guide} {pid}: {sorted(stray)} in {what.strip()!r}"

"""Handouts of a playlist (issue 18): one brief per step, one booklet per session.

The brief itself (layout, escaping, one A4 page) is tested with explainer.brief; here, that
each step becomes one brief of its own state, headed by the step and its question, with the
trainer's answers and notes left out; and that ``explainer booklet`` writes it. The booklet's
printed pages are counted in tests/e2e/test_playlist_page.py (Chromium's PDF).
"""

from __future__ import annotations

import re

import pytest

from explainer.booklet_cli import new_dashboard
from explainer.cli import main
from explainer.handouts import render_playlist_booklet, render_step, step_content, step_url
from explainer.playlist import parse_playlist, ready_made


@pytest.fixture(scope="module")
def booklet_en() -> str:
    return render_playlist_booklet(ready_made()["one-night"], "en", new_dashboard)


def test_one_brief_per_step_each_headed_by_its_step(booklet_en):
    playlist = ready_made()["one-night"]
    sections = re.findall(r"<section class='brief[^>]*>.*?</section>", booklet_en, re.S)
    assert len(sections) == len(playlist.steps)
    for n, (section, step) in enumerate(zip(sections, playlist.steps, strict=True), start=1):
        assert f"Step {n} of {len(playlist.steps)}" in section
        assert step.question("en").replace("'", "&#x27;") in section
        for answer in step.answers:  # the room gets the question, not the expected answers
            assert answer("en").replace("'", "&#x27;") not in section
        assert step.notes("en")[:40].replace("'", "&#x27;") not in section


def test_a_step_brief_is_its_own_state_with_a_link_to_it():
    playlist = ready_made()["one-night"]
    content = step_content(
        playlist, 1, "zh", new_dashboard
    )  # Li Yi with a colleague's account, A pinned
    assert content.link == step_url(playlist.steps[1], "zh")
    assert "n_proxy_accounts=1" in content.link and "playlist" not in content.link
    night = dict((f.label, f.value) for f in content.figures)
    assert any(v == "2 小时" for v in night.values()), night  # 120 minutes, as the page says


def test_every_page_of_the_reform_session_renders():
    playlist = ready_made()["what-reform-changes"]
    pages = {step.state.page for step in playlist.steps}
    assert pages == {"reforms", "fit"}
    html = render_step(playlist, 6, "en", new_dashboard)  # the fit step
    assert "Does the tool fit the task?" in html


def test_the_booklet_command_writes_the_file(tmp_path, capsys):
    out = tmp_path / "booklet.html"
    assert main(["booklet", "unit-and-veto", "--lang", "en", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").count("<section class='brief") == 7


def test_the_booklet_command_names_a_bad_playlists_line(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("explainer_playlist: 1\ntitle: x\nsteps:\n  - page: nigth\n", encoding="utf-8")
    assert main(["booklet", str(bad), "--lang", "en", "-o", str(tmp_path / "b.html")]) == 2
    err = capsys.readouterr().err
    assert "line 4" in err and "Traceback" not in err
    assert main(["booklet", str(tmp_path / "missing.yaml"), "-o", str(tmp_path / "b.html")]) == 2


def test_a_custom_playlist_makes_handouts_too():
    text = (
        "explainer_playlist: 1\nid: mine\ntitle: Mine\nsteps:\n"
        "  - {page: unit, preset: shandong_village, title: One, question: Why?, notes: N}\n"
    )
    html = render_playlist_booklet(parse_playlist(text), "en", new_dashboard)
    assert html.count("<section class='brief") == 1 and "Why?" in html

"""Preload hints (explainer.serving.hints, issue 15): the recorded list is checked against the
installed files, and anything wrong with it means fewer hints, never a broken server or page."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from traitlets.config import Config

from explainer.serving import hints
from explainer.serving.hints import Hint, check, file_for, install_hints, load_hints

SHARE = Path(__file__).resolve().parents[1] / "share" / "jupyter"


@pytest.fixture
def template_on_path(monkeypatch) -> None:
    """The checkout's template first on JUPYTER_PATH, as the server has it."""
    monkeypatch.setenv("JUPYTER_PATH", str(SHARE))


@pytest.fixture
def roots(tmp_path: Path) -> dict[str, list[Path]]:
    static = tmp_path / "static"
    ext = tmp_path / "labextensions"
    (static).mkdir()
    (ext / "@scope" / "pkg" / "static").mkdir(parents=True)
    (static / "5764.voila.js").write_text("chunk();\n", encoding="utf-8")
    (ext / "@scope" / "pkg" / "static" / "84.09c61a35.js").write_text("x\n", encoding="utf-8")
    (tmp_path / "secret.js").write_text("no\n", encoding="utf-8")
    return {"static": [static], "labextensions": [ext], "templates/explainer/static": [static]}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_url_names_a_file_only_under_the_static_routes(roots):
    assert file_for("voila/static/5764.voila.js", roots) == roots["static"][0] / "5764.voila.js"
    ext = "voila/labextensions/@scope/pkg/static/84.09c61a35.js?v=09c61a35"
    assert file_for(ext, roots).name == "84.09c61a35.js"
    assert file_for("voila/templates/explainer/static/5764.voila.js", roots) is not None
    for hostile in (
        "voila/static/../secret.js",
        "voila/static/%2e%2e/secret.js",
        "/etc/passwd",
        "voila/static/nothere.js",
        'voila/static/x.js"><script>alert(1)</script>',
        "voila/static/x.js?v=1&y=2",
        "voila/templates/other/static/5764.voila.js",  # no roots for it
        "api/kernels/x.js",
    ):
        assert file_for(hostile, roots) is None, hostile


def test_only_entries_installed_with_the_recorded_content_are_kept(roots):
    chunk = roots["static"][0] / "5764.voila.js"
    entries = [
        {"url": "voila/static/5764.voila.js", "sha256": digest(chunk), "pages": ["night"]},
        {"url": "voila/static/5764.voila.js", "sha256": digest(chunk)},  # twice: once
        {"url": "voila/static/gone.voila.js", "sha256": "0" * 64},  # missing file
        {
            "url": "voila/labextensions/@scope/pkg/static/84.09c61a35.js?v=09c61a35",
            "sha256": "f" * 64,  # the file changed (an upgrade)
        },
        {
            "url": "voila/static/../secret.js",
            "sha256": digest(roots["static"][0].parent / "secret.js"),
        },
        {"url": 5, "sha256": "x"},
        {"url": "voila/static/5764.voila.js"},
    ]
    kept, dropped = check(entries, roots)
    assert kept == [Hint("voila/static/5764.voila.js", "script", ("night",))]
    assert len(dropped) == 6


def test_a_page_name_that_is_not_a_plain_name_is_ignored(roots):
    chunk = roots["static"][0] / "5764.voila.js"
    entry = {"url": "voila/static/5764.voila.js", "sha256": digest(chunk)}
    kept, _ = check([{**entry, "pages": ["night", "<b>", 3, "x" * 65]}], roots)
    assert kept[0].pages == ("night",)
    kept, _ = check([{**entry, "pages": "night"}], roots)
    assert kept[0].pages == ()


@pytest.mark.parametrize(
    "content",
    [
        None,  # no manifest
        "",
        "{not json",
        "[]",
        '{"files": "all"}',
        '{"files": [1, 2, "x"]}',
        " " * (hints.MAX_MANIFEST_BYTES + 1),
    ],
)
def test_a_missing_or_broken_manifest_gives_no_hints(tmp_path, content):
    manifest = tmp_path / "preload.json"
    if content is not None:
        manifest.write_text(content, encoding="utf-8")
    assert load_hints(manifest) == []


def test_the_shipped_manifest_matches_the_installed_voila(template_on_path):
    """Every recorded file is installed as recorded: after an upgrade of Voila, ipywidgets or
    anywidget this fails; re-record with benchmarks/record_preload.py (the pages would still
    work, with fewer hints: the server drops the stale ones)."""
    manifest = hints.manifest_path()
    assert manifest == SHARE / "voila" / "templates" / "explainer" / "preload.json"
    entries = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    kept = load_hints(manifest)
    assert len(entries) > 50
    assert [h.url for h in kept] == [e["url"] for e in entries]
    assert kept[0].url == "voila/static/voila.js"


def test_the_hints_reach_voilas_template_resources_and_keep_the_users():
    config = Config()
    config.VoilaConfiguration.resources = {"reveal": {"scroll": True}}
    install_hints(config, [Hint("voila/static/1.voila.js", "script", ("night",))])
    resources = config.VoilaConfiguration.resources
    assert resources["reveal"] == {"scroll": True}
    assert resources[hints.RESOURCE_KEY] == [
        {"url": "voila/static/1.voila.js", "as": "script", "crossorigin": False, "pages": ["night"]}
    ]
    fresh = Config()
    install_hints(fresh, [])
    assert fresh.VoilaConfiguration.resources == {hints.RESOURCE_KEY: []}


def test_the_template_writes_one_escaped_link_per_hint_for_its_page(template_on_path):
    """The template's loop, rendered with Jinja as nbconvert sets it up (no autoescape)."""
    import jinja2

    source = Path(hints.manifest_path()).with_name("index.html.j2").read_text(encoding="utf-8")
    start = source.index("{%- set notebook")
    end = source.index("{%- endfor %}", start) + len("{%- endfor %}")
    template = jinja2.Environment(autoescape=False).from_string(source[start:end])
    preload = [
        Hint("voila/static/1.voila.js", "script", ("night", "unit")).as_resource(),
        Hint("voila/static/2.voila.js", "script", ("unit",)).as_resource(),
        Hint("voila/templates/explainer/static/a.woff2", "font").as_resource(),
        {"url": 'x"><script>', "as": "script", "crossorigin": False, "pages": []},
    ]
    html = template.render(
        resources={
            "base_url": "/user/ann/",
            "metadata": {"name": "night"},
            hints.RESOURCE_KEY: preload,
        }
    )
    assert '<link rel="preload" as="script" href="/user/ann/voila/static/1.voila.js">' in html
    assert "2.voila.js" not in html
    assert (
        'as="font" href="/user/ann/voila/templates/explainer/static/a.woff2" crossorigin>' in html
    )
    assert "<script>" not in html and "&#34;&gt;&lt;script&gt;" in html
    assert template.render(resources={"base_url": "/"}).strip() == ""

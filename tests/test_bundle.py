"""The chunk bundle (explainer.serving.bundle, issue 15): which files go in, how they are
joined, and that a server without the list or the folder loads the page as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.serving import bundle
from explainer.serving.hints import Hint, load_hints, static_roots

#: The shipped list (read by path: these tests do not set JUPYTER_PATH).
MANIFEST = (
    Path(__file__).resolve().parents[1] / "share/jupyter/voila/templates/explainer/preload.json"
)

HEADS = {
    b"(self.webpackChunk_JUPYTERLAB=self.webpackChunk_JUPYTERLAB||[])": True,
    b'"use strict";(self.webpackChunk_X=self.webpackChunk_X||[]).push([[1],{}]);': True,
    b'/*! For license information please see 1996.voila.js.LICENSE.txt */\n"use strict";'
    b"(self.webpackChunk_X=self.webpackChunk_X||[])": True,
    b"(self.rspackChunk_jupyter_widgets_jupyterlab_manager=self.rspack||[])": True,
    b'(self["webpackChunk_a"]=self["webpackChunk_a"]||[])': True,
    b"var _JUPYTERLAB;(()=>{var e,t,r": False,  # voila.js: webpack's runtime, an entry
    b"alert(1);(self.webpackChunk_X=[])": False,
    b"": False,
}


@pytest.mark.parametrize("head, is_chunk", HEADS.items())
def test_a_chunk_file_is_told_by_its_first_bytes(head: bytes, is_chunk: bool) -> None:
    assert bool(bundle.CHUNK.match(head)) is is_chunk


def test_every_listed_chunk_goes_in_and_voilas_entry_does_not() -> None:
    hints = load_hints(MANIFEST)
    paths = bundle.chunk_files(hints, static_roots())
    names = {p.name for p in paths}
    assert "voila.js" not in names
    assert len(paths) == len([h for h in hints if not h.url.endswith("/voila.js")]) > 50


def test_files_are_joined_so_each_starts_a_statement(tmp_path: Path) -> None:
    one, two = tmp_path / "1.js", tmp_path / "2.js"
    one.write_bytes(b"(self.webpackChunk_X=self.webpackChunk_X||[]).push([[1],{}])\n\n")
    two.write_bytes(b"(self.webpackChunk_X=self.webpackChunk_X||[]).push([[2],{}])")
    joined = bundle.bundle_bytes([one, two])
    assert joined == (
        b"(self.webpackChunk_X=self.webpackChunk_X||[]).push([[1],{}])\n;\n"
        b"(self.webpackChunk_X=self.webpackChunk_X||[]).push([[2],{}])\n;\n"
    )


def test_no_list_no_bundle() -> None:
    assert bundle.write_bundle([]) is False


def test_a_folder_that_cannot_be_written_gives_no_bundle(monkeypatch) -> None:
    monkeypatch.setattr(bundle, "write_static", lambda name, data: None)
    assert bundle.write_bundle(load_hints(MANIFEST)) is False


def test_an_unexpected_error_gives_no_bundle_and_no_exception(monkeypatch) -> None:
    def broken(*_: object) -> list[Path]:
        raise RuntimeError("boom")

    monkeypatch.setattr(bundle, "chunk_files", broken)
    assert bundle.write_bundle([Hint("voila/static/1.voila.js", "script")]) is False

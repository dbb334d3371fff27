"""Every phrase we quote from the article is in the article, verbatim (issue 12).

The article is not copied into the project: CI places the shared folder beside the clone
(``<dir>/<clone>`` and ``<dir>/shared``), so it is read from ``../shared/seed/`` (or from
``$EXPLAINER_SEED_DIR``). In CI
(``CI=true``) a missing article is a failure, not a skip.

Only the width of punctuation (and of letters and digits) is normalised: full-width forms
U+FF01–U+FF5E become their ASCII twins and U+3000 a space. An ellipsis (…) inside a phrase
separates fragments, which must appear in the article in that order.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from explainer.core.spec import load_yaml_text

REPO = Path(__file__).resolve().parent.parent
#: ``EXPLAINER_SEED_DIR`` may point elsewhere (e.g. a git worktree that is not beside shared/).
SEED_DIR = Path(os.environ.get("EXPLAINER_SEED_DIR") or REPO.parent / "shared" / "seed")
ARTICLE_NAME = "000_c7f357c2836faeea.txt"
#: Files with machine-readable citations: prose citations look like (§3, “…”, “…”).
PROSE = [
    *sorted((REPO / "notebooks" / "guide").glob("*.py")),
    *sorted((REPO / "docs").glob("*.md")),
    *sorted((REPO / "data" / "locales").glob("*.yaml")),
]
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_CJK = re.compile(r"[\u3400-\u9fff]")
#: A prose citation: “§n” (or “seed §n”) up to the closing bracket or the end of the line.
_CITATION = re.compile(r"§\s?[1-5][^)）\]\n]*")
_QUOTED = re.compile(r"“([^”]+)”")


def normalise(text: str) -> str:
    """Fold full-width punctuation, letters and digits to ASCII; nothing else."""
    return text.translate(_WIDTH)


def article_text(seed_dir: Path = SEED_DIR) -> str | None:
    path = seed_dir / ARTICLE_NAME
    if not path.is_file():
        return None
    return path.read_text(encoding="utf-8")


def load_article(seed_dir: Path, environ: Mapping[str, str]) -> str:
    """The normalised article; fails in CI (``CI=true``) and skips elsewhere when missing."""
    text = article_text(seed_dir)
    if text is None:
        message = f"the article is not at {seed_dir / ARTICLE_NAME}"
        if environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message}; CI must check out the shared folder beside the clone")
        pytest.skip(message)
    return normalise(text)


@pytest.fixture(scope="module")
def article() -> str:
    return load_article(SEED_DIR, os.environ)


def found(phrase: str, article: str) -> bool:
    """Is ``phrase`` (fragments split by …) in ``article``, in order, verbatim up to width?"""
    position = 0
    for fragment in (f.strip() for f in normalise(phrase).split("…")):
        if not fragment:
            continue
        position = article.find(fragment, position)
        if position < 0:
            return False
        position += len(fragment)
    return True


def _seed_phrases(node: Any, where: str) -> Iterator[tuple[str, str]]:
    """Every ``seed: {phrase: …}`` anywhere in a YAML document, with where it sits."""
    if isinstance(node, Mapping):
        seed = node.get("seed")
        if isinstance(seed, Mapping) and "phrase" in seed:
            yield where, str(seed["phrase"])
        for key, value in node.items():
            label = value.get("id", key) if isinstance(value, Mapping) else key
            yield from _seed_phrases(value, f"{where}/{label}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            label = value.get("id", index) if isinstance(value, Mapping) else index
            yield from _seed_phrases(value, f"{where}/{label}")


def data_phrases() -> list[tuple[str, str]]:
    phrases = []
    for path in sorted((REPO / "data").glob("*.yaml")):
        document = load_yaml_text(path.read_text(encoding="utf-8"))
        phrases += list(_seed_phrases(document, path.name))
    return phrases


def prose_phrases() -> list[tuple[str, str]]:
    """Quoted Chinese phrases inside § citations in the guides, docs and page strings."""
    phrases = []
    for path in PROSE:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for citation in _CITATION.findall(line):
                for quoted in _QUOTED.findall(citation):
                    if _CJK.search(quoted):
                        phrases.append((f"{path.relative_to(REPO)}:{number}", quoted))
    return phrases


DATA = data_phrases()
PROSE_PHRASES = prose_phrases()


def test_there_are_phrases_to_check() -> None:
    assert len(DATA) >= 40
    assert len(PROSE_PHRASES) >= 20


@pytest.mark.parametrize(("where", "phrase"), DATA, ids=[w for w, _ in DATA])
def test_data_phrase_is_in_the_article(article: str, where: str, phrase: str) -> None:
    assert found(phrase, article), f"{where}: “{phrase}” is not in the article verbatim"


@pytest.mark.parametrize(("where", "phrase"), PROSE_PHRASES, ids=[w for w, _ in PROSE_PHRASES])
def test_prose_phrase_is_in_the_article(article: str, where: str, phrase: str) -> None:
    assert found(phrase, article), f"{where}: “{phrase}” is not in the article verbatim"


def test_a_missing_article_fails_in_ci(tmp_path: Path) -> None:
    with pytest.raises(pytest.fail.Exception):
        load_article(tmp_path, {"CI": "true"})
    with pytest.raises(pytest.skip.Exception):
        load_article(tmp_path, {})


def test_the_check_can_fail() -> None:
    text = normalise("“防刷”系统,限定每天学习时限。连续3次以上未按要求到位")
    assert found("系统，限定每天学习时限", text)  # full-width comma folds to the half-width one
    assert not found("防刷系统，限定每天学习时限", text)  # dropped quotes are a change
    assert found("连续3次…未按要求到位", text)
    assert not found("未按要求到位…连续3次", text)  # fragments keep their order
    assert not found("连续三次以上", text)  # 3 and 三 are different words, not widths


def test_the_article_is_not_copied_into_the_project() -> None:
    text = load_article(SEED_DIR, os.environ)
    sentence = text.splitlines()[10][:40]  # a long sentence of the lede
    assert len(sentence) >= 20
    for path in REPO.rglob("*"):
        if path.is_file() and path.suffix in {".py", ".md", ".yaml", ".txt", ".ipynb"}:
            if ".venv" in path.parts or ".git" in path.parts:
                continue
            assert sentence not in normalise(path.read_text(encoding="utf-8", errors="ignore"))

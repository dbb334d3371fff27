"""Build the teaching guides into static HTML pages that open without any network.

    python -m explainer.teaching.build_guides [--out build/guides] [--guides notebooks/guide]

Each guide (``notebooks/guide/NN_*.ipynb``) is executed top to bottom in a fresh kernel
(nbclient, working directory = the guide's folder) and written as HTML with nbconvert's ``lab``
template, plus an ``index.html`` that links them in order.

One language at a time (issue 16): every prose cell of a guide is tagged ``lang-zh`` or
``lang-en``. The build runs each guide once per language, with ``LANG`` set to that language
(charts and tables follow it) and only that language's prose; untagged cells hold the shared
headings ``中文 · English``, of which the build keeps one side. It writes ``zh/`` and ``en/``, a
complete site in each language with a switch to the same page in the other, and a root
``index.html`` that offers both. It prints each page's size and run time.

Offline by construction:

* **Charts** are static SVG. The build sets ``EXPLAINER_GUIDE_CHARTS=svg`` for the kernels, and
  :func:`explainer.teaching.guide.show` then draws each Vega-Lite chart with vl-convert instead of
  the
  interactive Altair widget (whose JavaScript the static page could not run without a widget
  manager from a CDN). Text in the SVG stays text, so Chinese is searchable and sharp; what is
  lost is the tooltips, which the notebooks in Jupyter keep.
* **Equations** are converted to MathML (rendered natively by current browsers) when the
  ``latex2mathml`` package is installed; without it they stay as TeX source text.
* **The template** is ``lab`` with the blocks that load require.js, MathJax, mermaid.js and the
  Jupyter widget manager from public CDNs left empty (the guides' pages need none of them: no
  widget state is kept, and mermaid is not used). Each page is one
  file with its CSS inline and no script at all. :func:`external_resources` checks this, and the
  build fails if a page would load anything from the network (plain ``<a href>`` links are
  allowed: they are not loaded).
"""

from __future__ import annotations

import argparse
import contextlib
import html
import os
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from explainer.core.i18n import t
from explainer.core.paths import project_root
from explainer.teaching.guide import CHARTS_ENV

GUIDE_GLOB = "[0-9][0-9]_*.ipynb"

#: The ``lab`` template without anything it would fetch from a CDN.
_TEMPLATE = r"""{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block extra_css -%}
<style type="text/css">
  body.jp-Notebook { max-width: 1100px; margin: 0 auto; }
  figure.guide-chart { margin: 0.5em 0; overflow-x: auto; }
  math[display="block"] { margin: 0.8em 0; font-size: 1.15em; }
  .guide-nav { margin: 1em 0 1.5em; font-family: sans-serif; }
</style>
{%- endblock extra_css -%}
"""

_RESOURCE_TAG = re.compile(
    r"<(?P<tag>script|link|img|iframe|source|video|audio|embed|object|track|image|use)\b"
    r"(?P<attrs>[^>]*)>",
    re.IGNORECASE,
)
_REMOTE_ATTR = re.compile(
    r"""\b(?:src|href|xlink:href|data|poster|srcset)\s*=\s*["']?\s*(?:https?:)?//""",
    re.IGNORECASE,
)
_REMOTE_CSS = re.compile(
    r"""(?:url\(\s*["']?|@import\s+(?:url\(\s*)?["']?)\s*((?:https?:)?//[^"')\s;]+)""",
    re.IGNORECASE,
)
_REMOTE_IMPORT = re.compile(r"""\bimport\s*\(\s*["']((?:https?:)?//[^"']+)""", re.IGNORECASE)


def external_resources(page: str) -> list[str]:
    """Everything in an HTML page that a browser would fetch from the network.

    Tags that load a resource (``script``, ``link``, ``img``, …) with a remote ``src``/``href``,
    remote ``url(...)`` or ``@import`` in CSS, and dynamic ``import("https://…")`` in scripts.
    Hyperlinks (``<a href>``) are not loaded and are not reported.
    """
    found = [
        match.group(0)[:160]
        for match in _RESOURCE_TAG.finditer(page)
        if _REMOTE_ATTR.search(match.group("attrs"))
    ]
    found += [match.group(1) for match in _REMOTE_CSS.finditer(page)]
    found += [match.group(1) for match in _REMOTE_IMPORT.finditer(page)]
    return found


def find_guide_dir(start: Path | None = None) -> Path:
    """``notebooks/guide`` under ``start`` (default: the working directory), else the guides
    of the checkout or of the installed package (:func:`explainer.core.paths.project_root`)."""
    candidates = [(start or Path.cwd()) / "notebooks" / "guide"]
    with contextlib.suppress(FileNotFoundError):  # neither a checkout nor an installed copy
        candidates.append(project_root() / "notebooks" / "guide")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("no notebooks/guide folder; pass --guides DIR")


def guide_paths(guide_dir: Path) -> list[Path]:
    """The guides in reading order (their file names start with a two-digit number)."""
    return sorted(
        path for path in guide_dir.glob(GUIDE_GLOB) if ".ipynb_checkpoints" not in path.parts
    )


# ----------------------------------------------------------------------------- math
_BLOCK_MATH = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\s)([^$\n]+?)(?<!\s)\$(?!\$)")


def _mathml_converter() -> Any:
    try:
        from latex2mathml.converter import convert
    except ImportError:
        return None
    return convert


def math_to_mathml(source: str, convert: Any) -> tuple[str, int]:
    """Replace ``$$…$$`` and ``$…$`` in Markdown with MathML; returns (text, formulas done)."""
    done = 0

    def replace(match: re.Match[str], display: str) -> str:
        nonlocal done
        tex = match.group(1).strip()
        try:
            mathml = convert(tex, display=display)
        except Exception:  # noqa: BLE001 - keep the TeX source if the converter cannot parse it
            return match.group(0)
        done += 1
        mathml = mathml.replace("\n", "")
        return f'<math alttext="{html.escape(tex, quote=True)}"' + mathml[len("<math") :]

    source = _BLOCK_MATH.sub(lambda m: replace(m, "block"), source)
    source = _INLINE_MATH.sub(lambda m: replace(m, "inline"), source)
    return source, done


# ----------------------------------------------------------------------------- build
@dataclass(frozen=True)
class BuiltGuide:
    """One guide: where it came from, where its page is, how long it ran, what went wrong."""

    source: Path
    html: Path | None
    seconds: float
    title: str
    formulas: int = 0
    errors: tuple[str, ...] = ()
    external: tuple[str, ...] = ()
    lang: str = "zh"
    size: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors and not self.external and self.html is not None


LANGS = ("zh", "en")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LANG_LINE = re.compile(r'^LANG = "(zh|en)"', re.MULTILINE)


def _one_side(line: str, lang: str) -> str:
    """``'## 1. 机制 · The mechanism'`` → its Chinese or English side (numbers stay)."""
    if " · " not in line:
        return line
    prefix = re.match(r"^(#+ |\*\*)?", line).group(0)  # type: ignore[union-attr]
    suffix = "**" if prefix == "**" and line.endswith("**") else ""
    body = line[len(prefix) : len(line) - len(suffix)]
    number = re.match(r"^\d+\.\s+", body)  # "1. 机制 · The mechanism": the number is shared
    if number:
        prefix += number.group(0)
        body = body[number.end() :]
    parts = body.split(" · ")
    has_zh = [bool(_CJK.search(part)) for part in parts]
    if not any(has_zh) or all(has_zh):
        return line
    keep = [
        part
        for part, zh in zip(parts, has_zh, strict=True)
        if zh == (lang == "zh") or re.fullmatch(r"[\d\s.]+", part)
    ]
    return prefix + " · ".join(keep) + suffix


def prepare(nb: Any, lang: str) -> Any:
    """The notebook as the ``lang`` site shows it: ``LANG`` set, the other language's prose
    cells dropped, and each shared ``中文 · English`` line reduced to one side."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; known: {', '.join(LANGS)}")
    other = f"lang-{'en' if lang == 'zh' else 'zh'}"
    cells = []
    for cell in nb.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if other in tags:
            continue
        if cell.cell_type == "code" and _LANG_LINE.search(cell.source):
            cell.source = _LANG_LINE.sub(f'LANG = "{lang}"', cell.source, count=1)
        if cell.cell_type == "markdown" and not any(t.startswith("lang-") for t in tags):
            cell.source = "\n".join(_one_side(line, lang) for line in cell.source.split("\n"))
        cells.append(cell)
    nb.cells = cells
    nb.metadata["language_code"] = lang
    return nb


def execute(
    path: Path, timeout: int = 120, static_charts: bool = True, lang: str | None = None
) -> tuple[Any, float]:
    """Run a notebook top to bottom in a fresh kernel; returns (executed notebook, seconds).

    With ``lang``, the notebook is first prepared (:func:`prepare`) for that language's site.
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    if lang is not None:
        nb = prepare(nb, lang)
    env = dict(os.environ)
    if static_charts:
        env[CHARTS_ENV] = "svg"
    else:
        env.pop(CHARTS_ENV, None)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.perf_counter()
    client.execute(env=env)
    return nb, time.perf_counter() - start


def error_outputs(nb: Any) -> list[str]:
    """Error outputs of an executed notebook, as 'ename: evalue' lines."""
    return [
        f"{output.get('ename')}: {output.get('evalue')}"
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]


def _title(nb: Any) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""


def _exporter() -> Any:
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({"guide.html.j2": _TEMPLATE})],
        template_file="guide.html.j2",
    )
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter


def _local_links(page: str) -> str:
    """Links between guides point at the built pages, and the README at the index."""
    page = re.sub(r'href="(\d\d_[A-Za-z0-9_]+)\.ipynb"', r'href="\1.html"', page)
    return page.replace('href="README.md"', 'href="index.html"')


_SWITCH = {
    "zh": '<p class="guide-switch" lang="en"><a href="../en/{page}">English</a></p>',
    "en": '<p class="guide-switch" lang="zh"><a href="../zh/{page}">中文</a></p>',
}


def _render(
    nb: Any, path: Path, out_dir: Path, convert: Any, lang: str = "zh"
) -> tuple[Path, int, list[str]]:
    formulas = 0
    if convert is not None:
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                cell.source, done = math_to_mathml(cell.source, convert)
                formulas += done
    nb.metadata.pop("widgets", None)  # static page: no widget state, no widget manager
    body, _ = _exporter().from_notebook_node(
        nb, resources={"metadata": {"name": _title(nb) or path.stem}, "language_code": lang}
    )
    body = _local_links(body)
    body = re.sub(r'<html lang="[^"]*">', f'<html lang="{lang}">', body, count=1)
    switch = _SWITCH[lang].format(page=f"{path.stem}.html")
    body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + switch, body, count=1)
    target = out_dir / f"{path.stem}.html"
    target.write_text(body, encoding="utf-8")
    return target, formulas, external_resources(body)


def _index_lines(guide_dir: Path) -> dict[str, str]:
    """One-line descriptions from the README's table, by notebook file name."""
    readme = guide_dir / "README.md"
    if not readme.exists():
        return {}
    lines: dict[str, str] = {}
    for row in readme.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) == 3 and re.fullmatch(r"\d\d", cells[0]):
            link = re.search(r"\(([^)]+\.ipynb)\)", cells[1])
            if link:
                lines[link.group(1)] = cells[2]
    return lines


#: The link to the other language's site: each language named in itself (an endonym).
_OTHER_SITE = {
    "zh": '<a href="../en/index.html" lang="en">English</a>',
    "en": '<a href="../zh/index.html" lang="zh">中文</a>',
}

_INDEX_STYLE = """<style>
  body { font-family: sans-serif; max-width: 860px; margin: 2em auto; padding: 0 1em;
         line-height: 1.6; color: #222; }
  ul { list-style: none; padding-left: 0; }
  li { margin: 0 0 1em; }
  a { font-size: 1.1em; }
  .line { color: #444; }
  .time { color: #888; font-size: 0.85em; }
</style>"""


def _page(lang: str, title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f"<title>{html.escape(title)}</title>\n{_INDEX_STYLE}\n</head>\n<body>\n{body}\n"
        "</body>\n</html>\n"
    )


#: The guides' folder, shown as code wherever the index names it.
GUIDES_PATH = "notebooks/guide/"


def ran(seconds: float, lang: str) -> str:
    """“运行 12.3 秒” / “ran in 12.3 s”."""
    return t("guide_index_ran", lang, seconds=f"{seconds:.1f}")


def write_index(
    results: Sequence[BuiltGuide], out_dir: Path, guide_dir: Path, lang: str = "zh"
) -> Path:
    """``index.html`` of one language's site: every guide in order, its line and run time."""
    described = _index_lines(guide_dir)
    title = t("guide_index_title", lang)
    items = []
    for result in results:
        if result.html is None:
            continue
        line = _one_side(described.get(result.source.name, ""), lang)
        items.append(
            f'<li><a href="{html.escape(result.html.name)}">{html.escape(result.title)}</a>'
            + (f"<br><span class='line'>{html.escape(line)}</span>" if line else "")
            + f"<br><span class='time'>{ran(result.seconds, lang)}</span></li>"
        )
    intro = html.escape(t("guide_index_intro", lang), quote=False)
    intro = intro.replace(GUIDES_PATH, f"<code>{GUIDES_PATH}</code>")
    body = (
        f"<p>{_OTHER_SITE[lang]}</p>\n<h1>{html.escape(title)}</h1>\n"
        f"<p>{intro}</p>\n<ul>\n" + "\n".join(items) + "\n</ul>"
    )
    target = out_dir / "index.html"
    target.write_text(_page(lang, title, body), encoding="utf-8")
    return target


def write_root_index(out_dir: Path, langs: Sequence[str]) -> Path:
    """The root ``index.html``: one link to each language's site, each in its own language."""
    links = {
        "zh": '<li lang="zh"><a href="zh/index.html">中文版</a></li>',
        "en": '<li lang="en"><a href="en/index.html">English</a></li>',
    }
    body = "<ul>\n" + "\n".join(links[lang] for lang in langs) + "\n</ul>"
    target = out_dir / "index.html"
    target.write_text(_page(langs[0], "指尖上的形式主义 / Fingertip formalism", body), "utf-8")
    return target


def build(
    out_dir: Path | str = "build/guides",
    guide_dir: Path | str | None = None,
    only: Sequence[str] = (),
    timeout: int = 120,
    log: Any = print,
    langs: Sequence[str] = LANGS,
) -> list[BuiltGuide]:
    """Execute every guide in a fresh kernel once per language and write its page, then the
    indexes. Each page's size and run time is logged.

    A guide that fails is reported in its :class:`BuiltGuide` (``errors``) and the build goes on
    with the next one. ``only`` keeps the guides whose file name contains any of its strings.
    """
    guides = Path(guide_dir) if guide_dir else find_guide_dir()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    convert = _mathml_converter()
    if convert is None:
        log("latex2mathml is not installed: equations stay as TeX source in the pages")
    paths = [p for p in guide_paths(guides) if not only or any(o in p.name for o in only)]
    results: list[BuiltGuide] = []
    for lang in langs:
        site = out / lang
        site.mkdir(parents=True, exist_ok=True)
        done: list[BuiltGuide] = []
        for path in paths:
            try:
                nb, seconds = execute(path, timeout=timeout, lang=lang)
            except Exception as error:  # noqa: BLE001 - report the failing guide and go on
                failed = BuiltGuide(
                    path, None, 0.0, path.stem, errors=(str(error)[:2000],), lang=lang
                )
                done.append(failed)
                log(f"{lang}/{path.name}: FAILED — {str(error).strip().splitlines()[-1][:200]}")
                continue
            errors = error_outputs(nb)
            target, formulas, external = _render(nb, path, site, convert, lang)
            size = target.stat().st_size
            result = BuiltGuide(
                path,
                target,
                seconds,
                _title(nb) or path.stem,
                formulas,
                tuple(errors),
                tuple(external),
                lang,
                size,
            )
            done.append(result)
            note = "" if result.ok else f"  ({len(errors)} errors, {len(external)} remote)"
            log(f"{lang}/{target.name}: {seconds:5.1f} s, {size / 1024:6.0f} KiB{note}")
        log(f"{lang}/index.html: {write_index(done, site, guides, lang)}")
        results += done
    log(f"index: {write_root_index(out, list(langs))}")
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m explainer.teaching.build_guides",
        description="Execute the teaching guides and write them as offline HTML pages.",
    )
    parser.add_argument("--out", default="build/guides", help="output folder (build/guides)")
    parser.add_argument("--guides", default=None, help="folder of the guides (notebooks/guide)")
    parser.add_argument(
        "--only", action="append", default=[], help="build only guides whose name contains this"
    )
    parser.add_argument("--timeout", type=int, default=120, help="seconds allowed per cell")
    parser.add_argument(
        "--lang", action="append", choices=LANGS, help="build only this language (repeatable)"
    )
    args = parser.parse_args(argv)
    results = build(args.out, args.guides, args.only, args.timeout, langs=args.lang or LANGS)
    failed = [r for r in results if not r.ok]
    for result in failed:
        for problem in (*result.errors, *result.external):
            print(f"  {result.source.name}: {problem}", file=sys.stderr)
    total = sum(r.seconds for r in results)
    size = sum(r.size for r in results) / 1024
    print(
        f"{len(results) - len(failed)} of {len(results)} pages built in {total:.1f} s, "
        f"{size:.0f} KiB"
    )
    return 1 if failed or not results else 0


if __name__ == "__main__":
    raise SystemExit(main())

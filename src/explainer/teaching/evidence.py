"""``docs/evidence.md``: every figure the article reports, the model's, and the status of each.

Generated from ``data/presets.yaml`` (figures, statuses, reasons), ``data/reforms.yaml``
(dates relative to the article) and ``data/parameters.yaml`` (the two sources of every
parameter; every assumption's plausible range and the range's source, issue 14), so the
document cannot drift from what the pages and exports show; ``tests/test_evidence.py``
checks that the committed file equals the generated one.

The same text is served as a web page, ``evidence.html`` in the page template's static folder
(Voila serves it at ``voila/templates/explainer/static/evidence.html``), so that the landing
page can link to it; the tests keep both files equal to what the data gives.

Regenerate with ``python -m explainer.teaching.evidence`` (writes both under the working directory,
which must be the repository).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from explainer.core.i18n import t
from explainer.core.presets import Preset, compare, presets, status_text
from explainer.core.reforms import ARTICLE_DATE, reforms
from explainer.core.spec import Lang, bilingual, describe_source, registry
from explainer.model.robustness import range_ends
from explainer.model.uncertainty import SEED

#: Where the document lives in the repository.
DOC_PATH = Path("docs") / "evidence.md"
#: The same document as a page Voila serves (the template's static folder).
HTML_PATH = Path("share/jupyter/voila/templates/explainer/static/evidence.html")
#: Its address relative to the server's base URL.
HTML_URL = "voila/templates/explainer/static/evidence.html"

_HTML_HEAD = """<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>证据：文章的数字与模型 · Evidence: the article's figures and the model</title>
<style>
body{font-family:"Noto Sans CJK SC","Noto Sans",sans-serif;line-height:1.6;color:#222;
max-width:72em;margin:0 auto;padding:1em 1.2em}
table{border-collapse:collapse;display:block;overflow-x:auto;margin:1em 0}
th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3}code{font-size:.92em}
</style></head>
<body><main>
<p><a href="../../../../">← 首页 · Home</a></p>
"""
_HTML_TAIL = "</main></body></html>\n"


def _result(preset: Preset) -> Any:
    """The model's result for a preset, from the function its page runs (one number)."""
    from explainer.model import evaluate

    return evaluate(preset.page, preset.scenario())


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def figure_rows() -> list[dict[str, Any]]:
    """One row per reported figure: preset, metric, article, model, status, tuned, reasons."""
    rows = []
    for preset in presets().values():
        for comparison in compare(preset, _result(preset)):
            figure = comparison.reported
            rows.append(
                {
                    "preset": preset.id,
                    "metric": figure.metric,
                    "status": figure.status,
                    "calibrated": list(figure.calibrated),
                    **{
                        f"{key}_{lang}": value
                        for lang in ("en", "zh")
                        for key, value in (
                            ("name", preset.label(lang)),
                            ("article", figure.text[lang]),
                            ("model", figure.show(comparison.model_value, lang)),
                            ("reason", figure.reason[lang] if figure.reason else ""),
                        )
                    },
                }
            )
    return rows


def _figures_table(lang: Lang) -> list[str]:
    head = {
        "en": "| Case | Figure | Article | Model | Status | Tuned parameters | Why |",
        "zh": "| 案例 | 指标 | 文章 | 模型 | 状态 | 校准的参数 | 原因 |",
    }[lang]
    lines = [head, "|" + " --- |" * 7]
    for row in figure_rows():
        tuned = ", ".join(f"`{name}`" for name in row["calibrated"]) or "—"
        cells = [
            row[f"name_{lang}"],
            f"`{row['metric']}`",
            row[f"article_{lang}"],
            row[f"model_{lang}"],
            f"**{status_text(row['status'], lang)}**",
            tuned,
            row[f"reason_{lang}"] or "—",
        ]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return lines


def _no_figures(lang: Lang) -> list[str]:
    lines = []
    for preset in presets().values():
        if not preset.reported and preset.no_figures:
            lines.append(f"- **{preset.label(lang)}** (`{preset.id}`): {preset.no_figures[lang]}")
    return lines


def _reforms_table(lang: Lang) -> list[str]:
    head = {
        "en": "| Reform | Issued by | When, relative to the article | What the article shows |",
        "zh": "| 改革 | 出处 | 与文章的先后 | 文章所见 |",
    }[lang]
    lines = [head, "|" + " --- |" * 4]
    for reform in reforms().values():
        note = reform.timing_note[lang] if reform.timing_note else "—"
        cells = [reform.name[lang], reform.issuer[lang], reform.when(lang), note]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return lines


def _parameter_counts(lang: Lang) -> str:
    params = registry().params.values()
    total = len(params)
    mechanism = sum("seed" in p.mechanism_source for p in params)
    number = sum("seed" in p.number_source for p in params)
    if lang == "en":
        return (
            f"Of the {total} parameters, the article is the source of the mechanism for "
            f"{mechanism} and of the default number for {number}; every other number is an "
            "assumption or an outside reference. Each parameter's two sources are shown side by "
            "side in the controls' tooltips, the guides' assumption tables and the YAML/JSON "
            "exports (`parameter_sources`)."
        )
    return (
        f"{total}个参数中，机制出自文章的有{mechanism}个，默认数值出自文章的有{number}个；"
        "其余数值都是假设或文外资料。每个参数的两种来源并列显示在控件提示、教程的假设表和"
        "YAML/JSON导出（`parameter_sources`）中。"
    )


def range_rows(lang: Lang) -> list[dict[str, str]]:
    """Every assumption (``role: people``) with its plausible range and the range's source,
    as ``data/parameters.yaml`` declares them (issue 14)."""
    rows = []
    for spec in registry().params.values():
        found = spec.plausible
        if spec.role != "people" or found is None:
            continue
        if found.kind == "fixed":
            shown, source = t("evidence_range_fixed", lang), bilingual(found.reason, lang)
        else:
            shown, source = range_ends(spec.id, lang), describe_source(found.source, lang)
        rows.append({"label": spec.label[lang], "id": spec.id, "range": shown, "source": source})
    return rows


def _ranges_table(lang: Lang) -> list[str]:
    """The assumptions' ranges: a sentence on what they are for, then one row each."""
    rules = sum(p.role == "policy" for p in registry().params.values())
    lines = [t("evidence_ranges_intro", lang, rules=rules, seed=SEED), ""]
    head = [t("evidence_ranges_name", lang), t("evidence_ranges_id", lang)]
    head += [t("evidence_ranges_range", lang), t("evidence_ranges_source", lang)]
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in range_rows(lang):
        cells = [row["label"], f"`{row['id']}`", row["range"], row["source"]]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return lines


_INTRO = {
    "en": [
        "# What the model reproduces of the article, and what it does not",
        "",
        "Generated by `python -m explainer.teaching.evidence` from `data/presets.yaml`,",
        "`data/reforms.yaml` and `data/parameters.yaml`; `tests/test_evidence.py` keeps it in",
        f"step. The article: 《财经》E法, {ARTICLE_DATE} (cited by section and short phrase;",
        "`tests/test_quotes.py` checks every quoted phrase against it).",
        "",
        "Each figure the article reports has one status, shown on the page, in the A/B",
        "comparison table and in every export:",
        "",
        "- **reproduced**: no parameter was tuned to it (the test moves every parameter the",
        "  article does not state across its range and checks the figure does not move);",
        "- **calibrated**: the named parameters were chosen so that the model gives it, so",
        "  agreement is a consistency check, not a prediction;",
        "- **not reproduced**: on the article's own rules the model disagrees; the reason is",
        "  given and nothing is re-tuned to hide it.",
        "",
        "{counts_en}",
        "",
        "## Figures",
        "",
    ],
    "zh": [
        "## 中文",
        "",
        "文章报告的每个数字都有一个状态，显示在页面、A/B对照表和每种导出中：",
        "**已复现**（没有为它调任何参数）、**已校准**（所列参数是为得到它而选的，吻合只是一致性",
        "检查）、**未复现**（按文章自己的规则模型与文章不符，给出原因，不为掩盖而重调）。",
        "{counts_zh}",
        "",
        "### 数字",
        "",
    ],
}


def _counts(lang: Lang) -> str:
    """How many figures have each status, in a sentence."""
    rows = figure_rows()
    parts = [
        f"{sum(r['status'] == s for r in rows)} {status_text(s, lang)}"
        for s in ("reproduced", "calibrated", "not_reproduced")
    ]
    if lang == "en":
        return f"Of the {len(rows)} figures: " + ", ".join(parts) + "."
    return f"共{len(rows)}个数字：" + "，".join(parts) + "。"


def render() -> str:
    """The whole document, English then Chinese."""
    counts = {"{counts_en}": _counts("en"), "{counts_zh}": _counts("zh")}
    lines = [counts.get(line, line) for line in _INTRO["en"]]
    lines += _figures_table("en")
    lines += ["", "### Cases for which the article reports no figure", ""]
    lines += _no_figures("en")
    lines += ["", "## Reforms, dated relative to the article", ""]
    lines += _reforms_table("en")
    lines += ["", "## Parameters: two sources each", "", _parameter_counts("en"), ""]
    lines += [f"## {t('evidence_ranges_title', 'en')}", "", *_ranges_table("en"), ""]
    lines += [counts.get(line, line) for line in _INTRO["zh"]]
    lines += _figures_table("zh")
    lines += ["", "### 文章没有给出数字的案例", ""]
    lines += _no_figures("zh")
    lines += ["", "### 改革与文章的先后", ""]
    lines += _reforms_table("zh")
    lines += ["", "### 参数的两种来源", "", _parameter_counts("zh"), ""]
    lines += [f"### {t('evidence_ranges_title', 'zh')}", "", *_ranges_table("zh"), ""]
    return "\n".join(lines)


def render_html(markdown: str | None = None) -> str:
    """The document as a self-contained web page (no script, nothing from the network).

    Rendered with mistune (installed with nbconvert, which Voila needs), escaping any HTML
    in the text.
    """
    import mistune

    to_html = mistune.create_markdown(escape=True, plugins=["table"])
    return _HTML_HEAD + to_html(render() if markdown is None else markdown) + _HTML_TAIL


def main(argv: list[str] | None = None) -> int:
    """Write ``docs/evidence.md`` and its web page (``--check``: exit status 1 if stale)."""
    args = sys.argv[1:] if argv is None else argv
    text = render()
    outputs = {DOC_PATH: text, HTML_PATH: render_html(text)}
    if "--check" in args:
        stale = [
            path
            for path, wanted in outputs.items()
            if not path.is_file() or path.read_text(encoding="utf-8") != wanted
        ]
        for path in stale:
            print(f"{path} is stale: run python -m explainer.teaching.evidence", file=sys.stderr)
        return 1 if stale else 0
    for path, wanted in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(wanted, encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

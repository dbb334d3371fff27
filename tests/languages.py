"""Is a text in one language? Shared by the source-language tests and the static-site test.

Quotations (“…”, nested too), titles in 《》, brackets holding Chinese and reference titles
that are names (a paper's own title) are kept in their own language and do not count
(issue 16: "no English prose outside quotations and names, and the reverse").
"""

from __future__ import annotations

import re

from explainer.core.spec import sources

CJK = re.compile(r"[\u3400-\u9fff]")
#: Quotations and names kept in their own language: “…”, 《…》 and brackets holding Chinese.
_QUOTED = re.compile(r"《[^》]*》|（[^）]*）|\([^()]*[\u3400-\u9fff][^()]*\)")


def names() -> list[str]:
    """Titles that read the same in every language (a paper's own title: a name)."""
    return [str(s["title"]) for s in sources().values() if isinstance(s.get("title"), str)]


def unquoted(text: str) -> str:
    """``text`` without its “quotations”, which may nest (“““防刷”系统…”)."""
    kept, depth = [], 0
    for char in text:
        depth += char == "“"
        if depth == 0:
            kept.append(char)
        depth -= char == "”" and depth > 0
    return "".join(kept)


def english_prose(text: str) -> list[str]:
    """Lower-case Latin words of 3+ letters (prose, units, identifiers) left in a Chinese
    text once quotations and names (capitalised, such as Goodhue, or a paper's title) are out."""
    text = unquoted(text)
    for name in names():
        text = text.replace(name, "")
    return re.findall(r"(?<![A-Za-z])[a-z]{3,}", text)


def chinese_prose(text: str) -> list[str]:
    """Chinese characters left in an English text once quotations and names are taken out."""
    text, previous = unquoted(text), None
    while previous != text:  # nested brackets and quotations
        previous, text = text, _QUOTED.sub("", text)
    return CJK.findall(text)


def wrong_language(text: str, lang: str) -> list[str]:
    """What in ``text`` is in the other language than ``lang`` (empty when none)."""
    return english_prose(text) if lang == "zh" else chinese_prose(text)

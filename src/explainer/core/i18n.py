"""Every user-visible string, from one file per language in ``data/locales/``."""

from __future__ import annotations

from functools import cache
from typing import Literal, get_args

from explainer.core.datafiles import read_yaml

Lang = Literal["zh", "en"]
LANGUAGES: tuple[Lang, ...] = get_args(Lang)  # the UI languages, in the order shown

__all__ = ["LANGUAGES", "Lang", "minutes_text", "strings", "t"]


@cache
def strings(lang: Lang) -> dict[str, str]:
    """All strings of one language (``data/locales/<lang>.yaml``)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    return read_yaml("locales", f"{lang}.yaml")


def t(key: str, lang: Lang, **values: object) -> str:
    """The string ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    text = strings(lang)[key]
    return text.format(**values) if values else text


def sentences(lang: Lang, *parts: str) -> str:
    """``parts`` as one paragraph: English sentences apart by a space, Chinese ones not."""
    return (" " if lang == "en" else "").join(parts)


def minutes_text(minutes: float, lang: Lang) -> str:
    """``95`` → ``"1 h 35 min"`` / ``"1 小时 35 分钟"``; under an hour, ``"35 min"``."""
    total = int(round(minutes))
    if total < 60:
        return t("minutes_value", lang, value=total)
    if total % 60 == 0:
        return t("hours_only", lang, h=total // 60)
    return t("hours_minutes", lang, h=total // 60, m=total % 60)

"""Input from a visitor (a scenario file, a URL query) is hostile: its limits, in one place.

Issue 11 showed what unbounded input does: a YAML file of a few hundred bytes with nested
anchors and aliases ("billion laughs") parses cheaply into shared references, then expands
when a message prints it (117 s and 10.8 GB before a MemoryError); millions of unknown keys or
one 50 MB value were echoed back in full. So:

- :data:`LIMITS` holds every bound (file size, nesting, items, problems listed, characters of
  a value echoed back); each one reached gives its own message in the page's language;
- :func:`load_untrusted_yaml` refuses anchors, aliases, explicit tags and complex keys while
  reading the parser's *events*, before any Python object is built, then builds the document
  with libyaml's parser (when PyYAML has it) and the duplicate-key check;
- :func:`echo` shortens and cleans any value before a message shows it.

A refusal is an :class:`InputRefused`: a message key of ``data/locales`` plus its values,
never the text of a Python exception.
"""

from __future__ import annotations

import math
import reprlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml
from yaml import events as ev


@dataclass(frozen=True)
class Limits:
    """Bounds on what a visitor can send; every one has a message when reached."""

    #: A scenario file's size in bytes. A download from the page is about 6 kB. Files are checked in
    #: the browser before they are sent, because Tornado closes the page's websocket on any
    #: message over 10 MiB (its ``websocket_max_message_size`` default), which would cut the
    #: page off from its kernel; the kernel checks again whatever arrives.
    max_file_bytes: int = 1_000_000
    #: Nesting of mappings and lists (a download nests 4 deep).
    max_depth: int = 8
    #: Keys, list items and values in the whole file (a download has about 360).
    max_items: int = 5_000
    #: Problems listed in the page; the rest are counted ("and 12 more").
    max_problems: int = 20
    #: Characters of a visitor's value or key shown back in a message, ellipsis included.
    max_echo: int = 60


LIMITS = Limits()


class InputRefused(ValueError):
    """Input refused as a whole: ``key`` is a ``data/locales`` string, ``values`` fill it."""

    def __init__(self, key: str, values: Mapping[str, Any] | None = None) -> None:
        self.key = key
        self.values = dict(values or {})
        super().__init__(key)

    def __str__(self) -> str:
        return self.message("en")

    def message(self, lang: str) -> str:
        from explainer.core.i18n import (
            t,  # here: explainer.core.i18n imports explainer.core.spec, which uses us
        )

        return t(self.key, lang, **self.values)  # type: ignore[arg-type]


# ---------------------------------------------------------------------- echo
_REPR = reprlib.Repr()
_REPR.maxlevel = 2
_REPR.maxdict = _REPR.maxlist = _REPR.maxtuple = _REPR.maxset = 4
_REPR.maxstring = _REPR.maxother = 40
_REPR.maxlong = 40


def echo(value: Any, limit: int | None = None) -> str:
    """``value`` as a message may show it: at most ``limit`` characters, no control characters.

    Strings are quoted; containers show a few items (never expanded in full); integers too
    long to print (Python refuses over 4,300 digits) are described by their size. The result
    still needs HTML escaping where it goes into markup.
    """
    limit = limit or LIMITS.max_echo
    if isinstance(value, str):
        text = "'" + value[: limit + 1] + "'"
    elif isinstance(value, bool) or value is None:
        text = repr(value)
    elif isinstance(value, int):
        digits = int(value.bit_length() * math.log10(2)) + 1
        text = str(value) if digits <= limit else f"<{digits:,}-digit number>"
    elif isinstance(value, (float, int, str, list, dict, tuple, set)):
        text = _REPR.repr(value)
    else:
        text = f"<{type(value).__name__}>"
    text = "".join(c if c.isprintable() else " " for c in text[: limit + 1])
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------- YAML
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when built in


class _UntrustedLoader(_Base):  # type: ignore[misc, valid-type]
    """Safe construction, with a key given twice refused and no value read as a clock or date.

    YAML 1.1 reads ``21:30`` as the number 1290 (base 60) and ``2021-02-30`` as a date (which
    raises Python's "day is out of range for month"): both stay text here, so the scenario's
    own checks read them in the documented forms and name the field when they are wrong.
    An integer too long for Python to convert stays text too.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise InputRefused(
                    "file_duplicate_key", {"name": echo(key), "line": key_node.start_mark.line + 1}
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:
        text = self.construct_scalar(node)
        if ":" in text:
            return text
        try:
            return super().construct_yaml_int(node)
        except ValueError:  # over 4,300 digits
            return text

    def construct_yaml_float(self, node: yaml.ScalarNode) -> Any:
        text = self.construct_scalar(node)
        return text if ":" in text else super().construct_yaml_float(node)

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:  # type: ignore[override]
        return self.construct_scalar(node)


_UntrustedLoader.add_constructor("tag:yaml.org,2002:int", _UntrustedLoader.construct_yaml_int)
_UntrustedLoader.add_constructor("tag:yaml.org,2002:float", _UntrustedLoader.construct_yaml_float)
_UntrustedLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", _UntrustedLoader.construct_yaml_timestamp
)


def _line(event: ev.Event) -> int:
    mark = getattr(event, "start_mark", None)
    return mark.line + 1 if mark is not None else 0


def check_yaml_events(text: str, limits: Limits = LIMITS) -> None:
    """Walk the parser's events; refuse aliases, anchors, tags, complex keys, depth and size.

    Nothing is built here: a billion-laughs file is refused at its first anchor, whatever it
    would expand to.
    """
    stack: list[list[int]] = []  # per open collection: [is_mapping, children seen]
    items = documents = 0
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, ev.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise InputRefused("file_many_documents", {"line": _line(event)})
        if isinstance(event, ev.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise InputRefused("file_alias", {"line": _line(event)})
        if isinstance(event, ev.CollectionEndEvent):
            stack.pop()
            continue
        if not isinstance(event, (ev.ScalarEvent, ev.CollectionStartEvent)):
            continue
        if event.tag is not None and not (isinstance(event, ev.ScalarEvent) and event.tag == "!"):
            raise InputRefused("file_tag", {"tag": echo(event.tag), "line": _line(event)})
        items += 1
        if items > limits.max_items:
            raise InputRefused("file_too_many_items", {"limit": f"{limits.max_items:,}"})
        if stack:
            is_mapping, seen = stack[-1]
            stack[-1][1] += 1
            if is_mapping and seen % 2 == 0 and isinstance(event, ev.CollectionStartEvent):
                raise InputRefused("file_complex_key", {"line": _line(event)})
        if isinstance(event, ev.CollectionStartEvent):
            stack.append([isinstance(event, ev.MappingStartEvent), 0])
            if len(stack) > limits.max_depth:
                raise InputRefused("file_too_deep", {"limit": limits.max_depth})


def load_untrusted_yaml(text: str, limits: Limits = LIMITS) -> Any:
    """Parse a visitor's YAML or JSON within ``limits``; raise :class:`InputRefused` if not."""
    try:
        check_yaml_events(text, limits)
        return yaml.load(text, Loader=_UntrustedLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if mark is None:
            raise InputRefused("file_not_yaml_at", {"line": "?", "column": "?"}) from None
        where = {"line": mark.line + 1, "column": mark.column + 1}
        raise InputRefused("file_not_yaml_at", where) from None
    except yaml.YAMLError:  # e.g. a control character the reader refuses
        raise InputRefused("file_not_yaml") from None


def decode_file(content: bytes, limits: Limits = LIMITS) -> str:
    """A file's bytes as text: refused when over the size limit or not UTF-8."""
    if len(content) > limits.max_file_bytes:
        raise InputRefused("file_too_large", size_limit_values(len(content), limits))
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputRefused("file_not_text") from None


def size_limit_values(size: int, limits: Limits = LIMITS) -> dict[str, str]:
    """``{"size": "12.3 MB", "limit": "1 MB"}`` for the file-too-large message."""

    def megabytes(n: int) -> str:
        return f"{n / 1_000_000:.3g} MB" if n >= 100_000 else f"{n / 1000:.3g} kB"

    return {"size": megabytes(max(size, 0)), "limit": megabytes(limits.max_file_bytes)}

"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

import html
import json
import re
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from explainer.core.spec import ParamSpec


def value_on_step(spec: ParamSpec) -> st.SearchStrategy[Any]:
    """Values a control for ``spec`` could produce: min + k·step, up to max (exact decimals)."""
    if spec.type == "bool":
        return st.booleans()
    if spec.type == "choice":
        return st.sampled_from(list(spec.choices))
    if spec.type == "date":
        return st.dates(min_value=spec.min, max_value=spec.max)
    step = Decimal(str(spec.step or 1))
    low, high = Decimal(str(spec.min)), Decimal(str(spec.max))
    n_steps = int((high - low) / step)
    if spec.type == "float":
        return st.integers(0, n_steps).map(lambda k: float(low + k * step))
    return st.integers(0, n_steps).map(lambda k: int(low + k * step))


# ---------------------------------------------------------------------- hostile input (issue 11)
#: Words of Python's, pydantic's and PyYAML's own error texts: none may reach a visitor.
TELLTALES = (
    "Traceback",
    "invalid literal",
    "Exceeds the limit",
    "int_max_str_digits",
    "integer string conversion",
    "out of range for month",
    "day is out of range",
    "Value error",
    "Input should be",
    "validation error",
    "unhashable",
    "has no attribute",
    "NoneType",
    "object is not",
    "could not determine a constructor",
    "found unacceptable",
    "while parsing",
    "while scanning",
    "expected '<document start>'",
    "MemoryError",
    "TypeError",
    "ValueError",
    "KeyError",
    "RecursionError",
    "ConstructorError",
    "keywords must be strings",
    "argument",
    "<class ",
    "Errno",
)
#: A message may list LIMITS.max_problems problems of a few hundred characters each.
MESSAGE_BOUND = 15_000
#: Markup a visitor's text could smuggle in; escaped text (&lt;img ...) does not match.
MARKUP = re.compile(r"<\s*(script|img|svg|iframe|object|embed)\b", re.I)


def assert_clean_message(markup: str, what: object = "") -> None:
    """The page's message: bounded, escaped, and in the project's own words only."""
    assert len(markup) <= MESSAGE_BOUND, f"{what!r}: a message of {len(markup):,} characters"
    assert not MARKUP.search(markup), f"{what!r}: visitor text reached the page unescaped"
    text = html.unescape(markup)
    found = [word for word in TELLTALES if word in text]
    assert not found, f"{what!r}: Python's own text {found} in the message: {text[:500]!r}"


#: Values a careless or hostile visitor may write for a parameter (file or URL).
HOSTILE_VALUES = (
    "٢٣:٠٠",  # Arabic-Indic digits
    "²:00",  # a superscript: str.isdigit() says yes, int() raises
    "２１:３０",  # full-width digits
    "21:30",
    "07:60",
    "24:00",
    "1598659200",  # epoch seconds
    "2020-08-29T00:00:00",
    "2021-02-30",
    "٢٠٢٠-٠٨-٢٩",
    "-0",
    "1e999",
    "nan",
    "0x10",
    "true",
    "<script>alert(1)</script>",
    "\u202e\x00\x1b[31m",
)
#: Long values, built when drawn (a literal this long would fill every repr of a strategy).
_LONG = {"digits": ("9", 5000), "clock": ("9", 4000), "text": ("x", 5000)}


def hostile_values() -> st.SearchStrategy[str]:
    """HOSTILE_VALUES, and numbers over Python's 4,300-digit limit, and long text."""
    long = st.sampled_from(sorted(_LONG)).map(
        lambda kind: _LONG[kind][0] * _LONG[kind][1] + (":00" if kind == "clock" else "")
    )
    return st.one_of(st.sampled_from(HOSTILE_VALUES), long)


def _written(spec: ParamSpec, value: Any) -> str:
    """A valid value as a scenario file writes it (clock and date as quoted text)."""
    if spec.type in ("clock", "date"):
        return _quoted(spec.display(value))
    if spec.type == "bool":
        return "true" if value else "false"
    return _quoted(value) if isinstance(value, str) else repr(value)


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def _scalars() -> st.SearchStrategy[str]:
    """YAML scalar fragments: plain, quoted, numbers, huge ones, tagged."""
    from explainer.core.spec import registry

    names = sorted(registry().params)
    return st.one_of(
        hostile_values().map(_quoted),
        hostile_values().filter(lambda v: v.isprintable() and "<" not in v),  # plain
        st.sampled_from(["3", "0", "-1", "15", "2.5", "~", "null", "true", "no", ".inf", "''"]),
        st.integers(-(10**30), 10**30).map(str),
        st.sampled_from(names),
        st.text(max_size=20).map(_quoted),
        st.integers(1, 300_000).map(lambda n: _quoted("v" * n)),
        st.sampled_from(
            [
                "!!python/object/apply:os.system ['id']",
                "!!python/name:os.system",
                "!!binary aGVsbG8=",
                "!!str 3",
                "!!int '12'",
                "!custom x",
                "!!timestamp 2020-08-29",
            ]
        ),
    )


def yaml_nodes(depth: int = 4) -> st.SearchStrategy[str]:
    """YAML flow fragments: scalars, lists, mappings (complex keys too), anchors, aliases."""

    def extend(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        keys = st.one_of(_scalars(), children)  # a list or mapping as a key: a complex key
        return st.one_of(
            st.lists(children, max_size=5).map(lambda xs: "[" + ", ".join(xs) + "]"),
            st.lists(st.tuples(keys, children), max_size=5).map(
                lambda kv: "{" + ", ".join(f"{k}: {v}" for k, v in kv) + "}"
            ),
            st.tuples(st.sampled_from(["a", "b"]), children).map(lambda t: f"&{t[0]} {t[1]}"),
            st.sampled_from(["*a", "*b"]),
        )

    return st.recursive(_scalars(), extend, max_leaves=12)


@st.composite
def scenario_files(draw: st.DrawFn) -> bytes:
    """A scenario file as a visitor might upload it: mostly well-formed, often hostile."""
    from explainer.core.reforms import reforms
    from explainer.core.spec import registry

    names = sorted(registry().params)
    kind = draw(st.sampled_from(["scenario", "scenario", "scenario", "laughs", "bulk", "raw"]))
    if kind == "raw":  # any bytes: not UTF-8, control characters, a picture
        return draw(st.binary(max_size=200))
    if kind == "laughs":  # nested anchors and aliases: tiny text, a vast expansion
        width, levels = draw(st.integers(2, 9)), draw(st.integers(2, 9))
        lines = [f"l0: &l0 [{', '.join(['lol'] * width)}]"]
        lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * width)}]" for i in range(1, levels)]
        lines.append(f"parameters: {{n_apps: *l{levels - 1}}}")
        return "\n".join(lines).encode()
    if kind == "bulk":  # many keys, deep nesting or one huge value
        what = draw(st.sampled_from(["keys", "deep", "value"]))
        if what == "keys":
            n = draw(st.integers(1, 6000))
            return ("parameters:\n" + "".join(f"  k{i}: {i}\n" for i in range(n))).encode()
        if what == "deep":
            n = draw(st.integers(5, 2000))
            return ("parameters: {n_apps: " + "[" * n + "]" * n + "}").encode()
        return ("parameters: {n_apps: '" + "x" * draw(st.integers(1, 900_000)) + "'}").encode()
    fields: list[tuple[str, str]] = []
    specs = registry().params
    good = st.sampled_from(names).flatmap(  # a declared parameter with a value it allows
        lambda name: value_on_step(specs[name]).map(lambda v: (name, _written(specs[name], v)))
    )
    bad = st.tuples(st.sampled_from(names), st.one_of(_scalars(), _scalars(), yaml_nodes()))
    anything = st.tuples(st.one_of(_scalars(), yaml_nodes(2)), st.one_of(_scalars(), yaml_nodes()))
    mostly_good = draw(st.sampled_from([True, True, False]))
    usual = st.one_of(good, good, good, good, bad)
    pairs = usual if mostly_good else st.one_of(good, bad, anything)
    params = draw(st.lists(pairs, max_size=8, unique_by=lambda kv: kv[0]))
    fields.append(("parameters", "{" + ", ".join(f"{k}: {v}" for k, v in params) + "}"))
    reform_list = st.lists(st.sampled_from(sorted(reforms())), max_size=3, unique=True)
    long_number = st.just("9").map(lambda nine: nine * 5000)
    optional = {  # (as an exported file writes it, as a visitor might)
        "explainer_scenario": (
            st.just("1"),
            st.sampled_from(["2", "'1'", "true", "[1]", "1.0"]) | long_number,
        ),
        "page": (
            st.sampled_from(["night", "reforms"]),
            st.sampled_from(["unit", "fit", "nope", "[night]", "{a: 1}"]),
        ),
        "language": (st.sampled_from(["zh", "en"]), st.sampled_from(["fr", "[zh]", "~", "ZH"])),
        "preset": (
            st.sampled_from(["li_yi", "wang_yiqi", "district_20h", "~", "''"]),
            st.one_of(st.sampled_from(["nope", "[li_yi]"]), yaml_nodes(2)),
        ),
        "reforms": (
            reform_list.map(lambda xs: "[" + ", ".join(xs) + "]"),
            st.one_of(
                st.lists(st.sampled_from(["nope", "[a, b]", "{a: 1}", "1", "~"]), max_size=3).map(
                    lambda xs: "[" + ", ".join(xs) + "]"
                ),
                yaml_nodes(2),
            ),
        ),
        "provenance": (st.just("{explainer_version: 0.1.0, state: ''}"), yaml_nodes(2)),
    }
    for key, (usual, hostile) in optional.items():
        if draw(st.booleans()):
            fields.append((key, draw(usual if mostly_good else st.one_of(usual, hostile))))
    if not mostly_good and draw(st.integers(0, 3)) == 0:
        fields.append((draw(_scalars()), draw(yaml_nodes(2))))
    if not mostly_good and draw(st.integers(0, 3)) == 0:
        fields.append(("parameters", "{}"))  # a key given twice
    draw(st.randoms()).shuffle(fields)
    text = "".join(f"{k}: {v}\n" for k, v in fields)
    if draw(st.integers(0, 7)) == 0:
        text = json.dumps({"parameters": {draw(st.sampled_from(names)): 3}}) + text[:40]
    return text.encode()

"""Strings: zh and en agree key for key, placeholder for placeholder, and cover every use."""

from __future__ import annotations

import ast
import html
import re
import string
from functools import cache
from pathlib import Path

import pytest
import yaml

from explainer.charts.fit import SERIES
from explainer.charts.night import KIND_COLOURS
from explainer.charts.reforms import SIDE_COLOURS
from explainer.charts.unit import RULES
from explainer.core.datafiles import data_file
from explainer.core.figures import HEADLINES, UNITS
from explainer.core.i18n import LANGUAGES, minutes_text, strings, t
from explainer.core.presets import STATUSES
from explainer.core.reforms import TIMINGS
from explainer.core.spec import load_yaml_text, registry
from explainer.model.compare import METRICS
from explainer.model.escalation import UPPER_LEVELS
from explainer.model.fit import DEPARTMENTS, RECOMMENDATION, TOOLS
from explainer.model.night import EVENING_STEPS, night
from explainer.model.robustness import CONCLUSIONS
from explainer.teaching.exercises import TYPES as EXERCISE_TYPES
from explainer.teaching.exercises import UNREADABLE
from explainer.teaching.guide import COLUMNS as GUIDE_COLUMNS
from explainer.ui.dashboard import PAGES, Dashboard
from explainer.ui.fit import FitDashboard
from explainer.ui.night import NightDashboard
from explainer.ui.night import notes_html as night_notes_html
from explainer.ui.reforms import ReformsDashboard
from explainer.ui.unit import UnitDashboard

SRC = Path(__file__).resolve().parents[1] / "src" / "explainer"
ZH, EN = strings("zh"), strings("en")

#: Ideographs, CJK punctuation and full-width forms (“ ” are general punctuation, not CJK).
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

#: Chinese strings that need no Chinese character: "APP" is what Chinese officials call the
#: apps (the article writes 政务APP).
ZH_WITHOUT_HAN = {"chart_apps_y", "row_app"}
#: … and templates made of placeholders and Chinese punctuation (full-width colon, comma,
#: brackets, the enumeration comma 、), which is what differs between the two languages.
ZH_WITHOUT_HAN |= {"source_seed", "source_note", "label_text", "enum_separator", "list_separator"}
#: A rule's short name and its range, both filled in (the caption says "median" before).
ZH_WITHOUT_HAN |= {"band2_median_label"}
#: English texts that quote the Chinese term they explain (“以上”, whose reading is the point).
EN_QUOTING_CHINESE = {
    ("run_reading", "help"),
    ("run_reading", "at_least"),
    ("run_reading", "more_than"),
}
#: Units that are the same in both languages.
UNITS_WITHOUT_HAN = {"0-1"}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def raw_text(lang: str) -> str:
    return data_file("locales", f"{lang}.yaml").read_text(encoding="utf-8")


# ----------------------------------------------------------------------------- the files
def test_both_languages_have_exactly_the_same_keys() -> None:
    assert set(ZH) - set(EN) == set(), "only in zh.yaml"
    assert set(EN) - set(ZH) == set(), "only in en.yaml"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_value_is_a_non_empty_string(lang: str) -> None:
    bad = {k: v for k, v in strings(lang).items() if not isinstance(v, str) or not v.strip()}
    assert bad == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_key_is_given_twice(lang: str) -> None:
    text = raw_text(lang)
    keys = re.findall(r"^([A-Za-z0-9_]+):", text, flags=re.MULTILINE)
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    assert duplicates == []
    assert set(keys) == set(strings(lang))
    # and the loader agrees: the file parses under the loader that refuses duplicates
    assert load_yaml_text(text) == strings(lang)


def test_the_loader_refuses_a_key_given_twice() -> None:
    text = 'app_title: "one"\nsource: "x"\napp_title: "two"\n'
    assert yaml.safe_load(text) == {"app_title": "two", "source": "x"}  # PyYAML: last wins
    with pytest.raises(ValueError, match=r"app_title.*twice.*line 3"):
        load_yaml_text(text)


def test_the_loader_refuses_a_nested_key_given_twice() -> None:
    with pytest.raises(ValueError, match="zh"):
        load_yaml_text("name:\n  zh: 甲\n  en: A\n  zh: 乙\n")
    assert load_yaml_text("name:\n  zh: 甲\n  en: A\n") == {"name": {"zh": "甲", "en": "A"}}


@pytest.mark.parametrize("key", sorted(EN))
def test_placeholders_agree(key: str) -> None:
    assert placeholders(ZH[key]) == placeholders(EN[key])


#: English strings that cite the article by its Chinese title.
EN_CITING_THE_ARTICLE = {"landing_source"}


def test_english_strings_have_no_chinese() -> None:
    found = {k for k, v in EN.items() if CJK.search(v)}
    assert found == EN_CITING_THE_ARTICLE


def test_chinese_strings_are_chinese() -> None:
    missing = {k for k, v in ZH.items() if not HAN.search(v)}
    assert missing == ZH_WITHOUT_HAN, "update ZH_WITHOUT_HAN only for deliberate exceptions"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="fr"):
        strings("fr")  # type: ignore[arg-type]


def test_t_fills_placeholders() -> None:
    assert t("minutes_value", "en", value=35) == "35 min"
    assert t("minutes_value", "zh", value=35) == "35 分钟"
    assert minutes_text(95, "en") == "1 h 35 min"
    assert minutes_text(120, "zh") == "2 小时"


# ----------------------------------------------------------------------------- keys in src
#: f-string key patterns in src → the values they are formatted with.
FAMILIES: dict[str, set[str]] = {
    "kind_": set(KIND_COLOURS),
    "step_": set(EVENING_STEPS),
    "rule_": set(RULES) | set(registry().params["rule"].choices),
    "rule_short_": set(RULES),
    "horizon_": {"period", "year"},
    "reading_": set(registry().params["run_reading"].choices),
    "level_": {*UPPER_LEVELS, "section"},
    "dept_": set(DEPARTMENTS),
    "tool_": set(TOOLS) | set(registry().params["tool"].choices),
    "effort_": set(SERIES),
    "side_": set(SIDE_COLOURS),
    "metric_": set(HEADLINES) | {key for key, *_ in METRICS},
    "nav_": set(PAGES),
    "landing_": set(PAGES),
    "status_": set(STATUSES),
    "reform_when_": set(TIMINGS),
    "source_kind_": {"seed", "ref", "assumption"},
    "exercise_mark_": {"right", "empty", "open", "wrong"},
    "exercise_unreadable_": set(UNREADABLE),
    "exercise_too_": {"late", "early", "high", "low"},
    "exercise_type_": set(EXERCISE_TYPES),
    "guide_column_": set(GUIDE_COLUMNS),
    #: Problem codes (explainer.core.spec.Problem.reason, ProblemError.code): every problem_ key
    #: but problem_allowed, the frame of a problem's allowed values.
    "problem_": {k.removeprefix("problem_") for k in EN if k.startswith("problem_")} - {"allowed"},
    "claim_": {c.key for page in CONCLUSIONS.values() for c in page},
    "negation_": {c.key for page in CONCLUSIONS.values() for c in page},
    "band_unit_": set(UNITS),
}


def _dashboards() -> list[type[Dashboard]]:
    return [NightDashboard, UnitDashboard, FitDashboard, ReformsDashboard]


def _night_notes() -> set[str]:
    return set(re.findall(r'"(note_[a-z_]+)"', (SRC / "model" / "night.py").read_text()))


def _literals(path: str, prefix: str) -> set[str]:
    return set(re.findall(rf'"({prefix}[a-z_]+)"', (SRC / path).read_text()))


#: Keys passed to t() through a variable: (file, expression) → the keys it can hold.
VARIABLE_KEYS: dict[tuple[str, str], set[str]] = {
    ("charts/fit.py", "key"): _literals("charts/fit.py", "region_"),
    ("core/spec.py", "key"): _literals("core/spec.py", "problem_"),  # in_languages(key)
    ("teaching/exercises.py", "key"): {  # both(key): the plain exercise_ messages
        k for k in EN if k.startswith("exercise_") and not placeholders(EN[k])
    },
    ("pages/night.py", "key"): _night_notes(),
    ("ui/view.py", "self.page.title_key"): {d.spec.title_key for d in _dashboards()},
    ("ui/view.py", "self.page.intro_key"): {d.spec.intro_key for d in _dashboards()},
    ("ui/brief_button.py", "dashboard.page.title_key"): {d.spec.title_key for d in _dashboards()},
    ("pages/fit.py", "row.advice"): set(RECOMMENDATION.values()),
    ("pages/markup.py", "k"): {
        "table_figure",
        "side_a",
        "side_b",
        "side_status_quo",
        "side_reform",
        "table_change",
        "table_side",
        "table_article",
        "table_model",
        "table_status",
    },
    ("ui/article.py", "side"): {"side_a", "side_b"},
    ("pages/reforms.py", "key"): {"reform_timing_note", "reform_assumption"},
    ("ui/extras.py", "self.choice.title_key"): {"reforms_pick"},
    ("ui/exports.py", "label"): {"export_csv", "export_yaml", "export_json"},
    ("pages/night.py", "summary_key"): {"summary_night_short", "summary_night_enough"},
}
#: Variable keys whose values differ per branch: placeholders checked by rendering instead
#: (test_every_night_note_renders).
# Whole-input refusals (explainer.core.untrusted.InputRefused, spec.Problem.code): rendered with
# the values their code gives, checked by tests/test_untrusted.py.
_REFUSALS = {k for k in EN if k.startswith("file_")} | {"import_bad", "import_not_scenario"}
VARIABLE_KEYS[("core/untrusted.py", "self.key")] = _REFUSALS
VARIABLE_KEYS[("core/spec.py", "self.code")] = _REFUSALS
# Playlists (issue 18): a problem's key, and the heading of the stepper's message.
_PLAYLIST_PROBLEMS = {k for k in EN if k.startswith("playlist_")}
VARIABLE_KEYS[("teaching/playlist.py", "self.key")] = _PLAYLIST_PROBLEMS | _REFUSALS
VARIABLE_KEYS[("ui/playlist.py", "title_key")] = {"playlist_failed_title", "playlist_step_title"}
RENDERED = {
    ("pages/night.py", "key"),
    ("core/untrusted.py", "self.key"),
    ("core/spec.py", "self.code"),
    ("teaching/playlist.py", "self.key"),
}


@cache
def t_calls() -> list[tuple[str, int, ast.expr, set[str] | None]]:
    """Every call t(key, lang, ...) in src: (file, line, key expression, keyword names)."""
    calls = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            is_t = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            # both(key, ...): explainer.teaching.exercises' t() in the two languages at once.
            if is_t and node.func.id in ("t", "both") and node.args:
                names = {k.arg for k in node.keywords}
                kwargs = None if None in names else names  # None: **values, unknown
                rel = path.relative_to(SRC).as_posix()
                calls.append((rel, node.lineno, node.args[0], kwargs))
    return calls


def keys_of(rel: str, line: int, expr: ast.expr) -> tuple[set[str], bool]:
    """The keys an expression can take, and whether they are exact (not a family)."""
    if isinstance(expr, ast.Constant):
        return {expr.value}, True
    if isinstance(expr, ast.IfExp):
        body, exact_a = keys_of(rel, line, expr.body)
        orelse, exact_b = keys_of(rel, line, expr.orelse)
        return body | orelse, exact_a and exact_b
    if isinstance(expr, ast.JoinedStr):
        parts = expr.values
        ok = (
            len(parts) == 2
            and isinstance(parts[0], ast.Constant)
            and isinstance(parts[1], ast.FormattedValue)
        )
        assert ok, f"{rel}:{line}: unexpected key pattern {ast.unparse(expr)}"
        prefix = parts[0].value
        assert prefix in FAMILIES, f"{rel}:{line}: add {prefix!r} to FAMILIES"
        return {prefix + value for value in FAMILIES[prefix]}, False
    source = ast.unparse(expr)
    assert (rel, source) in VARIABLE_KEYS, f"{rel}:{line}: t({source}, ...) — add to VARIABLE_KEYS"
    return VARIABLE_KEYS[(rel, source)], False


def test_t_calls_are_found() -> None:
    assert len(t_calls()) > 100
    families = {
        ast.unparse(e)[2:].split("{")[0] for _, _, e, _ in t_calls() if isinstance(e, ast.JoinedStr)
    }
    assert families == set(FAMILIES), "a family in FAMILIES is no longer used, or a new one is"
    variables = {(rel, ast.unparse(e)) for rel, _, e, _ in t_calls() if isinstance(e, ast.Name)}
    variables |= {
        (rel, ast.unparse(e)) for rel, _, e, _ in t_calls() if isinstance(e, ast.Attribute)
    }
    assert variables == set(VARIABLE_KEYS)
    assert all(keys for keys in VARIABLE_KEYS.values())


def test_every_key_used_in_src_exists_with_the_placeholders_given() -> None:
    missing, mismatched = [], []
    for rel, line, expr, kwargs in t_calls():
        keys, exact = keys_of(rel, line, expr)
        for key in keys:
            if key not in EN:
                missing.append(f"{rel}:{line} {key}")
                continue
            if kwargs is None or (rel, ast.unparse(expr)) in RENDERED:
                continue
            needed = placeholders(EN[key])
            # One call serves a whole family, so extra values are fine there; a single key
            # must be given exactly its placeholders (a missing one would raise KeyError, or
            # with no values at all the raw "{name}" would be shown).
            if (exact and needed != kwargs) or not needed <= kwargs:
                mismatched.append(f"{rel}:{line} {key}: needs {needed}, given {kwargs}")
    assert missing == []
    assert mismatched == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_night_note_renders(lang: str) -> None:
    """Each note the night model can raise, rendered as the page renders it."""
    cases = {
        "note_quota_unreachable": {"quota_points": 90, "daily_max_points": 20},
        "note_study_unreachable": {"study_hours_target": 100, "daily_study_cap_min": 30},
        "note_quota_apps_capped": {"n_apps": 2, "n_quota_apps": 4},
        "note_no_apps": {"n_apps": 0},
    }
    assert set(cases) == _night_notes()
    for key, values in cases.items():
        s = registry().build(values)
        result = night(s)
        assert key in result.notes
        text = html.unescape(night_notes_html(result, s, lang))
        assert "{" not in text and "}" not in text, text
        expected = t(key, lang, **dict.fromkeys(placeholders(strings(lang)[key]), "@"))
        assert expected.split("@")[0] in text


def test_keys_used_outside_t_exist() -> None:
    """Keys named in data that the pages translate: model notes and Mei's advice."""
    for key in _night_notes() | set(RECOMMENDATION.values()):
        assert key in EN, key


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_family_member_formats(lang: str) -> None:
    for prefix, values in FAMILIES.items():
        for value in values:
            key = prefix + value
            text = strings(lang)[key]
            names = placeholders(text)
            assert t(key, lang, **dict.fromkeys(names, 1)).strip()


# ----------------------------------------------------------------------------- parameters
@pytest.mark.parametrize("name", list(registry().params))
def test_parameter_has_both_languages(name: str) -> None:
    spec = registry().params[name]
    for field in ("label", "help"):
        texts = getattr(spec, field)
        assert set(texts) == {"zh", "en"}, f"{name}.{field}"
        assert texts["zh"].strip() and texts["en"].strip()
        assert HAN.search(texts["zh"]), f"{name}.{field}.zh has no Chinese"
        if (name, field) not in EN_QUOTING_CHINESE:
            assert not CJK.search(texts["en"]), f"{name}.{field}.en has Chinese"
    if spec.unit:
        assert set(spec.unit) == {"zh", "en"} and all(spec.unit.values()), name
        assert HAN.search(spec.unit["zh"]) or spec.unit["zh"] in UNITS_WITHOUT_HAN, name
        assert not CJK.search(spec.unit["en"]), name
    for choice, names in spec.choices.items():
        assert set(names) == {"zh", "en"}, f"{name}.{choice}"
        assert names["zh"].strip() and names["en"].strip()
        assert HAN.search(names["zh"]), f"{name}.{choice}"
        if (name, choice) not in EN_QUOTING_CHINESE:
            assert not CJK.search(names["en"]), f"{name}.{choice}"
    for lang in LANGUAGES:
        assert spec.allowed(lang).strip()


@pytest.mark.parametrize("group", list(registry().groups))
def test_group_has_both_languages_and_nothing_else(group: str) -> None:
    names = registry().groups[group]
    # An unquoted comma in a YAML flow mapping ({en: a, b}) silently makes "b" a key.
    assert set(names) == {"zh", "en"}, f"{group}: {names}"
    assert all(isinstance(v, str) and v.strip() for v in names.values()), names
    assert HAN.search(names["zh"]) and not CJK.search(names["en"]), group


def test_every_group_is_used() -> None:
    reg = registry()
    assert {p.group for p in reg.params.values()} == set(reg.groups)


def test_every_group_is_on_some_page() -> None:
    shown = {g for d in _dashboards() for g in d.spec.groups}
    assert set(registry().groups) <= shown
    for d in _dashboards():
        assert set(d.spec.groups) <= set(registry().groups), d.__name__

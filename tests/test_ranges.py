"""Issue 14, ranges as data: every assumption declares its plausible range; no rule does.

``data/parameters.yaml``: a ``people`` parameter (an assumption about people and the world)
carries ``range`` — bounds, a set of choices, or ``fixed`` with the reason it is not varied —
with its source; a ``policy`` parameter (a rule a superior sets, the user's choice) has none.
"""

from __future__ import annotations

import copy

import pytest

from explainer.spec import LANGUAGES, _make_registry, _read_yaml, registry

PEOPLE = [p.id for p in registry().params.values() if p.role == "people"]
POLICY = [p.id for p in registry().params.values() if p.role == "policy"]


def _document_with(pid: str, range_: object) -> dict:
    document = copy.deepcopy(_read_yaml("parameters.yaml"))
    entry = next(p for p in document["parameters"] if p["id"] == pid)
    if range_ is None:
        entry.pop("range", None)
    else:
        entry["range"] = range_
    return document


@pytest.mark.parametrize("pid", PEOPLE)
def test_every_assumption_declares_its_plausible_range(pid: str) -> None:
    found = registry().params[pid].plausible
    assert found is not None, f"{pid}: no plausible range"
    if found.kind == "fixed":
        assert all(found.reason[lang].strip() for lang in LANGUAGES)
    else:
        assert len(found.source) == 1 and next(iter(found.source)) in ("seed", "ref", "assumption")


@pytest.mark.parametrize("pid", POLICY)
def test_rules_stay_point_values(pid: str) -> None:
    assert registry().params[pid].plausible is None


@pytest.mark.parametrize("pid", PEOPLE)
def test_a_range_contains_the_default(pid: str) -> None:
    spec = registry().params[pid]
    found = spec.plausible
    if found.kind == "bounds":
        assert found.low <= spec.default <= found.high
        assert spec.min <= found.low <= found.high <= spec.max
    elif found.kind == "choices":
        assert spec.default in found.choices


@pytest.mark.parametrize("pid", PEOPLE)
def test_an_assumed_range_says_it_is_assumed(pid: str) -> None:
    """Where no source gives the ends, the range's text says they are an assumption."""
    found = registry().params[pid].plausible
    if found.kind != "bounds" or "assumption" not in found.source:
        return
    text = found.source["assumption"]
    assert "assumption" in text["en"] and "假设" in text["zh"], pid


def test_an_assumption_without_a_range_is_refused() -> None:
    with pytest.raises(ValueError, match="plausible range"):
        _make_registry(_document_with("washing_min", None))


def test_a_rule_with_a_range_is_refused() -> None:
    bounds = {"low": 2, "high": 10, "source": {"assumption": {"zh": "假设", "en": "assumed"}}}
    with pytest.raises(ValueError, match="policy rule"):
        _make_registry(_document_with("n_apps", bounds))


@pytest.mark.parametrize(
    ("pid", "range_", "match"),
    [
        ("washing_min", {"low": 5, "high": 90, "source": {"ref": "watson2015"}}, "within"),
        ("washing_min", {"low": 30, "high": 5, "source": {"ref": "watson2015"}}, "within"),
        ("washing_min", {"low": 5, "high": 30}, "source"),
        ("washing_min", {"low": 5, "high": 30, "source": {"assumption": "only one"}}, "zh and en"),
        ("washing_min", {"fixed": {"en": "no Chinese"}}, "zh and en"),
        ("run_reading", {"choices": ["sometimes"], "source": {"ref": "yishang_legal"}}, "among"),
        ("run_reading", {"low": 1, "high": 2, "source": {"ref": "yishang_legal"}}, "choice"),
        ("hard_stop", {"low": "22:00", "high": "02:00", "source": {"ref": "watson2015"}}, "within"),
    ],
)
def test_a_broken_range_is_refused(pid: str, range_: dict, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        _make_registry(_document_with(pid, range_))


def test_a_clock_range_past_midnight_is_read_as_the_parameter_reads_it() -> None:
    found = registry().params["hard_stop"].plausible
    assert (found.low, found.high) == (24 * 60, 26 * 60)  # 00:00-02:00 the next morning

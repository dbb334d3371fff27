"""What reading a hostile scenario file costs now (issue 11, items 2 and 5): figures, not pass/fail.

    .venv/bin/python benchmarks/bench_scenario_file.py [--runs 5]

For each file: its size, the median time of ``load_untrusted_yaml`` (events checked, then
built by libyaml's parser) and of ``NightDashboard.load_scenario_file`` (what the "Load
scenario" button calls: read, check, refuse or load, redraw), and the length of the message
the page shows. The billion-laughs rows also print what the old code had to expand: the
number of leaves the message's ``repr`` walked (9 ** levels) — the issue measured 117 s and
10.8 GB for such a file. The last rows compare the two-pass reader with libyaml against the
same reader on PyYAML's pure-Python parser, on an exported file.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import time
from collections.abc import Callable

import yaml


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def laughs(levels: int) -> bytes:
    lines = [f"l0: &l0 [{', '.join(['lol'] * 9)}]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, levels)]
    lines.append(f"parameters: {{n_apps: *l{levels - 1}}}")
    return "\n".join(lines).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    from explainer.core import untrusted
    from explainer.core.untrusted import InputRefused, load_untrusted_yaml
    from explainer.ui.night import NightDashboard
    from explainer.ui.toolbar import dump_yaml

    page = NightDashboard("en")
    exported = dump_yaml(page.scenario_file()).encode()
    files = {
        "scenario_file() (loads)": exported,
        "billion laughs, 9 levels": laughs(9),
        "billion laughs, 12 levels": laughs(12),
        "2,400 unknown keys (listed 20)": b"parameters:\n"
        + b"".join(b"  k%d: %d\n" % (i, i) for i in range(2400)),
        "5,001 keys (over 5,000 items)": b"parameters:\n"
        + b"".join(b"  k%d: %d\n" % (i, i) for i in range(5001)),
        "one 990 kB value": b"parameters: {n_apps: '" + b"x" * 990_000 + b"'}\n",
        "2,000 levels of nesting": b"parameters: {n_apps: " + b"[" * 2000 + b"]" * 2000 + b"}",
        "11 MB file (refused by size)": b"#" * (11 * 1024 * 1024),
    }

    def parse(content: bytes) -> None:
        with contextlib.suppress(InputRefused):
            load_untrusted_yaml(content.decode("utf-8", errors="replace"))

    print(f"{'file':34} {'bytes':>11} {'parse ms':>9} {'load ms':>8} {'message':>8}")
    for name, content in files.items():
        parse_s = median_seconds(lambda c=content: parse(c), runs)
        load_s = median_seconds(lambda c=content: page.load_scenario_file(c), runs)
        page.load_scenario_file(content)
        print(
            f"{name:34} {len(content):>11,} {parse_s * 1000:>9.1f} {load_s * 1000:>8.1f}"
            f" {len(page.message.value):>8,}"
        )
        page.apply_query("lang=en")
    for levels in (9, 12):
        print(f"old code, {levels} levels: the message walked 9**{levels} = {9**levels:,} leaves")

    text = exported.decode()
    fast = median_seconds(lambda: load_untrusted_yaml(text), runs * 20)
    base, untrusted._Base = untrusted._Base, yaml.SafeLoader
    try:
        slow_events = median_seconds(lambda: untrusted.check_yaml_events(text), runs * 20)
    finally:
        untrusted._Base = base
    fast_events = median_seconds(lambda: untrusted.check_yaml_events(text), runs * 20)
    print(
        f"exported file: whole read {fast * 1000:.2f} ms; event check libyaml"
        f" {fast_events * 1000:.2f} ms vs pure Python {slow_events * 1000:.2f} ms"
        f" (x{slow_events / fast_events:.1f})"
    )


if __name__ == "__main__":
    main()

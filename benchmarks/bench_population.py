"""Time the vectorised unit simulation (explainer.model.population.simulate).

    .venv/bin/python benchmarks/bench_population.py [--runs 15] [--subset 300] [--unit-calls 60]

Prints, for the default scenario's typical night under each rule:

(a) simulate() for 10,000 staff × 365 nights: median and min over --runs timed runs after a
    warm-up. Target: ≤ 50 ms.
(b) the same computation written straightforwardly — a Python loop over people, numpy over
    each person's 365 nights (same draws; misses, failed periods, short and late nights,
    realised bedtime histogram, app hours) — timed on --subset staff and scaled linearly to
    10,000, in the same process; and the ratio to (a). Before timing, the loop's misses and
    failed periods are checked to equal simulate()'s on the subset. For scale, a pure-Python
    loop over every person-night is also timed on a small subset (--pure-subset) and scaled.
(c) peak traced memory of one simulate() call (tracemalloc; numpy reports its buffers).
(d) unit() for a 1,000-person unit (both rules, both veto readings, check-ins, cascade):
    median and p95 over --unit-calls calls — the kernel-side part of a page update.

Figures from one machine are noisy: compare runs on the same machine, and read the ratios.
Total run time is well under a minute.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import platform
import statistics
import time
import tracemalloc

import numpy as np

from explainer.core.spec import registry
from explainer.model.population import (
    HIST_END,
    HIST_START,
    HIST_STEP,
    PopulationInputs,
    _normal_table,
    simulate,
)
from explainer.model.unit import night_under_rule, population_inputs, unit

N_STAFF, DAYS = 10_000, 365
TARGET_MS = 50.0


def inputs_for(rule: str, n_staff: int) -> PopulationInputs:
    s = registry().default()
    p = population_inputs(s, night_under_rule(s, rule), rule)  # type: ignore[arg-type]
    return dataclasses.replace(p, n_staff=n_staff, days=DAYS)


def timed(fn, runs: int) -> list[float]:
    fn()  # warm-up
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def per_person_loop(p: PopulationInputs) -> dict[str, object]:
    """Straightforward version: a Python loop over people, numpy over each person's nights."""
    rng = np.random.default_rng(p.seed)
    n, d = p.n_staff, p.days
    z_speed = rng.standard_normal(n)
    z_offset = rng.standard_normal(n)
    noise = rng.bit_generator.random_raw(math.ceil(n * d / 8)).view(np.uint8)[: n * d]
    noise = noise.reshape(n, d)
    table = _normal_table() * p.free_sd_night
    threshold = p.rule == "threshold"
    periods = max(1, d // p.period_days)
    length = p.period_days if d >= p.period_days else d
    sleep_limit = p.wake_at - p.sleep_need
    edges = np.arange(HIST_START, HIST_END + HIST_STEP, HIST_STEP)

    misses = np.zeros(n, dtype=np.int64)
    failed = np.zeros(n, dtype=np.int64)
    counts = np.zeros(len(edges) - 1)
    short = late = 0
    minutes = 0.0
    for i in range(n):
        speed = math.exp(p.speed_sd * z_speed[i] - p.speed_sd**2 / 2)
        app = p.app_minutes * speed
        start = p.free_at + p.free_sd_person * z_offset[i] + p.washing + table[noise[i]]
        finish = start + app
        if threshold:
            missed = finish > p.hard_stop
            bedtime = np.minimum(finish, p.hard_stop)
            misses[i] = missed.sum()
            per_period = missed[: periods * length].reshape(periods, length).sum(axis=1)
            failed[i] = np.count_nonzero(per_period >= p.misses_to_fail)
            minutes += float(np.clip(p.hard_stop - start, 0.0, app).sum())
        else:
            bedtime = finish
            minutes += app * d
        short += int(np.count_nonzero(bedtime > sleep_limit))
        late += int(np.count_nonzero(bedtime > 24 * 60))
        counts += np.histogram(np.clip(bedtime, HIST_START, HIST_END - 1), bins=edges)[0]
    return {
        "misses": misses,
        "failed": failed,
        "short": short,
        "late": late,
        "counts": counts,
        "unit_app_hours": minutes / 60,
    }


def pure_python_loop(p: PopulationInputs) -> tuple[list[int], int]:
    """Slowest baseline: plain Python over every person-night (misses and short nights)."""
    rng = np.random.default_rng(p.seed)
    n, d = p.n_staff, p.days
    z_speed = rng.standard_normal(n).tolist()
    z_offset = rng.standard_normal(n).tolist()
    noise = rng.bit_generator.random_raw(math.ceil(n * d / 8)).view(np.uint8)[: n * d].tolist()
    table = (_normal_table() * p.free_sd_night).tolist()
    stop = p.hard_stop if p.rule == "threshold" else math.inf
    sleep_limit = p.wake_at - p.sleep_need
    misses, short = [], 0
    for i in range(n):
        base = p.free_at + p.free_sd_person * z_offset[i] + p.washing
        base += p.app_minutes * math.exp(p.speed_sd * z_speed[i] - p.speed_sd**2 / 2)
        m = 0
        for j in range(d):
            finish = base + table[noise[i * d + j]]
            m += finish > stop
            short += min(finish, stop) > sleep_limit
        misses.append(m)
    return misses, short


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:8.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--subset", type=int, default=300)
    parser.add_argument("--pure-subset", type=int, default=30)
    parser.add_argument("--unit-calls", type=int, default=60)
    args = parser.parse_args()
    began = time.perf_counter()

    print(f"python {platform.python_version()}, numpy {np.__version__}, {platform.machine()}")
    print(f"simulate(): {N_STAFF:,} staff × {DAYS} nights, default scenario's typical night")
    print(f"(a) median / min over {args.runs} runs after a warm-up; target ≤ {TARGET_MS:.0f} ms")
    results: dict[str, dict[str, float]] = {}
    for rule in ("threshold", "ranking"):
        p = inputs_for(rule, N_STAFF)
        times = timed(lambda p=p: simulate(p), args.runs)
        med, low = statistics.median(times), min(times)
        ok = "OK" if med * 1e3 <= TARGET_MS else "OVER TARGET"
        print(f"    {rule:9s} median {ms(med)}  min {ms(low)}  [{ok}]")
        results[rule] = {"median": med, "min": low}

    print(f"(b) per-person loop (Python over {args.subset} people, numpy over their nights),")
    print(f"    scaled ×{N_STAFF / args.subset:.1f} to {N_STAFF:,}; same draws, checked equal")
    for rule in ("threshold", "ranking"):
        sub = inputs_for(rule, args.subset)
        ref, fast = per_person_loop(sub), simulate(sub)
        assert np.array_equal(ref["misses"], fast.misses_per_person), rule
        assert np.array_equal(ref["failed"], fast.failed_periods_per_person), rule
        assert ref["short"] == round(fast.share_short_sleep * args.subset * DAYS), rule
        times = timed(lambda sub=sub: per_person_loop(sub), max(3, args.runs // 3))
        scaled = statistics.median(times) * N_STAFF / args.subset
        ratio = scaled / results[rule]["median"]
        print(
            f"    {rule:9s} loop {ms(scaled)} (scaled)  vs simulate {ms(results[rule]['median'])}"
            f"  → simulate is {ratio:5.1f}× faster"
        )

    print(f"    pure Python over every person-night ({args.pure_subset} people, scaled):")
    for rule in ("threshold", "ranking"):
        sub = inputs_for(rule, args.pure_subset)
        misses, short = pure_python_loop(sub)
        fast = simulate(sub)
        assert misses == fast.misses_per_person.tolist(), rule
        times = timed(lambda sub=sub: pure_python_loop(sub), 3)
        scaled = statistics.median(times) * N_STAFF / args.pure_subset
        ratio = scaled / results[rule]["median"]
        print(f"    {rule:9s} loop {ms(scaled)} (scaled)  → simulate is {ratio:6.0f}× faster")

    print("(c) peak traced memory of one simulate() call, 10,000 × 365")
    for rule in ("threshold", "ranking"):
        p = inputs_for(rule, N_STAFF)
        simulate(p)
        tracemalloc.start()
        simulate(p)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"    {rule:9s} {peak / 2**20:7.1f} MiB  (N×D = {N_STAFF * DAYS / 1e6:.2f} M nights;"
            f" {peak / (N_STAFF * DAYS):.1f} bytes per person-night)"
        )

    reg = registry()
    s = reg.replace(reg.default(), n_staff=1000)
    times = timed(lambda: unit(s), args.unit_calls)
    times.sort()
    p95 = times[min(len(times) - 1, math.ceil(0.95 * len(times)) - 1)]
    print(f"(d) unit() for a 1,000-person unit × {s.sim_days} nights, {args.unit_calls} calls")
    print(f"    median {ms(statistics.median(times))}  p95 {ms(p95)}  min {ms(times[0])}")
    print(f"total benchmark time {time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    main()

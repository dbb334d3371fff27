"""What a playlist costs (issue 18): reading one, stepping through it, and its handouts.

    .venv/bin/python benchmarks/bench_playlist.py [--runs 3]

Prints, for each ready-made playlist (median of --runs, wall and CPU seconds of this process):

    parse            parse_playlist on the file's text, warm caches (presets, reforms loaded)
    step             PlaylistStepper.go(i) for every step on a dashboard of its page (one new
                     page state each, charts respecified), divided by the number of steps
    booklet          render_playlist_booklet: every step's brief, charts drawn by vl-convert

and a hostile file: 4,000 steps (over the 5,000-item bound), refused before it is built.
The machine may be shared: CPU seconds are steadier than wall seconds.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from explainer.booklet_cli import new_dashboard
from explainer.datafiles import data_file
from explainer.handouts import render_playlist_booklet
from explainer.playlist import PlaylistError, parse_playlist, ready_made
from explainer.ui.dashboard import dashboard_class


def timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``action`` over ``runs``."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def step_all(pid: str) -> float:
    """Seconds of ``go(i)`` over every step of ``pid``, each on a dashboard of its page
    (dashboards built first, not counted)."""
    playlist = ready_made()[pid]
    boards = {p: dashboard_class(p)(lang="zh") for p in {s.state.page for s in playlist.steps}}
    total = 0.0
    for board in boards.values():
        board.stepper.load(playlist)
    for index, step in enumerate(playlist.steps):
        start = time.perf_counter()
        boards[step.state.page].stepper.go(index)
        total += time.perf_counter() - start
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    folder = data_file("playlists")
    print(f"{'playlist':22} {'steps':>5} {'parse ms':>9} {'step ms':>8} {'booklet s':>10}")
    for pid, playlist in ready_made().items():
        text = folder.joinpath(f"{pid}.yaml").read_text(encoding="utf-8")
        parse, _ = timed(lambda text=text: parse_playlist(text), runs)
        n = len(playlist.steps)
        stepping = step_all(pid)
        booklet, booklet_cpu = timed(
            lambda p=playlist: render_playlist_booklet(p, "zh", new_dashboard), runs
        )
        print(
            f"{pid:22} {n:5d} {parse * 1000:9.1f} {stepping / n * 1000:8.0f} "
            f"{booklet:6.1f} ({booklet_cpu:.1f} CPU)"
        )
    hostile = "explainer_playlist: 1\nsteps:\n" + "  - {page: night, title: t}\n" * 4000
    wall, _ = timed(lambda: _refused(hostile), runs)
    print(f"hostile 4,000 steps ({len(hostile):,} bytes) refused in {wall * 1000:.1f} ms")


def _refused(text: str) -> None:
    try:
        parse_playlist(text)
    except PlaylistError:
        return
    raise AssertionError("a 4,000-step playlist was accepted")


if __name__ == "__main__":
    main()

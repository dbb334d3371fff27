"""explainer.serving.offline: charts load their JavaScript from a local cache, never from a CDN.

Each check runs in a fresh interpreter (as a new kernel would), with its own cache folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

PROBE = textwrap.dedent(
    """
    import json, sys, time
    t0 = time.perf_counter()
    import explainer.serving.offline as off
    heavy = sorted(m for m in ("altair", "vl_convert", "pandas") if m in sys.modules)
    import altair as alt
    t1 = time.perf_counter()
    off.enable_offline_charts()
    t2 = time.perf_counter()
    off.enable_offline_charts()  # idempotent
    esm = alt.JupyterChart._esm
    print(json.dumps({
        "heavy_at_import": heavy,
        "enable_s": t2 - t1,
        "offline": alt.JupyterChart._is_offline,
        "esm_chars": len(esm),
        # explainer.serving.chartjs: a short stub importing the module Voila serves (issue 15)
        "served": "jupyterchart.js?v=" in esm and len(esm) < 2000,
        "cdn_in_esm": any(h in esm for h in ("esm.sh", "cdn.jsdelivr", "unpkg.com")),
        "renderer": alt.renderers.active,
        "renderer_options": alt.renderers.options,
        "cache": str(off.bundle_path()),
    }))
    """
)


def run_probe(cache_dir) -> dict:
    env = dict(os.environ, EXPLAINER_CACHE_DIR=str(cache_dir))
    out = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_bundle_is_generated_once_then_read_from_cache(tmp_path):
    cold = run_probe(tmp_path)
    warm = run_probe(tmp_path)
    for run in (cold, warm):
        assert run["offline"] is True
        assert run["esm_chars"] > 100_000 or run["served"]
        assert not run["cdn_in_esm"]
        assert run["renderer"] == "jupyter"
        assert run["renderer_options"] == {"offline": True}
        assert run["heavy_at_import"] == []
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == [os.path.basename(cold["cache"])], files  # no temp files left behind
    assert warm["enable_s"] < cold["enable_s"]
    print(f"enable_offline_charts: cold {cold['enable_s']:.3f} s, cached {warm['enable_s']:.3f} s")


def test_unwritable_cache_still_works(tmp_path, monkeypatch, caplog):
    """A cache folder that cannot be created: the bundle is built and used, with a warning.

    In this process, with the (15 s) vl-convert build replaced by a stand-in: what is tested
    is what load_bundle does when the write fails; the build itself is the test above's."""
    from explainer.serving import offline

    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    monkeypatch.setenv("EXPLAINER_CACHE_DIR", str(blocker / "cache"))
    built = "// bundle\n" + "x" * 200_000
    monkeypatch.setattr(offline, "_build_bundle", lambda: built)
    with caplog.at_level("WARNING", logger=offline.log.name):
        assert offline.load_bundle() == (built, False)
        assert offline.load_bundle() == (built, False)  # built again: nothing was cached
    assert "could not cache the chart JavaScript" in caplog.text
    assert blocker.read_text() == ""

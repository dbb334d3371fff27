"""Charts without internet: Altair's widget JavaScript from disk, never from a CDN.

``alt.JupyterChart`` ships a small ES module (``altair/jupyter/js/index.js``) that imports
vega-embed from ``esm.sh``. On a closed network the chart stays blank.
``alt.JupyterChart.enable_offline()`` fixes that by asking vl-convert to bundle vega,
vega-lite and vega-embed into one self-contained module (~0.9 MB) and storing it in the
class attribute ``JupyterChart._esm`` (plus ``JupyterChart._is_offline = True``). Building
that bundle costs 1.5-3 CPU-seconds, in every kernel.

:func:`enable_offline_charts` does the same, but keeps the bundle in a cache file keyed by
the Altair and vl-convert versions and a hash of the module, so only the first
kernel on a machine pays for it; later kernels read the file in milliseconds. The module is
``jupyterchart.js`` beside this file: Altair's ``index.js`` with data-only chart updates
(issue 14, explainer.charts.live).

It also switches Altair's renderer to ``jupyter`` with ``offline=True``, so that a plain
``display(chart)`` becomes an offline ``JupyterChart`` too (the default HTML renderer loads
its scripts from jsDelivr, and the mimetype renderer emits Vega-Lite 6, which Voila 0.5
cannot draw).

Cache location: ``$EXPLAINER_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/explainer``, else
``~/.cache/explainer``. If the cache cannot be written, the bundle is still used for this
process. Warm the cache ahead of time with ``python -m explainer.serving.offline``.

Nothing heavy is imported until the function is called.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path

__all__ = ["cache_dir", "enable_offline_charts"]

log = logging.getLogger(__name__)

# A real bundle is ~900 kB; anything much smaller is a truncated or foreign file.
_MIN_BUNDLE_CHARS = 100_000


def cache_dir() -> Path:
    """Directory holding the cached JavaScript bundles."""
    explicit = os.environ.get("EXPLAINER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "explainer"


#: The chart module bundled: Altair's ``index.js`` with in-place data updates (issue 14).
MODULE_SOURCE = Path(__file__).with_name("jupyterchart.js")


def module_source() -> str:
    """The chart module's source (ES module without imports, see ``jupyterchart.js``)."""
    return MODULE_SOURCE.read_text(encoding="utf-8")


def _versions() -> tuple[str, str, str, str]:
    """(altair version, vl-convert version, Vega-Lite version tag, hash of the module)."""
    from importlib.metadata import version

    import altair
    from altair.utils._importers import vl_version_for_vl_convert

    src_hash = hashlib.sha256(module_source().encode()).hexdigest()[:16]
    return (
        altair.__version__,
        version("vl-convert-python"),
        vl_version_for_vl_convert(),
        src_hash,
    )


def bundle_path() -> Path:
    """Cache file for the installed Altair + vl-convert (the file may not exist yet)."""
    alt_v, vlc_v, vl_tag, src_hash = _versions()
    return cache_dir() / f"jupyterchart-altair{alt_v}-vlc{vlc_v}-{vl_tag}-{src_hash}.js"


def _build_bundle() -> str:
    """Bundle the chart module as ``JupyterChart.enable_offline`` bundles Altair's own: by
    vl-convert's ``javascript_bundle`` (vega-embed, vega-lite, vega, lodash.debounce)."""
    from altair.utils._importers import import_vl_convert, vl_version_for_vl_convert

    vlc = import_vl_convert()
    return vlc.javascript_bundle(module_source(), vl_version=vl_version_for_vl_convert())


def _read_cached(path: Path) -> str | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError, UnicodeDecodeError):
        return None
    if len(text) < _MIN_BUNDLE_CHARS:
        log.warning("ignoring suspiciously small chart bundle %s", path)
        return None
    return text


def _write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers never see a partial file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_bundle() -> tuple[str, bool]:
    """Return (offline JavaScript module, whether it came from the cache)."""
    path = bundle_path()
    cached = _read_cached(path)
    if cached is not None:
        return cached, True
    text = _build_bundle()
    try:
        _write_atomically(path, text)
    except OSError as exc:  # read-only home, full disk: still work, just slower next time
        log.warning("could not cache the chart JavaScript at %s: %s", path, exc)
    return text, False


def enable_offline_charts() -> None:
    """Make every Altair chart in this process load its JavaScript locally.

    Idempotent; cheap after the first call on a machine (see the module docstring).
    """
    import altair as alt

    chart_cls = alt.JupyterChart
    if not hasattr(chart_cls, "_is_offline"):
        raise ImportError(
            "Altair's JupyterChart needs the 'anywidget' package: pip install anywidget"
        )
    if not chart_cls._is_offline:
        text, _from_cache = load_bundle()
        # Served over HTTP once per browser where possible (explainer.serving.chartjs, issue 15).
        from explainer.serving.chartjs import served_module

        # The same two attributes JupyterChart.enable_offline() sets (altair 5.x/6.x).
        chart_cls._esm = served_module(text) or text
        chart_cls._is_offline = True
    # A plain display(chart) -> JupyterChart in offline mode. Its renderer calls
    # enable_offline(), which returns at once because _is_offline is already True.
    alt.renderers.enable("jupyter", offline=True)


def ensure_served() -> bool:
    """Write the chart module where Voila serves it, from the offline cache (at server start,
    so that the first page's preload finds it)."""
    from explainer.serving.chartjs import served_module

    text, _ = load_bundle()
    return served_module(text) is not None


def serve_chart_module(log_to: logging.Logger | logging.LoggerAdapter = log) -> None:
    """:func:`ensure_served` at a server's start; a failure is logged, never raised (the
    charts then carry the module themselves)."""
    try:
        if not ensure_served():
            log_to.warning("chart JavaScript: the template folder is not writable")
    except Exception:  # noqa: BLE001 - a server must start without it
        log_to.exception("chart JavaScript could not be written for the page's preload")


def _main() -> None:
    import time

    t0, c0 = time.perf_counter(), time.process_time()
    path = bundle_path()
    t1, c1 = time.perf_counter(), time.process_time()
    text, from_cache = load_bundle()
    t2, c2 = time.perf_counter(), time.process_time()
    state = "cached" if from_cache else "generated"
    print(f"chart JavaScript {state}: {path} ({len(text) / 1e6:.2f} MB)")
    print(
        f"  import altair + version key: {t1 - t0:.2f} s wall / {c1 - c0:.2f} CPU-s; "
        f"bundle: {(t2 - t1) * 1000:.0f} ms wall / {(c2 - c1) * 1000:.0f} CPU-ms"
    )


if __name__ == "__main__":
    _main()

"""Charts: a model result in, an Altair (Vega-Lite) chart out. No widgets here."""

import sys

# Altair imports jsonschema, whose IRI format checkers import ``rfc3987_syntax``; that module
# builds a Lark parser at import time (≈1.4 CPU-s and 16 MB in every dashboard kernel,
# benchmarks/bench_kernel_startup.py). Vega-Lite's schema uses no IRI formats, so mark the
# module as absent (jsonschema then skips those checkers) unless something already loaded it.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]

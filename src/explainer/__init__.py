"""Explainer of "fingertip formalism" (指尖上的形式主义): how app rules become nightly burden.

Layers, one direction only: ``data/`` → :mod:`explainer.core.spec` → :mod:`explainer.model` →
:mod:`explainer.charts` → :mod:`explainer.ui` → ``notebooks/``.
"""

__version__ = "0.1.0"

"""The fit page's dashboard (declared in :mod:`explainer.pages.fit`)."""

from explainer.pages.fit import fit_figures, fit_summary
from explainer.ui.dashboard import dashboard_class

FitDashboard = dashboard_class("fit")
__all__ = ["FitDashboard", "fit_figures", "fit_summary"]

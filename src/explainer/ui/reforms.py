"""The reform page's dashboard (declared in :mod:`explainer.pages.reforms`)."""

from explainer.pages.reforms import output_attribution_text
from explainer.ui.dashboard import dashboard_class

ReformsDashboard = dashboard_class("reforms")
__all__ = ["ReformsDashboard", "output_attribution_text"]

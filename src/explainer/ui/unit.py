"""The unit page's dashboard (declared in :mod:`explainer.pages.unit`)."""

from explainer.ui.dashboard import dashboard_class

UnitDashboard = dashboard_class("unit")

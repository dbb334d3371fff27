"""ipywidgets wiring: controls from the parameter declarations, dashboards, URL state."""

# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# <!-- The whole unit: the dashboard. All logic lives in the `explainer` package. -->

# %%
from explainer.ui.query import page_query
from explainer.ui.dashboard import Dashboard

dashboard = Dashboard(page="unit")  # declared in explainer/pages/unit.py

# %%
dashboard.apply_query(page_query())
dashboard

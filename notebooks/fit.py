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
# <!-- The fit dashboard. All logic lives in the `explainer` package. -->

# %%
from explainer.ui.dashboard import Dashboard
from explainer.ui.query import page_query

dashboard = Dashboard(page="fit")  # declared in explainer/pages/fit.py

# %%
dashboard.apply_query(page_query())
dashboard

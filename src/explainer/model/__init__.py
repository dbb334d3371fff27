"""The model: pure functions and dataclasses, one mechanism of the article per module.

* :mod:`explainer.model.rules` — point crediting and the study-hour rounding rule (seed §3)
* :mod:`explainer.model.night` — one official's evening, bedtime and sleep (seed §1-§3)
"""

"""Charts: a model result in, an Altair (Vega-Lite) chart out. No widgets here."""

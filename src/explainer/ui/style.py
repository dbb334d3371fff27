"""The dashboards' stylesheet: large, readable numbers and a calm layout."""

STYLE = """
<style>
.explainer-title { margin: 0.2em 0 0.1em; }
.explainer-intro { max-width: 60em; color: #444; }
.explainer-cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0; }
.explainer-cards .card { border: 1px solid #ddd; border-radius: 8px; padding: 8px 14px;
  min-width: 11em; background: #fafafa; }
.explainer-cards .card-label { color: #555; font-size: 0.95em; }
.explainer-cards .card-value { font-size: 2em; font-weight: 600; line-height: 1.2; }
.explainer-cards .card-detail { color: #666; font-size: 0.85em; }
.explainer-cards .card-short .card-value { color: #b3261e; }
.explainer-story { border-left: 4px solid #f28e2b; padding: 2px 10px; margin: 6px 0;
  max-width: 60em; }
.explainer-story li.status-reproduced::marker { content: "✓ "; color: #2e7d32; }
.explainer-story li.status-calibrated::marker { content: "≈ "; color: #8a6d00; }
.explainer-story li.status-not_reproduced::marker { content: "✗ "; color: #b3261e; }
.explainer-story .status-reason { color: #555; }
.explainer-note-list li.warn { color: #b3261e; }
.explainer-problems { border: 1px solid #b3261e; background: #fdecea; padding: 6px 12px;
  border-radius: 6px; }
.explainer-control { margin: 2px 0 6px; }
.explainer-control .explainer-label { font-size: 0.95em; }
.explainer-control .explainer-info { color: #888; cursor: help; }
.explainer-hide-description > .widget-label { position: absolute !important; width: 1px;
  height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.explainer-nav { font-size: 0.95em; margin-bottom: 4px; }
.explainer-nav a { color: #1f5fa8; }
.explainer-compare { border-collapse: collapse; margin: 8px 0; font-size: 1.05em; }
.explainer-compare th, .explainer-compare td { padding: 4px 12px; border-bottom: 1px solid #ddd;
  text-align: right; }
.explainer-compare th:first-child { text-align: left; font-weight: normal; }
.explainer-compare tr.better td.change { color: #2e7d32; font-weight: 600; }
.explainer-compare tr.worse td.change { color: #b3261e; font-weight: 600; }
.explainer-reforms { border: 1px solid #ddd; border-radius: 8px; padding: 6px 12px; }
.explainer-toolbar { gap: 6px; margin: 4px 0 8px; }
.explainer-link { display: inline-flex; gap: 4px; align-items: center; }
.explainer-link-text { width: 22em; font-size: 0.85em; padding: 3px; }
.explainer-summary p { font-size: 1.08em; max-width: 60em; background: #f5f8fc;
  border-left: 4px solid #4e79a7; padding: 6px 12px; }
.explainer-downloads a { color: #1f5fa8; }
.explainer-ab-table caption { text-align: left; font-weight: 600; padding: 4px 0; }
/* Presenter mode: big type and charts for the back of the room; controls folded away. */
.explainer-presenter { font-size: 20px; }
.explainer-presenter .explainer-controls { display: none !important; }
.explainer-presenter .explainer-outputs { flex: 1 1 100% !important; }
.explainer-presenter .card-value { font-size: 2.6em; }
.explainer-presenter .vega-embed, .explainer-presenter .vega-embed svg { width: 100% !important;
  height: auto !important; }
.explainer-presenter .explainer-intro, .explainer-presenter .explainer-downloads,
.explainer-presenter .explainer-link { display: none; }
</style>
"""

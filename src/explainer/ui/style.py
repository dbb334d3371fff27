"""The dashboards' stylesheet: large, readable numbers and a calm layout.

The phone layout's side padding and the chart menu's column are the numbers the charts'
caption width is computed from (explainer.charts.common.CAPTION_PX): they are set here from
the same names.
"""

from string import Template

from explainer.charts.common import (
    ACTION_MENU_PX,
    CAPTION_FONT_PX,
    PHONE_PAGE_PAD_PX,
    PHONE_SHEET_PAD_PX,
    TITLE_PX,
)

_STYLE = """
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
/* A checkbox's label wraps (ipywidgets cuts it with "…" on one line): a reform's date ends its
   label, and in presenter type at 1920 x 1080 every reform's date was cut (issue 15). */
.explainer-page .widget-checkbox { height: auto !important;
  min-height: var(--jp-widgets-inline-height, 28px); }
.explainer-page .widget-checkbox .widget-label-basic,
.explainer-page .widget-checkbox .widget-label-basic span { white-space: normal;
  overflow: visible; text-overflow: clip; line-height: 1.3; height: auto; }
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
.explainer-reforms:not(.explainer-page) { border: 1px solid #ddd; border-radius: 8px;
  padding: 6px 12px; }
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
/* Controls a component adds for presenter mode only (Toolbar.presenter_box). */
.explainer-presenter-controls { display: none !important; }
.explainer-presenter .explainer-presenter-controls { display: flex !important; }
.explainer-presenter .explainer-intro, .explainer-presenter .explainer-downloads,
.explainer-presenter .explainer-link { display: none; }
/* --- screens (issue 15): phone, tablet, laptop, projector --- */
/* Charts are Vega-Lite "container" width (charts/common.py responsive): the widget and the
   vega-embed box must be as wide as the column for the chart to be. */
.explainer-outputs { max-width: 100%; }
.explainer-outputs > * { max-width: 100%; }
.explainer-outputs [class*="explainer-chart-"] { width: 100%; min-width: 0; }
.explainer-outputs [class*="explainer-chart-"] .vega-embed { display: block; width: 100%; }
.explainer-outputs [class*="explainer-chart-"] .vega-embed > svg { max-width: 100%; }
.explainer-preset { max-width: 100%; }
.explainer-link { flex-wrap: wrap; max-width: 100%; }
.explainer-link-text { max-width: 100%; min-width: 0; }
.explainer-controls-toggle { display: none !important; }
/* Presenter mode: one chart per screen width, no chart menu over the chart. */
.explainer-presenter .vega-embed > details { display: none !important; }
.explainer-presenter .vega-embed.has-actions { padding-right: 0 !important; }
.explainer-presenter .card-value { font-size: max(2.6em, 40px); }
.explainer-presenter .explainer-toolbar > :not(.explainer-presenter-toggle):not(.explainer-qr-box) {
  display: none !important; }
/* The scenario link's QR code (explainer.outputs.qr): a "QR" button beside "Copy link" that opens
   it; in presenter mode, large and always shown. */
.explainer-qr { margin: 4px; display: flex; flex-direction: column; align-items: center; }
.explainer-qr img { width: 160px; height: 160px; image-rendering: pixelated; }
.explainer-qr figcaption { font-size: 0.8em; color: #555; max-width: 14em; text-align: center; }
.explainer-qr-fold summary { cursor: pointer; padding: 0 10px; line-height: 28px;
  background: var(--jp-layout-color2, #eee); border-radius: 2px; list-style: none; }
.explainer-qr-fold summary::-webkit-details-marker { display: none; }
.explainer-qr-presenter { display: none; }
.explainer-presenter .explainer-qr-fold { display: none; }
.explainer-presenter .explainer-qr-presenter { display: flex; }
.explainer-presenter .explainer-qr img { width: 9em; height: 9em; }
.explainer-presenter .explainer-summary p { font-size: 1em; max-width: none; }
.explainer-presenter .explainer-qr figcaption { font-size: 0.8em; }
/* Presenter: the toolbar (presenter switch and QR code) in a column at the top right, beside
   the title and the case picker; the body below, the full width of the screen. */
.explainer-presenter { display: grid !important; grid-template-columns: minmax(0, 1fr) auto;
  column-gap: 12px; }
.explainer-presenter > * { grid-column: 1; min-width: 0; }
.explainer-presenter > .explainer-toolbar { grid-column: 2; grid-row: 1 / span 5;
  flex-direction: column !important; align-items: flex-end !important; align-self: start; }
.explainer-presenter > :last-child { grid-column: 1 / -1; }
/* Case picker, language and settings: spaced, so no two tap targets touch (issue 15). */
.explainer-bar { gap: 8px 12px; align-items: center; }
.explainer-bar > * { margin-left: 0 !important; margin-right: 0 !important; }
/* Presenter mode: the headline figures first, then the summary, then the article's box (the
   projected first screen shows the step's question and the figures, issue 15). */
.explainer-presenter .explainer-outputs > .explainer-headline { order: -2; }
.explainer-presenter .explainer-outputs > .explainer-summary { order: -1; }
.explainer-presenter .explainer-playlist-step { font-size: 1em; }
.explainer-presenter .explainer-playlist-step .question { font-size: 1.3em; line-height: 1.3; }
/* Presenter mode scaled to the screen (issue 15): type of 20 px at 1280 x 720 and 24 px at
   1920 x 1080, and the controls (case picker, language, presenter switch, playlist buttons)
   in the same type as the text, through ipywidgets' own size variables. */
.explainer-page.explainer-presenter { font-size: clamp(20px, 1.25vw, 28px);
  --jp-widgets-font-size: 1em; --jp-widgets-inline-height: 2em; }
/* Chart titles and captions (issue 15): the page's chart module (serving/jupyterchart.js,
   fitChartText) draws them in these sizes, wrapped to the chart's width: 12 px on a phone
   (charts/common.py's CAPTION_FONT_PX), 13 px on wider screens, presenter type in presenter
   mode, from the back of a room; in presenter mode axis and legend labels too (16 px at
   1280 x 720, 19 px at 1920 x 1080; jupyterchart.js fitChartLabels). */
.explainer-page { --explainer-chart-title-px: ${title_px}px;
  --explainer-chart-caption-px: ${caption_wide_px}px; }
.explainer-page.explainer-presenter { --explainer-chart-title-px: clamp(26px, 1.7vw, 38px);
  --explainer-chart-caption-px: clamp(20px, 1.25vw, 28px);
  --explainer-chart-label-px: clamp(16px, 1vw, 24px); }
.explainer-presenter .explainer-nav { font-size: 0.8em; }
.explainer-presenter .explainer-title { font-size: 1.5em; }
.explainer-presenter .jupyter-button, .explainer-presenter .widget-toggle-button,
.explainer-presenter .widget-dropdown > select, .explainer-presenter .widget-label {
  font-size: 1em; }
.explainer-presenter .widget-toggle-button, .explainer-presenter .jupyter-button {
  height: auto; min-height: 2em; padding: 0 0.6em; }
.explainer-presenter .widget-dropdown > select { height: 2em; }
.explainer-page.explainer-presenter .explainer-playlist .jupyter-button { font-size: 1em;
  height: auto; min-height: 2em; }
/* Presenter layout: the title, the picker row, the playlist's row and the headline figures in
   the left column, beside the toolbar (presenter switch and QR code); the summary and the
   charts below, the full width. The page's body and its outputs are "display: contents"
   here, so that their children are the grid's items, in reading order; the headline row
   takes what the toolbar's height leaves (no gap between the rows above it). */
.explainer-presenter { grid-template-rows: auto auto auto auto 1fr; align-items: start; }
.explainer-presenter > :last-child, .explainer-presenter .explainer-outputs {
  display: contents !important; }
.explainer-presenter > :not(:last-child) { order: -10; }
.explainer-presenter .explainer-outputs > * { grid-column: 1 / -1; min-width: 0;
  max-width: 100%; }
.explainer-presenter .explainer-outputs > .explainer-headline { grid-column: 1; }
/* A figure and its unit never break apart (pages/markup.py whole_figures), nor a Chinese
   word inside a card; "(after midnight)" and a range go to their own line when need be. */
.explainer-cards .figure { white-space: nowrap; }
.explainer-cards .card-value, .explainer-cards .card-band { word-break: keep-all;
  overflow-wrap: anywhere; }
/* "More" (Toolbar.more): hidden on wide screens, where the toolbar is one row of tools. */
.explainer-more { display: none !important; }
/* The stylesheet's own widget takes no room (a <style> applies even when not displayed). */
.explainer-style { display: none !important; }
/* Phones and narrow tablets: one column, cards stacked, controls on demand. */
@media (max-width: 760px) {
  #rendered_cells { padding-left: ${page_pad}px !important;
    padding-right: ${page_pad}px !important; }
  #rendered_cells > div { padding: 8px ${sheet_pad}px !important; box-shadow: none !important; }
  .jp-OutputArea-child, .jp-OutputArea-output { min-width: 0; max-width: 100%; }
  .explainer-cards { flex-direction: column; }
  .explainer-cards .card { min-width: 0; }
  .explainer-preset { width: 100% !important; }
  .explainer-preset select { width: 100% !important; }
  .explainer-link-text { flex: 1 1 10em; width: auto; }
  .explainer-controls-toggle { display: inline-flex !important; }
  .explainer-controls { order: -1; flex: 1 1 100% !important; display: none !important; }
  .explainer-controls-open .explainer-controls { display: flex !important; }
  .explainer-outputs { flex: 1 1 100% !important; }
  .explainer-control .widget-slider, .explainer-control .widget-inline-hbox,
  .explainer-control .widget-dropdown, .explainer-control .widget-checkbox {
    width: 100% !important; max-width: 100%; margin-left: 0 !important;
    margin-right: 0 !important; box-sizing: border-box; }
  .explainer-control > * { max-width: 100%; box-sizing: border-box; }
  .widget-gridbox { grid-template-columns: minmax(0, 1fr) !important; }
  .widget-gridbox > * { margin-left: 0 !important; margin-right: 0 !important;
    max-width: 100%; box-sizing: border-box; }
  .explainer-compare, .explainer-ab-table { display: block; overflow-x: auto; max-width: 100%; }
  .widget-checkbox { width: 100% !important; max-width: 100%; height: auto !important; }
  .widget-checkbox .widget-label-basic, .widget-checkbox .widget-label-basic span {
    white-space: normal; overflow: visible; line-height: 1.3; }
  /* The toolbar folds behind "More" (beside the language switch): the first screen is the
     title, the summary, the figures and the first chart, not a wall of buttons; opened,
     its tools are a column of full-width buttons. */
  .explainer-page:not(.explainer-presenter) .explainer-more { display: flex !important; }
  .explainer-page:not(.explainer-presenter) > .explainer-toolbar:not(.explainer-menu-open) {
    display: none !important; }
  .explainer-toolbar.explainer-menu-open { flex-direction: column !important;
    align-items: stretch !important; gap: 8px; padding: 8px; border: 1px solid #ccc;
    border-radius: 8px; }
  .explainer-toolbar.explainer-menu-open > * { width: auto !important; max-width: 100%;
    margin: 0 !important; box-sizing: border-box; }
  .explainer-toolbar.explainer-menu-open > .jupyter-button,
  .explainer-toolbar.explainer-menu-open > .widget-toggle-button,
  .explainer-toolbar.explainer-menu-open .explainer-import-button,
  .explainer-toolbar.explainer-menu-open .explainer-link { width: 100%; }
  .explainer-toolbar.explainer-menu-open .explainer-playlist-files { flex-wrap: wrap; gap: 8px; }
  .explainer-toolbar.explainer-menu-open .explainer-downloads { display: flex;
    flex-wrap: wrap; align-items: center; gap: 8px 12px; }
  .explainer-toolbar.explainer-menu-open .explainer-playlist-files > .explainer-playlist-load,
  .explainer-toolbar.explainer-menu-open .explainer-playlist-load button,
  .explainer-toolbar.explainer-menu-open > * > button { width: 100%; }
  /* A compact head: title, intro, case picker, then one row of language, settings, More. */
  .explainer-nav { margin-bottom: 0; }
  .explainer-title { font-size: 1.15em; line-height: 1.35; }
  .explainer-intro { font-size: 0.9em; line-height: 1.45; margin: 4px 0; }
  .explainer-bar { gap: 8px; }
  .explainer-language .widget-toggle-button { width: auto !important; padding: 0 12px; }
  .explainer-bar .widget-toggle-button, .explainer-more-button {
    display: inline-flex; align-items: center; justify-content: center; }
  .explainer-more-button { min-width: 44px; padding: 0 12px; }
  .explainer-more-button[aria-expanded="true"] { background: #ccc; }
  .explainer-toolbar.explainer-menu-open > .explainer-brief button { width: 100%; }
  /* The story first: the summary (it states the headline figures in words), the first
     chart, the page's own choices (the reforms), the figures (two a row); then the article's
     box, the A/B table, the notes and the other charts. At 360 x 740 a page's four to six
     cards or the reform table before the chart would push the chart off the first screen. */
  .explainer-outputs > .explainer-summary { order: -4; }
  .explainer-outputs > .explainer-first-chart { order: -3; }
  .explainer-outputs > .explainer-choices { order: -2; }
  .explainer-outputs > .explainer-headline { order: -1; }
  .explainer-summary p { font-size: 1em; line-height: 1.5; padding: 4px 10px; margin: 4px 0; }
  .explainer-cards { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 6px; }
  .explainer-cards .card { padding: 4px 8px; }
  .explainer-cards .card > * { line-height: 1.35; }
  .explainer-cards .card-label { font-size: 0.85em; }
  .explainer-cards .card-value { font-size: 1.45em; }
  .explainer-cards .card-band, .explainer-cards .card-detail { font-size: 0.8em; }
  .jp-Cell { padding-top: 0 !important; }
  .jp-Cell-outputWrapper { margin-top: 0 !important; }
  .jp-LabShell .lm-BoxPanel-child { padding-top: 0 !important; }
  /* A chart's menu (⋯) is a 44 px target that touches nothing above it. */
  .explainer-outputs > [class*="explainer-chart-"] { margin-top: 8px !important; }
  .explainer-outputs .vega-embed.has-actions { padding-right: ${menu}px !important; }
  .explainer-page:not(.explainer-presenter) { --explainer-chart-caption-px: ${caption_px}px; }
  .explainer-outputs .vega-embed > details > summary { width: 44px !important;
    height: 44px !important; display: flex !important; align-items: center;
    justify-content: center; box-sizing: border-box; }
}
/* Touch screens and narrow windows: tap targets of at least 44 px (WCAG 2.5.5). */
@media (max-width: 760px), (pointer: coarse) {
  .jupyter-button, .widget-toggle-button, .explainer-copy-link, .explainer-link-text,
  .widget-dropdown > select, .jupyter-widget-Collapse-header, .widget-upload {
    min-height: 44px !important; }
  .explainer-qr-fold summary { line-height: 44px; min-width: 44px; text-align: center; }
  .widget-toggle-buttons, .widget-dropdown, .widget-inline-hbox { height: auto !important; }
  .widget-toggle-buttons, .explainer-toolbar, .explainer-link { flex-wrap: wrap; }
  .explainer-nav a, .explainer-downloads a { display: inline-block; min-height: 44px;
    line-height: 44px; }
  .widget-slider .noUi-handle, .jupyter-widget-slider .noUi-handle { width: 28px !important;
    height: 28px !important; top: -11px !important; border-radius: 50% !important; }
  .widget-hslider, .jupyter-widget-hslider { min-height: 44px; }
  .widget-checkbox input[type="checkbox"] { width: 24px; height: 24px; }
}
</style>
"""
STYLE = Template(_STYLE).substitute(
    page_pad=PHONE_PAGE_PAD_PX,
    sheet_pad=PHONE_SHEET_PAD_PX,
    menu=ACTION_MENU_PX,
    title_px=TITLE_PX,
    caption_px=CAPTION_FONT_PX,
    caption_wide_px=CAPTION_FONT_PX + 1,  # wider screens: a point more
)

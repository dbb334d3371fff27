"""The chart module's caption wrap reads the page's layout only when the chart's box may have
changed (issue 14, `speed`): on a slider move it wraps with the room and type sizes it
measured before, instead of forcing the browser to lay the page out after the previous
chart's drawing. A new width still re-wraps the text.

These tests load the module's text-fitting block (serving/jupyterchart.js, from its
constants to ``watchChartText``) into a blank page of Chromium; no Voila.
"""

from __future__ import annotations

from pathlib import Path

MODULE = Path(__file__).resolve().parents[2] / "src" / "explainer" / "serving" / "jupyterchart.js"
CAPTION = (
    "Share of the unit's staff still up at each hour of the night, with the slider's "
    "scenario marked; the shaded range follows once the assumptions are varied."
)


def fitting_code() -> str:
    source = MODULE.read_text(encoding="utf-8")
    start = source.index("const CHART_TEXT_PAD")
    return source[start : source.index("function cleanJson")]


SETUP_JS = """([code, caption]) => {
    document.body.innerHTML = '<div class="explainer-page" style="'
        + '--explainer-chart-title-px:18px;--explainer-chart-caption-px:13px">'
        + '<div id="chart" class="has-actions" style="width:700px;padding-right:38px">'
        + '</div></div>';
    const api = new Function(code + "; return {fitChartText, watchChartText};")();
    const el = document.getElementById("chart");
    const spec = () => ({
        title: {text: {expr: "live_title"}, subtitle: {expr: "live_subtitle"}},
        params: [{name: "live_title", value: "Bedtimes"},
                 {name: "live_subtitle", value: [caption]}],
    });
    // Count every read of the layout the wrap could make.
    const reads = {n: 0};
    const count = (proto, name) => {
        const d = Object.getOwnPropertyDescriptor(proto, name);
        Object.defineProperty(proto, name, {configurable: true,
            get() { reads.n += 1; return d.get.call(this); }});
    };
    count(Element.prototype, "clientWidth");
    const style = window.getComputedStyle;
    window.getComputedStyle = (...a) => { reads.n += 1; return style(...a); };
    const lines = () => api.fitChartText(spec(), el).params[1].value;
    window.__wrap = {api, el, reads, lines};
}"""


def test_a_second_wrap_reads_no_layout(page):
    page.set_content("<html><body></body></html>")
    page.evaluate(SETUP_JS, [fitting_code(), CAPTION])
    first = page.evaluate("() => { const w = window.__wrap; w.reads.n = 0; return w.lines(); }")
    assert len(first) >= 2  # wrapped at 700 px
    # What a slider move does: the chart draws (a write), then the next spec is wrapped.
    reads, again = page.evaluate(
        """() => {
            const w = window.__wrap;
            w.el.appendChild(document.createElement("svg"));
            w.reads.n = 0;
            const lines = w.lines();
            return [w.reads.n, lines];
        }"""
    )
    assert again == first
    assert reads == 0, f"the caption wrap read the layout {reads} times on an update"


def test_a_new_width_wraps_again(page):
    page.set_content("<html><body></body></html>")
    page.evaluate(SETUP_JS, [fitting_code(), CAPTION])
    page.evaluate(
        """() => new Promise(done => {
            const w = window.__wrap;
            w.api.watchChartText(w.el, () => true);
            w.wide = w.lines();
            requestAnimationFrame(() => requestAnimationFrame(done));
        })"""
    )
    narrow = page.evaluate(
        """() => new Promise(done => {
            const w = window.__wrap;
            w.el.style.width = "300px";
            requestAnimationFrame(() => requestAnimationFrame(() => done(w.lines())));
        })"""
    )
    wide = page.evaluate("() => window.__wrap.wide")
    assert len(narrow) > len(wide)


#: The whole module, imported from a blob, with a stand-in vegaEmbed that records each spec it
#: is given, and a stand-in widget model; the chart's element is rendered off the page, then
#: put into a dashboard page, as ipywidgets does (it places a view once render() returns).
OFF_THE_PAGE_JS = """async (source) => {
    const drawn = [];
    window.vegaEmbed = async (el, spec) => {
        drawn.push(spec);
        el.innerHTML = '<svg class="marks"></svg>';
        const view = {signal() {}, change() {}, changeset: () => ({remove() { return this; },
            insert() { return this; }}), height() {}, description() {},
            runAsync: async () => view};
        return {view, finalize() {}};
    };
    const traits = {spec: {title: {text: "Bedtimes", subtitle: "Share still up.",
        subtitleFontSize: 12}, mark: "point"}, embed_options: null, _vl_selections: {},
        _params: {}, _js_watch_plan: []};
    const model = {get: (k) => traits[k], set() {}, save_changes() {}, on() {}};
    const url = URL.createObjectURL(new Blob([source], {type: "text/javascript"}));
    const mod = await import(url);
    const el = document.createElement("div");
    const rendered = mod.default.render({model, el});
    await Promise.race([rendered, new Promise(r => setTimeout(r, 100))]);
    document.body.innerHTML = '<div class="explainer-page" style="'
        + '--explainer-chart-title-px:18px;--explainer-chart-caption-px:13px">'
        + '<div id="slot" style="width:700px"></div></div>';
    document.getElementById("slot").appendChild(el);
    await rendered;
    await new Promise(r => setTimeout(r, 600));
    return {embeds: Number(el.dataset.embeds),
            sizes: drawn.map(s => s.title.subtitleFontSize)};
}"""


def test_a_chart_rendered_off_the_page_is_drawn_once_in_the_page_s_type(page):
    """The first drawing waits until the element is on the page: drawn before, it took the
    fallback caption size (12 px), then the page's (13 px) changed its skeleton and it was
    embedded a second time (CI: test_live_charts_page, the unit page's bedtimes chart)."""
    page.set_content("<html><body></body></html>")
    found = page.evaluate(OFF_THE_PAGE_JS, MODULE.read_text(encoding="utf-8"))
    assert found == {"embeds": 1, "sizes": [13]}, found

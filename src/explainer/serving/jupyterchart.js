// The page's chart widget module (explainer.serving.offline bundles it with vega, vega-lite
// and vega-embed through vl-convert's javascript_bundle, which provides `vegaEmbed`, `vega`
// and `lodashDebounce`; explainer.serving.chartjs serves it). It is Altair's JupyterChart
// module (altair/jupyter/js/index.js, BSD-3-Clause), with one change (issue 14): when a new
// spec has the same skeleton as the chart on screen (the spec without its datasets' rows and
// the values of its `live_` parameters, see explainer/charts/live.py), the chart is updated
// in place through Vega's View API (view.signal, view.change with a changeset, runAsync)
// instead of being compiled, parsed and rendered again by vegaEmbed, and nothing is sent
// back to the kernel; a new fixed height of a single or layered view is set the same way
// (view.height). Any other change re-embeds as Altair does.

const LIVE = "live_";

// A single or layered view's fixed height is Vega's `height` signal (view.height).
function liveHeight(spec) {
    return typeof spec.height === "number" && ("layer" in spec || "mark" in spec);
}

// The spec without what a data-only update may change (explainer.charts.live.skeleton).
function skeleton(spec) {
    if (spec == null || typeof spec !== "object") {
        return null;
    }
    const out = {...spec};
    delete out.description;
    if (liveHeight(out)) {
        out.height = LIVE;
    }
    if (out.datasets != null) {
        out.datasets = Object.keys(out.datasets);
    }
    if (Array.isArray(out.params)) {
        out.params = out.params.map(p => (p.name ?? "").startsWith(LIVE) ? {...p, value: null} : p);
    }
    return JSON.stringify(out);
}

function liveParams(spec) {
    const found = new Map();
    for (const p of spec.params ?? []) {
        if ((p.name ?? "").startsWith(LIVE)) {
            found.set(p.name, p.value);
        }
    }
    return found;
}

function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}

// Hand the view of `shown` the values of `spec` that differ; true once redrawn.
async function patch(view, shown, spec) {
    const before = liveParams(shown);
    for (const [name, value] of liveParams(spec)) {
        if (!same(before.get(name), value)) {
            view.signal(name, value);
        }
    }
    const rows = shown.datasets ?? {};
    for (const [name, values] of Object.entries(spec.datasets ?? {})) {
        if (!same(rows[name], values)) {
            view.change(name, view.changeset().remove(() => true).insert(values));
        }
    }
    if (liveHeight(spec) && spec.height !== shown.height) {
        view.height(spec.height);  // e.g. a tornado with another number of bars
    }
    await view.runAsync();
    if (spec.description !== shown.description && typeof view.description === "function") {
        view.description(spec.description ?? null);  // the chart's aria-label
    }
}

async function render({ model, el }) {
    let finalize;
    let api = null;      // the vega-embed result on screen
    let shown = null;    // the spec it shows (a private copy)
    let shownSkeleton = null;
    // The first drawing waits for the element to be placed (see chartPlaced).
    const placedNow = chartPlaced(el);
    let queue = placedNow ? Promise.resolve() : whenPlaced(el);
    // Updates run one at a time, each reading the newest spec: a burst of changes ends on it.
    const update = () => {
        queue = queue.then(refresh, refresh);
        return queue;
    };
    el.dataset.liveUpdates = "0";
    el.dataset.liveMs = "0";
    el.dataset.embeds = "0";

    const refresh = async () => {
        const spec = fitChartText(structuredClone(model.get("spec")), el);
        const skel = skeleton(spec);
        if (api != null && skel != null && skel === shownSkeleton) {
            if (same(spec, shown)) {
                return;
            }
            try {
                const began = performance.now();
                await patch(api.view, shown, spec);
                shown = spec;
                el.dataset.liveUpdates = String(Number(el.dataset.liveUpdates) + 1);
                // Time spent in place, for the benchmark (benchmarks/bench_bands.py).
                const spent = Number(el.dataset.liveMs) + performance.now() - began;
                el.dataset.liveMs = spent.toFixed(1);
                return;
            } catch (error) {
                console.warn("chart: data-only update failed, drawing again", error);
            }
        }
        await reembed();
    };

    function showError(error){
        el.innerHTML = (
            '<div style="color:red;">'
            + '<p>JavaScript Error: ' + error.message + '</p>'
            + "<p>This usually means there's a typo in your chart specification. "
            + "See the javascript console for the full traceback.</p>"
            + '</div>'
        );
    }

    const reembed = async () => {
        if (finalize != null) {
          finalize();
        }

        model.set("local_tz", Intl.DateTimeFormat().resolvedOptions().timeZone);

        api = null;
        shown = null;
        shownSkeleton = null;
        let spec = fitChartText(structuredClone(model.get("spec")), el);
        if (spec == null) {
            // Remove any existing chart and return
            while (el.firstChild) {
                el.removeChild(el.lastChild);
            }
            model.save_changes();
            return;
        }
        let embedOptions = structuredClone(model.get("embed_options")) ?? undefined;

        const kept = structuredClone(spec);  // vega-embed may annotate the spec it is given
        let result;
        try {
            result = await vegaEmbed(el, spec, embedOptions);
        } catch (error) {
            showError(error)
            return;
        }
        api = result;
        shown = kept;
        shownSkeleton = skeleton(kept);
        el.dataset.embeds = String(Number(el.dataset.embeds) + 1);

        finalize = result.finalize;

        // Debounce config
        const wait = model.get("debounce_wait") ?? 10;
        const debounceOpts = {leading: false, trailing: true};
        if (model.get("max_wait") ?? true) {
            debounceOpts["maxWait"] = wait;
        }

        const initialSelections = {};
        for (const selectionName of Object.keys(model.get("_vl_selections"))) {
            const storeName = `${selectionName}_store`;
            const selectionHandler = (_, value) => {
                const newSelections = cleanJson(model.get("_vl_selections") ?? {});
                const store = cleanJson(result.view.data(storeName) ?? []);

                newSelections[selectionName] = {value, store};
                model.set("_vl_selections", newSelections);
                model.save_changes();
            };
            result.view.addSignalListener(selectionName, lodashDebounce(selectionHandler, wait, debounceOpts));

            initialSelections[selectionName] = {
                value: cleanJson(result.view.signal(selectionName) ?? {}),
                store: cleanJson(result.view.data(storeName) ?? [])
            }
        }
        model.set("_vl_selections", initialSelections);

        const initialParams = {};
        for (const paramName of Object.keys(model.get("_params"))) {
            const paramHandler = (_, value) => {
                const newParams = JSON.parse(JSON.stringify(model.get("_params"))) || {};
                newParams[paramName] = value;
                model.set("_params", newParams);
                model.save_changes();
            };
            result.view.addSignalListener(paramName, lodashDebounce(paramHandler, wait, debounceOpts));

            initialParams[paramName] = result.view.signal(paramName) ?? null
        }
        model.set("_params", initialParams);
        model.save_changes();

        // Param change callback
        model.on('change:_params', async (new_params) => {
            for (const [param, value] of Object.entries(new_params.changed ? new_params.changed._params : new_params)) {
                result.view.signal(param, value);
            }
            await result.view.runAsync();
        });

        // Add signal/data listeners
        for (const watch of model.get("_js_watch_plan") ?? []) {
            if (watch.namespace === "data") {
                const dataHandler = (_, value) => {
                    model.set("_js_to_py_updates", [{
                        namespace: "data",
                        name: watch.name,
                        scope: watch.scope,
                        value: cleanJson(value)
                    }]);
                    model.save_changes();
                };
                addDataListener(result.view, watch.name, watch.scope, lodashDebounce(dataHandler, wait, debounceOpts))

            } else if (watch.namespace === "signal") {
                const signalHandler = (_, value) => {
                    model.set("_js_to_py_updates", [{
                        namespace: "signal",
                        name: watch.name,
                        scope: watch.scope,
                        value: cleanJson(value)
                    }]);
                    model.save_changes();
                };

                addSignalListener(result.view, watch.name, watch.scope, lodashDebounce(signalHandler, wait, debounceOpts))
            }
        }

        // Add signal/data updaters
        model.on('change:_py_to_js_updates', async (updates) => {
            const py_to_js_updates = updates.changed ? updates.changed._py_to_js_updates : updates;
            for (const update of py_to_js_updates ?? []) {
                if (update.namespace === "signal") {
                    setSignalValue(result.view, update.name, update.scope, update.value);
                } else if (update.namespace === "data") {
                    setDataValue(result.view, update.name, update.scope, update.value);
                }
            }
            await result.view.runAsync();
        });
    }

    const redraw = () => {
        shownSkeleton = null;  // not a data-only change
        return update();
    };
    model.on('change:spec', update);
    model.on('change:embed_options', redraw);
    model.on('change:debounce_wait', redraw);
    model.on('change:max_wait', redraw);
    const unwatch = watchChartText(el, () => (api != null ? update() : null));
    const first = update();
    update();  // the first drawing's width was a guess before vega-embed laid the box out
    if (placedNow) {
        await first;  // not otherwise: ipywidgets places the element once render() returns
    }
    return unwatch;
}

// True once `el` is on the page, laid out, and (on a dashboard) under the page's stylesheet,
// whose type sizes fitChartText reads. ipywidgets renders a widget's view before it puts the
// element on the page: a chart measured then took the fallback sizes, and the page's own sizes,
// read a moment later, changed the spec's skeleton, so the chart was drawn twice on the way in
// (CI, tests/e2e/test_live_charts_page.py).
function chartPlaced(el) {
    if (!el.isConnected || el.clientWidth === 0) {
        return false;
    }
    const page = el.closest(".explainer-page");
    return page == null
        || getComputedStyle(page).getPropertyValue("--explainer-chart-caption-px").trim() !== "";
}

// Resolves once chartPlaced(el), or after `most` ms (a chart in a hidden box is drawn then and
// fitted again when it is shown: watchChartText).
function whenPlaced(el, most = 2000) {
    const began = performance.now();
    return new Promise(resolve => {
        const check = () => {
            if (chartPlaced(el) || performance.now() - began > most) {
                resolve();
            } else {
                setTimeout(check, 16);
            }
        };
        setTimeout(check, 0);
    });
}

// --- Chart text fitted to the screen (issue 15, `captions`) -----------------------------------
// A page chart's title and caption come as whole paragraphs (explainer.charts.common.responsive,
// in the live parameters `live_title` and `live_subtitle`, or literal). fitChartText wraps them
// to the width the chart has on the screen, measured with the canvas's measureText in the font
// Vega draws titles with, at the type sizes the page's stylesheet sets (ui/style.py:
// --explainer-chart-title-px, --explainer-chart-caption-px; larger in presenter mode).
// Only the parameters' values change with the width: a new width is a data-only update. A new
// type size changes the spec's skeleton, so the chart is drawn again.

const CHART_TEXT_PAD = 5 + 2;       // Vega's padding on each side, and a margin for rounding
const CHART_MENU_PX = 50;           // the chart menu's column before vega-embed has set its padding
const NARROWEST_ROOM = 270;         // explainer.charts.common.CAPTION_PX, until the chart is laid out
const CAPTION_MEASURE_EM = 66;      // a readable line: at most this many caption ems (~90 letters)
const WIDE_CHARACTER = "[\\u2e80-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef]";
const TEXT_TOKENS = new RegExp(`${WIDE_CHARACTER}|\\s+|(?:(?!${WIDE_CHARACTER})\\S)+`, "gu");
const NO_LINE_START = /^[，。、；：？！）》」』”’,.;:?!)\]%]/u;
let textCanvas = null;

// A type size (px) from a custom property of the page, as the chart's element resolves it.
function chartTextPx(el, name, fallback) {
    if (!el.isConnected) {
        return fallback;
    }
    const probe = document.createElement("span");
    probe.style.cssText = `position:absolute;visibility:hidden;font-size:var(${name}, ${fallback}px)`;
    el.appendChild(probe);
    const px = parseFloat(getComputedStyle(probe).fontSize);
    probe.remove();
    return px > 0 ? px : fallback;
}

// The width (px) a title line may have: the chart's box less vega-embed's menu column and
// Vega's padding.
function chartTextRoom(el) {
    if (!el.isConnected || el.clientWidth === 0) {
        return NARROWEST_ROOM;
    }
    const style = getComputedStyle(el);
    let width = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (!el.classList.contains("has-actions")) {
        width -= CHART_MENU_PX;  // not drawn yet: leave the menu's column as on a phone
    }
    return Math.max(width - 2 * CHART_TEXT_PAD, 100);
}

// The room and type sizes of `el`'s chart text, measured once and kept until watchChartText
// sees a new width, new page classes (presenter mode) or a resized window: measuring reads
// the layout (clientWidth, getComputedStyle), and a read after the previous chart's drawing
// forced the browser to lay the page out again, several milliseconds on every slider move
// (issue 14). A measure taken before the chart is laid out (no width yet) is not kept.
const chartTextBoxes = new WeakMap();

function chartTextBox(el, heading) {
    const actions = el.classList.contains("has-actions");  // vega-embed's menu: another padding
    const kept = chartTextBoxes.get(el);
    if (kept != null && kept.actions === actions) {
        return kept;
    }
    const box = {
        actions,
        room: chartTextRoom(el),
        titlePx: chartTextPx(el, "--explainer-chart-title-px", heading.fontSize ?? 18),
        captionPx: chartTextPx(el, "--explainer-chart-caption-px", heading.subtitleFontSize ?? 12),
        labelPx: chartTextPx(el, "--explainer-chart-label-px", 0),  // presenter mode only
    };
    if (el.isConnected && el.clientWidth > 0) {
        chartTextBoxes.set(el, box);
    }
    return box;
}

// Measure `el`'s chart text again at its next fitting.
function forgetChartTextBox(el) {
    chartTextBoxes.delete(el);
}

// `text` as lines at most `room` px wide in `font`: broken at spaces, between Chinese
// characters, never before a closing mark, and inside a word only when it is wider alone.
// A paragraph's lines are kept for its room and font: most of a chart's text (its title, the
// caption's fixed sentences) is the same from one slider move to the next (issue 14).
const wrappedText = new Map();
const WRAPPED_KEPT = 400;

function wrapChartText(text, room, font) {
    const key = `${font}|${room}|${text}`;
    const kept = wrappedText.get(key);
    if (kept != null) {
        return [...kept];
    }
    if (wrappedText.size >= WRAPPED_KEPT) {
        wrappedText.clear();
    }
    const lines = wrapChartTextNow(text, room, font);
    wrappedText.set(key, lines);
    return [...lines];
}

function wrapChartTextNow(text, room, font) {
    const ctx = (textCanvas ??= document.createElement("canvas")).getContext("2d");
    ctx.font = font;
    const wide = (line) => ctx.measureText(line).width > room;
    const tokens = [];
    for (const token of String(text).match(TEXT_TOKENS) ?? []) {
        const last = tokens.length - 1;
        if (last >= 0 && NO_LINE_START.test(token) && !/\s$/.test(tokens[last])) {
            tokens[last] += token;
        } else {
            tokens.push(token);
        }
    }
    const lines = [];
    let line = "";
    for (const token of tokens) {
        if (/^\s+$/.test(token)) {
            line += line ? " " : "";
            continue;
        }
        if (line && wide(line + token)) {
            lines.push(line.trimEnd());
            line = "";
        }
        line += token;
        while (line.length > 1 && wide(line)) {  // one word wider than the line
            let cut = line.length - 1;
            while (cut > 1 && wide(line.slice(0, cut))) {
                cut -= 1;
            }
            lines.push(line.slice(0, cut));
            line = line.slice(cut);
        }
    }
    return line.trim() || lines.length === 0 ? [...lines, line.trimEnd()] : lines;
}

// The type size of axis and legend labels and titles, and of the labels drawn by text marks
// (value labels, rule labels), from the page's stylesheet (--explainer-chart-label-px, set in
// presenter mode only: ui/style.py), in `spec` (a private copy: changed in place). Without it
// Vega's own sizes (10-11 px) and the sizes the spec sets stay.
function fitChartLabels(spec, px) {
    if (!(px > 0) || spec == null || typeof spec !== "object") {
        return;
    }
    const sizes = {labelFontSize: px, titleFontSize: Math.round(1.1 * px)};
    const config = (spec.config ??= {});
    config.axis = {...config.axis, ...sizes, labelLimit: 30 * px};
    // a legend above the plot as far off it as a rule's label above the plot grows (Vega's 18 px)
    config.legend = {...config.legend, ...sizes, symbolSize: 8 * px, titleLimit: 40 * px,
                     offset: Math.round(18 * px / VEGA_LABEL_PX)};
    config.text = {...config.text, fontSize: px};
    scaleTextMarks(spec, px);
    // A plot as tall as its labels grow: labels a few values apart (the fit chart's tools at
    // capability 0.15 and 0.20) ran into each other in the larger type.
    if (typeof spec.height === "number") {
        spec.height = Math.round(spec.height * px / VEGA_LABEL_PX);
    }
}

// `guide[key]`, a width in Vega's own type (a number or an expression: a phone's and a wide
// limit), for labels in `px`.
function scaleLimit(guide, key, px) {
    const scale = px / VEGA_LABEL_PX;
    if (typeof guide[key] === "number") {
        guide[key] = Math.round(guide[key] * scale);
    } else if (typeof guide[key]?.expr === "string") {
        guide[key] = {expr: `(${guide[key].expr}) * ${scale.toFixed(3)}`};
    }
}

// Vega's own label size (px), against which a text mark's literal size is scaled.
const VEGA_LABEL_PX = 11;

// Every text mark of `spec`'s views (layers, band slots) with a literal type size in the
// label size `px`, scaled as the spec sets it against Vega's 11 px (a 12 px value label stays
// a little larger than the axis labels); the label and title limits its
// axes and legends set grow with it.
function scaleTextMarks(node, px) {
    if (Array.isArray(node)) {
        node.forEach((item) => scaleTextMarks(item, px));
        return;
    }
    if (node == null || typeof node !== "object") {
        return;
    }
    const mark = node.mark;
    if (mark != null && typeof mark === "object" && mark.type === "text"
            && typeof mark.fontSize === "number") {
        mark.fontSize = Math.max(px, Math.round(px * mark.fontSize / VEGA_LABEL_PX));
        // its offsets off a point or a rule grow with it (a larger label kept 4-6 px off a
        // rule ran into it, or into the label on the rule's other side); a horizontal offset
        // given as an expression places the label against the plot's edge: kept
        const scale = px / VEGA_LABEL_PX;
        for (const key of ["dx", "dy"]) {
            if (typeof mark[key] === "number") {
                mark[key] = Math.round(mark[key] * scale);
            } else if (key === "dy" && typeof mark[key]?.expr === "string") {
                mark[key] = {expr: `(${mark[key].expr}) * ${scale.toFixed(3)}`};
            }
        }
    }
    for (const channel of Object.values(node.encoding ?? {})) {
        for (const guide of [channel?.legend, channel?.axis]) {
            if (guide != null && typeof guide === "object") {
                scaleLimit(guide, "labelLimit", px);
                scaleLimit(guide, "titleLimit", px);
            }
        }
    }
    for (const key of ["layer", "hconcat", "vconcat", "concat", "spec"]) {
        if (node[key] != null) {
            scaleTextMarks(node[key], px);
        }
    }
}

// `spec` (a private copy: changed in place) with its title and caption wrapped for `el`, and
// its labels in the page's type (fitChartLabels).
function fitChartText(spec, el) {
    const heading = spec?.title;
    const titled = heading != null && typeof heading === "object" && !Array.isArray(heading);
    const {room, titlePx, captionPx, labelPx} = chartTextBox(el, titled ? heading : {});
    fitChartLabels(spec, labelPx);
    if (!titled) {
        return spec;
    }
    const family = heading.font ?? spec.config?.title?.font ?? spec.config?.font ?? "sans-serif";
    heading.fontSize = titlePx;
    heading.subtitleFontSize = captionPx;
    heading.subtitleLineHeight = Math.round(1.3 * captionPx);  // a paragraph's leading
    const lines = (value, font, width) => [value].flat(Infinity)
        .flatMap((paragraph) => wrapChartText(paragraph ?? "", width, font));
    const fitTitle = (value) => {
        const found = lines(value, `bold ${titlePx}px ${family}`, room);
        return found.length === 1 ? found[0] : found;
    };
    const captionRoom = Math.min(room, CAPTION_MEASURE_EM * captionPx);
    const fitCaption = (value) => lines(value, `${captionPx}px ${family}`, captionRoom);
    for (const p of spec.params ?? []) {
        if (p.name === "live_title") {
            p.value = fitTitle(p.value);
        } else if (p.name === "live_subtitle") {
            p.value = fitCaption(p.value);
        }
    }
    if (typeof heading.text === "string" || Array.isArray(heading.text)) {
        heading.text = fitTitle(heading.text);
    }
    if (typeof heading.subtitle === "string" || Array.isArray(heading.subtitle)) {
        heading.subtitle = fitCaption(heading.subtitle);
    }
    return spec;
}

// Call `refit` when the chart's width or the page's classes (presenter mode) change (a width
// counts as seen once `refit` returns something); returns the function that stops watching.
function watchChartText(el, refit) {
    let width = null;
    let page = null;
    const classes = new MutationObserver(() => {
        forgetChartTextBox(el);
        return refit();
    });
    const sizes = new ResizeObserver(() => {
        if (page == null && (page = el.closest(".explainer-page")) != null) {
            classes.observe(page, {attributes: true, attributeFilter: ["class"]});
        }
        if (el.clientWidth !== width) {
            forgetChartTextBox(el);
            if (refit() != null) {
                width = el.clientWidth;
            }
        }
    });
    const resized = () => forgetChartTextBox(el);  // a media query may set other type sizes
    window.addEventListener("resize", resized);
    sizes.observe(el);
    return () => {
        sizes.disconnect();
        classes.disconnect();
        window.removeEventListener("resize", resized);
    };
}

function cleanJson(data) {
    return JSON.parse(JSON.stringify(data))
}

function getNestedRuntime(view, scope) {
    var runtime = view._runtime;
    for (const index of scope) {
        runtime = runtime.subcontext[index];
    }
    return runtime
}

function lookupSignalOp(view, name, scope) {
    let parent_runtime = getNestedRuntime(view, scope);
    return parent_runtime.signals[name] ?? null;
}

function dataRef(view, name, scope) {
    let parent_runtime = getNestedRuntime(view, scope);
    return parent_runtime.data[name];
}

export function setSignalValue(view, name, scope, value) {
    let signal_op = lookupSignalOp(view, name, scope);
    view.update(signal_op, value);
}

export function setDataValue(view, name, scope, value) {
    let dataset = dataRef(view, name, scope);
    let changeset = view.changeset().remove(() => true).insert(value)
    dataset.modified = true;
    view.pulse(dataset.input, changeset);
}

export function addSignalListener(view, name, scope, handler) {
    let signal_op = lookupSignalOp(view, name, scope);
    return addOperatorListener(
        view,
        name,
        signal_op,
        handler,
    );
}

export function addDataListener(view, name, scope, handler) {
    let dataset = dataRef(view, name, scope).values;
    return addOperatorListener(
        view,
        name,
        dataset,
        handler,
    );
}

// Private helpers from Vega for dealing with nested signals/data
function findOperatorHandler(op, handler) {
    const h = (op._targets || [])
        .filter(op => op._update && op._update.handler === handler);
    return h.length ? h[0] : null;
}

function addOperatorListener(view, name, op, handler) {
    let h = findOperatorHandler(op, handler);
    if (!h) {
        h = trap(view, () => handler(name, op.value));
        h.handler = handler;
        view.on(op, null, h);
    }
    return view;
}

function trap(view, fn) {
    return !fn ? null : function() {
        try {
            fn.apply(this, arguments);
        } catch (error) {
            view.error(error);
        }
    };
}

export default { render }

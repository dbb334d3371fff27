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
    let queue = Promise.resolve();
    // Updates run one at a time, each reading the newest spec: a burst of changes ends on it.
    const update = () => {
        queue = queue.then(refresh, refresh);
        return queue;
    };
    el.dataset.liveUpdates = "0";
    el.dataset.liveMs = "0";
    el.dataset.embeds = "0";

    const refresh = async () => {
        const spec = structuredClone(model.get("spec"));
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
        let spec = structuredClone(model.get("spec"));
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
    await update();
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

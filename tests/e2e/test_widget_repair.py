"""The page's widget is drawn even when Voila's renderer looks it up too early (issue 15).

Voila's widget renderer (@jupyter-widgets/jupyterlab-manager 5) writes "Error displaying widget:
model not found" and gives up if the page's widget is not in the widget manager when the manager
says it has restored the kernel's widgets. Under load that happened on about 1 page load in 15
(reforms and fit pages, notes in docs/deploy.md), and the page stayed blank. The template's
widget repair looks the widget up again and draws it; if it never comes, the page-life banner
offers a reload.

The race cannot be timed from outside, so these tests make it happen: an init script wraps the
widget manager's ``get_model`` as soon as the manager is built (the property trap below) and
refuses the page's widget until the restore is over and once after it, exactly what the renderer
sees in the race. ``never`` also hides it from ``has_model`` for good: a kernel that lost it.
"""

from __future__ import annotations

from e2e_support import PAGE_TIMEOUT_MS, assert_no_error_text

HEADLINE = ".explainer-headline"
MESSAGE = "Error displaying widget: model not found"

# The page's widget id is read from the cell output before Voila renders it; the manager is
# caught when its constructor first sets `_restoredStatus` (a setter on Object.prototype).
RACE = """
(() => {
  const mode = %r;
  let roots = [];
  document.addEventListener("DOMContentLoaded", () => {
    const outputs = 'script[type="application/vnd.voila.cell-output+json"]';
    for (const el of document.querySelectorAll(outputs)) {
      const data = JSON.parse(el.textContent).data || {};
      const view = data["application/vnd.jupyter.widget-view+json"];
      if (view) roots.push(view.model_id);
    }
  });
  Object.defineProperty(Object.prototype, "_restoredStatus", {
    configurable: true,
    get() { return undefined; },
    set(value) {
      const manager = this;
      let current = value;
      Object.defineProperty(manager, "_restoredStatus", {
        configurable: true, get() { return current; }, set(v) { current = v; },
      });
      delete Object.prototype._restoredStatus;
      let refusedAfterRestore = false;
      const getModel = manager.get_model, hasModel = manager.has_model;
      manager.get_model = function (id) {
        if (roots.includes(id) && (mode === "never" || !current || !refusedAfterRestore)) {
          if (current) refusedAfterRestore = true;
          return Promise.reject(new Error("widget model not found"));
        }
        return getModel.call(this, id);
      };
      manager.has_model = function (id) {
        return mode === "never" && roots.includes(id) ? false : hasModel.call(this, id);
      };
    },
  });
})();
"""


def open_with_race(page, base_url: str, mode: str) -> None:
    page.context.add_init_script(RACE % mode)
    page.goto(f"{base_url}/voila/render/night.ipynb?lang=en", wait_until="domcontentloaded")


def test_a_widget_looked_up_too_early_is_drawn_again(page, base_url):
    open_with_race(page, base_url, "once")
    page.locator(HEADLINE).wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    assert page.evaluate("() => window.explainerWidgetRepairs") == 1
    assert MESSAGE not in page.inner_text("body")
    assert_no_error_text(page)
    # The repaired page is the live page: a control still reaches the kernel.
    summary = page.locator(".explainer-summary").inner_text()
    handle = page.locator(".explainer-param-n_apps .noUi-handle").first
    handle.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "([sel, before]) => document.querySelector(sel).innerText !== before",
        arg=[".explainer-summary", summary],
        timeout=PAGE_TIMEOUT_MS,
    )


def test_a_widget_that_never_comes_gives_the_reload_banner(page, base_url):
    # The page looks for the widget for 20 s before it gives up; 3 s is plenty for this test.
    page.context.add_init_script("window.explainerWidgetRepairWaitMs = 3000;")
    open_with_race(page, base_url, "never")
    banner = page.locator(".explainer-page-life[data-state=gone]")
    banner.wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    assert "Reload" in banner.inner_text()
    assert MESSAGE not in page.inner_text("body")
    assert page.evaluate("() => window.explainerWidgetRepairs") == 0

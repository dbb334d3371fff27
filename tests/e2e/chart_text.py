"""Reading a chart's title as Vega draws it (issue 15).

A title too wide for a 360 px phone is a list of lines (explainer.charts.common.responsive);
Vega draws each line as a ``<tspan>`` and trims it, so the title's ``textContent`` has no
space where a line ends. A title is compared with the whitespace taken out.
"""

from __future__ import annotations

from e2e_support import ACTION_TIMEOUT_MS


def wait_for_title(page, selector: str, text: str, timeout=None) -> None:
    """Wait until the first match of ``selector`` (a chart's ``.role-title-text``) shows the
    title ``text``, however it is broken into lines."""
    page.wait_for_function(
        """([selector, text]) => {
            const el = document.querySelector(selector);
            return el !== null &&
                el.textContent.replace(/\\s+/g, "") === text.replace(/\\s+/g, "");
        }""",
        arg=[selector, text],
        timeout=timeout or ACTION_TIMEOUT_MS,
    )


# Every text a chart draws (issue 15, legibility): its box, its role (axis label, legend
# label, title, a text mark's layer) and its type size, chart by chart; text drawn empty or
# transparent is left out. ``overlaps`` lists pairs of texts of one chart whose boxes cross
# (by more than 1 px each way; the faint copy of a pinned scenario's text, drawn behind the
# same text on purpose, and a label drawn over its own white halo are left out, but a faint
# label over another text counts: the reforms page's "status quo" beside "this scenario"),
# ``crossed`` the texts a rule line of the chart (a dashed or dotted rule mark: "midnight",
# "this scenario", a tool's capability, a tornado's value (on a phone its labels lie over
# their bars, and the value line is drawn across each bar's row); not the solid error bars,
# nor the axes' grid and ticks) runs through, more than ``RULE_TOLERANCE_PX`` inside
# the text's box; ``outside`` the texts not inside their chart's SVG and the screen.
#: How far (px) a rule may run inside a text's box: the box has the font's ascent and descent.
RULE_TOLERANCE_PX = 1.5
CHART_TEXTS_JS = """() => {
  const W = innerWidth, H = innerHeight;
  const charts = [];
  document.querySelectorAll('.explainer-outputs [class*="explainer-chart-"]').forEach((el) => {
    const svg = el.querySelector('svg.marks');
    if (!svg || !el.getClientRects().length) return;
    const name = el.className.match(/explainer-chart-[\\w-]+/)[0];
    const box = svg.getBoundingClientRect();
    const texts = [];
    svg.querySelectorAll('text').forEach((t) => {
      const r = t.getBoundingClientRect();
      const cs = getComputedStyle(t);
      const opacity = Math.min(parseFloat(t.getAttribute('fill-opacity') ?? 1),
                               parseFloat(t.getAttribute('opacity') ?? 1));
      if (r.width < 1 || r.height < 1 || !t.textContent.trim() || opacity === 0 ||
          cs.visibility === 'hidden') return;
      const group = t.closest('[class*="role-"]');
      const role = group ? group.getAttribute('class').split(' ')
          .filter((c) => c.startsWith('role-') || c.startsWith('layer_') || c === 'mark-text')
          .join(' ') : '';
      texts.push({text: t.textContent, role, font: parseFloat(cs.fontSize), opacity,
                  x0: r.left, y0: r.top, x1: r.right, y1: r.bottom});
    });
    const outside = texts.filter((t) => t.x0 < box.left - 0.5 || t.x1 > box.right + 0.5 ||
        t.y0 < box.top - 0.5 || t.y1 > box.bottom + 0.5 || t.x0 < -0.5 || t.x1 > W + 0.5)
      .map((t) => `'${t.text}' (${t.role}) at x ${Math.round(t.x0)}..${Math.round(t.x1)},` +
                  ` the SVG ${Math.round(box.left)}..${Math.round(box.right)}`);
    const overlaps = [];
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i], b = texts[j];
      // a pinned scenario's faint copy behind the same text; a label over its own halo
      const halo = Math.abs(a.x0 - b.x0) < 1 && Math.abs(a.y0 - b.y0) < 1;
      if ((a.opacity < 0.99 || b.opacity < 0.99 || halo) && a.text === b.text) continue;
      const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (w > 1 && h > 1) overlaps.push(`'${a.text}' (${a.role}) × '${b.text}' (${b.role})`);
    }
    const rules = [...svg.querySelectorAll('.mark-rule.role-mark > *')]
      .filter((r) => !r.closest('[class*="role-axis"], [class*="role-legend"]'))
      .filter((r) => /\\d/.test(r.getAttribute('stroke-dasharray') ?? ''))
      .map((r) => r.getBoundingClientRect()).filter((r) => r.width > 0 || r.height > 0);
    const tol = RULE_TOLERANCE;
    const crossed = [];
    for (const t of texts) {
      if (t.opacity < 0.99) continue;
      const hit = rules.find((r) =>
        Math.min(t.x1 - tol, r.right) - Math.max(t.x0 + tol, r.left) >= 0 &&
        Math.min(t.y1 - tol, r.bottom) - Math.max(t.y0 + tol, r.top) >= 0);
      if (hit) crossed.push(`'${t.text}' (${t.role}) at x ${Math.round(t.x0)}..` +
          `${Math.round(t.x1)}, y ${Math.round(t.y0)}..${Math.round(t.y1)}; a rule at x ` +
          `${Math.round(hit.left)}..${Math.round(hit.right)}, y ${Math.round(hit.top)}..` +
          `${Math.round(hit.bottom)}`);
    }
    charts.push({name, texts, outside, overlaps, crossed, svg: {x0: box.left, x1: box.right}});
  });
  return charts;
}"""


def chart_texts(page) -> list[dict]:
    """Every shown chart's texts (:data:`CHART_TEXTS_JS`)."""
    return page.evaluate(CHART_TEXTS_JS.replace("RULE_TOLERANCE", str(RULE_TOLERANCE_PX)))


def label_sizes(chart: dict) -> list[float]:
    """The type sizes of a chart's axis and legend labels and titles."""
    roles = ("role-axis-label", "role-axis-title", "role-legend-label", "role-legend-title")
    return [t["font"] for t in chart["texts"] if any(r in t["role"] for r in roles)]


# The tornado charts' gaps (px) between each bar and the assumption labels over it or beside
# it: the least vertical gap between a label line and a bar they share columns with.
TORNADO_GAPS_JS = """() => [...document.querySelectorAll('.explainer-chart-tornado')]
  .filter((el) => el.getClientRects().length).map((el) => {
    const bars = [...el.querySelectorAll('.layer_0_marks path')]
      .map((b) => b.getBoundingClientRect()).filter((r) => r.height > 0);
    const labels = [...el.querySelectorAll('.role-axis-label text')].flatMap((t) =>
      [...(t.querySelectorAll('tspan').length ? t.querySelectorAll('tspan') : [t])])
      .map((t) => t.getBoundingClientRect()).filter((r) => r.height > 0);
    let least = Infinity;
    for (const l of labels) for (const b of bars) {
      if (Math.min(l.right, b.right) - Math.max(l.left, b.left) <= 0) continue;
      least = Math.min(least, Math.max(b.top - l.bottom, l.top - b.bottom));
    }
    return {bars: bars.length, labels: labels.length, least};
  })"""


#: Between a tornado's bar and its label, at least (px).
TORNADO_GAP_PX = 3


def check_chart_text(page, label: str) -> None:
    """Every chart's text inside its SVG and the screen, no two texts of a chart over each
    other or on a rule line, and the tornado's bars clear of their labels (issue 15)."""
    problems = []
    for chart in chart_texts(page):
        problems += [f"{chart['name']}: outside: {text}" for text in chart["outside"]]
        problems += [f"{chart['name']}: overlap: {pair}" for pair in chart["overlaps"]]
        problems += [f"{chart['name']}: on a rule: {text}" for text in chart["crossed"]]
    for tornado in page.evaluate(TORNADO_GAPS_JS):
        if tornado["bars"] and tornado["least"] < TORNADO_GAP_PX:
            problems.append(f"tornado: a label {tornado['least']:.1f} px from a bar")
    assert not problems, f"{label}:\n  " + "\n  ".join(problems)

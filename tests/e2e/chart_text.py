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
# (by more than 1 px each way), ``outside`` the texts not inside their chart's SVG and the
# screen.
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
      const opacity = parseFloat(t.getAttribute('fill-opacity') ?? t.getAttribute('opacity') ?? 1);
      if (r.width < 1 || r.height < 1 || !t.textContent.trim() || opacity === 0 ||
          cs.visibility === 'hidden') return;
      const group = t.closest('[class*="role-"]');
      const role = group ? group.getAttribute('class').split(' ')
          .filter((c) => c.startsWith('role-') || c.startsWith('layer_') || c === 'mark-text')
          .join(' ') : '';
      texts.push({text: t.textContent, role, font: parseFloat(cs.fontSize),
                  x0: r.left, y0: r.top, x1: r.right, y1: r.bottom});
    });
    const outside = texts.filter((t) => t.x0 < box.left - 0.5 || t.x1 > box.right + 0.5 ||
        t.y0 < box.top - 0.5 || t.y1 > box.bottom + 0.5 || t.x0 < -0.5 || t.x1 > W + 0.5)
      .map((t) => `'${t.text}' (${t.role}) at x ${Math.round(t.x0)}..${Math.round(t.x1)},` +
                  ` the SVG ${Math.round(box.left)}..${Math.round(box.right)}`);
    const overlaps = [];
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i], b = texts[j];
      const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (w > 1 && h > 1) overlaps.push(`'${a.text}' (${a.role}) × '${b.text}' (${b.role})`);
    }
    charts.push({name, texts, outside, overlaps, svg: {x0: box.left, x1: box.right}});
  });
  return charts;
}"""


def chart_texts(page) -> list[dict]:
    """Every shown chart's texts (:data:`CHART_TEXTS_JS`)."""
    return page.evaluate(CHART_TEXTS_JS)


def label_sizes(chart: dict) -> list[float]:
    """The type sizes of a chart's axis and legend labels and titles."""
    roles = ("role-axis-label", "role-axis-title", "role-legend-label", "role-legend-title")
    return [t["font"] for t in chart["texts"] if any(r in t["role"] for r in roles)]

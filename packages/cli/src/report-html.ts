import type { CandleColumns } from '@omega-ta/arrow-schemas';

/** One line of the report: its values per row (NaN: no point) and the chart pane it is drawn in. */
export interface ReportLine {
  readonly name: string;
  readonly values: Float64Array;
  /** 0: over the candles (price-scaled indicators); 1, 2, ...: a pane of its own below. */
  readonly pane: number;
}

/** What {@link renderReportHtml} draws. */
export interface ReportInput {
  readonly title: string;
  /** Bar open time, epoch milliseconds UTC, strictly increasing. */
  readonly timestamp: Float64Array;
  readonly candles: CandleColumns;
  readonly lines: readonly ReportLine[];
  /** The lightweight-charts standalone build, inlined so the page needs no network. */
  readonly chartLibrary: string;
}

const COLORS = ['#2962ff', '#ff6d00', '#00897b', '#d81b60', '#6d4c41', '#8e24aa', '#c0ca33', '#546e7a'];

const toJsonArray = (values: Float64Array): (number | null)[] => Array.from(values, (v) => (Number.isFinite(v) ? v : null));

/** Text safe inside a <script> element (no `</script>`, no `<!--`). */
const scriptSafe = (text: string): string => text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * A self-contained HTML page: candles and the indicator lines in lightweight-charts (inlined, no
 * network). When drawn, the page sets `window.omegaTaReport = { candles, series: [{ name, pane,
 * points }] }` (points: rows with a value) for tests and tools.
 */
export function renderReportHtml(input: ReportInput): string {
  const data = {
    time: Array.from(input.timestamp, (t) => t / 1000),
    open: toJsonArray(input.candles.open),
    high: toJsonArray(input.candles.high),
    low: toJsonArray(input.candles.low),
    close: toJsonArray(input.candles.close),
    lines: input.lines.map((line, i) => ({ name: line.name, pane: line.pane, color: COLORS[i % COLORS.length], values: toJsonArray(line.values) })),
  };
  const legend = input.lines.map((line, i) => `<li><span style="background:${COLORS[i % COLORS.length]}"></span>${escapeHtml(line.name)}</li>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>
  html, body { margin: 0; height: 100%; font: 14px system-ui, sans-serif; background: #fff; color: #222; }
  header { padding: 8px 12px; display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; }
  h1 { font-size: 16px; margin: 0; }
  ul { list-style: none; display: flex; gap: 12px; margin: 0; padding: 0; }
  li span { display: inline-block; width: 10px; height: 10px; margin-right: 4px; border-radius: 2px; }
  #chart { position: absolute; top: 40px; bottom: 0; left: 0; right: 0; }
</style>
</head>
<body>
<header><h1>${escapeHtml(input.title)}</h1><ul>${legend}</ul></header>
<div id="chart"></div>
<script>${scriptSafe(input.chartLibrary)}</script>
<script type="application/json" id="omega-ta-data">${scriptSafe(JSON.stringify(data))}</script>
<script>
(function () {
  var data = JSON.parse(document.getElementById('omega-ta-data').textContent);
  var LC = window.LightweightCharts;
  var chart = LC.createChart(document.getElementById('chart'), { autoSize: true, layout: { attributionLogo: false } });
  var candles = chart.addSeries(LC.CandlestickSeries, {});
  candles.setData(data.time.map(function (t, i) {
    var o = data.open[i], h = data.high[i], l = data.low[i], c = data.close[i];
    return o === null || h === null || l === null || c === null ? { time: t } : { time: t, open: o, high: h, low: l, close: c };
  }));
  var series = data.lines.map(function (line) {
    var s = chart.addSeries(LC.LineSeries, { color: line.color, lineWidth: 1, title: line.name, priceLineVisible: false }, line.pane);
    s.setData(data.time.map(function (t, i) { var v = line.values[i]; return v === null ? { time: t } : { time: t, value: v }; }));
    return { name: line.name, pane: line.pane, points: line.values.filter(function (v) { return v !== null; }).length };
  });
  chart.timeScale().fitContent();
  window.omegaTaReport = { candles: data.time.length, series: series };
})();
</script>
</body>
</html>
`;
}

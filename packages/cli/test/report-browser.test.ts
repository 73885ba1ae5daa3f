// Opens a generated report in headless Chromium (playwright-core) and checks what it draws: the
// series it exposes (candle count, the points of each line, counted against the reference's
// non-NaN rows) and the canvas pixels (candle and line colours present, not a blank page), with
// no network request and no page error.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadDataset, loadIndicatorCases } from '@omega-ta/golden';
import tsKernel from '@omega-ta/kernels-ts';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartLibrarySource } from '../src/chart-library.js';
import { computeIndicator } from '../src/compute.js';
import { parseIndicatorList } from '../src/indicator-list.js';
import { renderReportHtml } from '../src/report-html.js';
import { chromiumPath } from './chromium.js';

/** Non-NaN rows of a reference series computed by the original (pandas) implementation. */
function referencePoints(id: string): number {
  const found = loadIndicatorCases('ttrc-3000').cases.find((c) => c.id === id);
  if (found === undefined || found.rows !== 'all' || !Array.isArray(found.values)) throw new Error(`reference case ${id} missing`);
  return found.values.filter((v) => v !== null).length;
}

describe('report in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
    dir = mkdtempSync(join(tmpdir(), 'omega-ta-report-'));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws the candles, an overlay and a pane series from the inlined library', async () => {
    const sample = loadDataset('ttrc-3000');
    const candles = sample.timeframes.D1?.bid;
    if (candles === undefined) throw new Error('ttrc-3000 has no D1 bid');
    const lines = parseIndicatorList('ema:14,rsi:14').flatMap((request, i) =>
      Object.entries(computeIndicator(candles, request, tsKernel)).map(([name, values]) => ({ name, values, pane: i })),
    );
    const file = join(dir, 'report.html');
    writeFileSync(file, renderReportHtml({ title: 'ttrc-3000', timestamp: sample.timestamp, candles, lines, chartLibrary: chartLibrarySource() }));

    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => 'omegaTaReport' in window);
    // lightweight-charts paints on animation frames; let a few pass.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 200)))));

    const report = await page.evaluate(() => (window as unknown as { omegaTaReport: unknown }).omegaTaReport);
    expect(report).toEqual({
      candles: 3000,
      series: [
        { name: 'ema_14', pane: 0, points: referencePoints('ema|D1|bid|period=14') },
        { name: 'rsi_14', pane: 1, points: referencePoints('rsi|D1|bid|') },
      ],
    });

    // Count pixels of the candle colours (lightweight-charts' defaults) and of each line colour.
    const pixels = await page.evaluate(() => {
      const near = (d: Uint8ClampedArray, i: number, rgb: readonly number[]) =>
        Math.abs((d[i] ?? 0) - (rgb[0] ?? 0)) < 12 && Math.abs((d[i + 1] ?? 0) - (rgb[1] ?? 0)) < 12 && Math.abs((d[i + 2] ?? 0) - (rgb[2] ?? 0)) < 12 && (d[i + 3] ?? 0) > 200;
      const colours = { up: [38, 166, 154], down: [239, 83, 80], ema: [41, 98, 255], rsi: [255, 109, 0] } as const;
      const counts: Record<string, number> = { up: 0, down: 0, ema: 0, rsi: 0, painted: 0, total: 0 };
      for (const canvas of Array.from(document.querySelectorAll('canvas'))) {
        const ctx = canvas.getContext('2d');
        if (ctx === null || canvas.width === 0 || canvas.height === 0) continue;
        const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 0; i < d.length; i += 4) {
          counts.total = (counts.total ?? 0) + 1;
          if ((d[i + 3] ?? 0) > 0 && !((d[i] ?? 0) > 250 && (d[i + 1] ?? 0) > 250 && (d[i + 2] ?? 0) > 250)) counts.painted = (counts.painted ?? 0) + 1;
          for (const [name, rgb] of Object.entries(colours)) if (near(d, i, rgb)) counts[name] = (counts[name] ?? 0) + 1;
        }
      }
      return counts;
    });
    expect(pixels.up).toBeGreaterThan(500);
    expect(pixels.down).toBeGreaterThan(500);
    expect(pixels.ema).toBeGreaterThan(200);
    expect(pixels.rsi).toBeGreaterThan(200);
    expect((pixels.painted ?? 0) / (pixels.total ?? 1)).toBeGreaterThan(0.01);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    await page.close();
  });
});

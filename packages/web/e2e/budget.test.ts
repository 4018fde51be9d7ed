import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRST_ROUTE_BUDGET_BYTES, routeWeights } from './bundle.ts';
import { WEB_ROOT } from './harness.ts';

describe('the built web app', () => {
  it('is built (npm test builds it first: npm run build)', () => {
    expect(existsSync(join(WEB_ROOT, '.vite/manifest.json')), `${WEB_ROOT} has no build`).toBe(true);
  });

  it('loads at most 400 kB of gzipped JavaScript before any page shows; charts and the document renderer come later', () => {
    const weights = routeWeights(WEB_ROOT).pages;
    expect(weights.length).toBeGreaterThanOrEqual(9);
    for (const w of weights) {
      expect(w.gzipBytes, `${w.page}: ${w.files.join(', ')}`).toBeLessThanOrEqual(FIRST_ROUTE_BUDGET_BYTES);
      // ECharts is only ever loaded lazily, by the charts themselves
      expect(
        w.files.some((f) => /echarts|charts/i.test(f)),
        w.page,
      ).toBe(false);
    }
  });
});

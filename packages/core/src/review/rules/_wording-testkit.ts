/**
 * Test helpers for the wording rules (REL, APPR, FMT): literal indicator rows and patches over the
 * base project of `testing.ts`. Patches replace whole arrays, so these build the full lists.
 */
import type { Operator } from '../../model/schema.ts';
import { BASE_PROJECT_JSON } from '../testing.ts';
import type { Finding } from '../types.ts';

type IndicatorJson = Record<string, string>;

/** A quantitative row: `quant('产出指标', '数量指标', '开展培训', '≥', '1.00', '次')`. */
export function quant(
  level1: string,
  level2: string,
  name: string,
  operator: Operator,
  value: string,
  unit: string,
): IndicatorJson {
  return { level1, level2, name, kind: 'quantitative', operator, value, unit };
}

/** A qualitative row: `qual('效益指标', '经济效益指标', '降本增效', '降本增效')`. */
export function qual(level1: string, level2: string, name: string, text: string): IndicatorJson {
  return { level1, level2, name, kind: 'qualitative', text };
}

/** The base project's indicators followed by `extra` (a project patch). */
export function plusIndicators(...extra: IndicatorJson[]): { form: { indicators: unknown[] } } {
  return { form: { indicators: [...BASE_PROJECT_JSON.form.indicators, ...extra] } };
}

/** The base project's indicators with row `i` replaced (a project patch). */
export function replacingIndicator(i: number, row: IndicatorJson): { form: { indicators: unknown[] } } {
  const indicators: unknown[] = [...BASE_PROJECT_JSON.form.indicators];
  indicators[i] = row;
  return { form: { indicators } };
}

/** The base project's 说明 with section texts replaced by index (a project patch). */
export function replacingSections(texts: Record<number, string>): { explanation: { sections: unknown[] } } {
  const sections = BASE_PROJECT_JSON.explanation.sections.map((s, i) => ({ ...s, text: texts[i] ?? s.text }));
  return { explanation: { sections } };
}

/** Findings counted by project (`P01`…, `-` for disclosure-wide paths). */
export function countByProject(findings: readonly Finding[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) {
    const m = /^projects\[(\d+)\]/.exec(f.path);
    const key = m ? `P${String(Number(m[1]) + 1).padStart(2, '0')}` : '-';
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

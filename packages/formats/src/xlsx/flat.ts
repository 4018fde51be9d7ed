/**
 * The flat sheet's rows for a disclosure: one per indicator with its project's fields, and one
 * row with blank indicator cells for a project without indicators (so every project is there).
 * Shared by the writer and by the reader's check that the flat sheet still agrees with the forms.
 */
import { type Disclosure, printedValue } from '@jixiao/core';
import { decimalCell, MONEY_FMT, moneyValue } from './cells.ts';
import { FLAT_COLUMNS, type FlatKey, KIND_LABEL } from './layout.ts';

/** A cell to write: its value and, for numbers, the format that shows it as the model has it. */
export interface FlatCell {
  value: string | number | null;
  numFmt?: string;
}

export type FlatRow = Record<FlatKey, FlatCell>;

/** The flat rows of `d`, in project then indicator order, each with its project's index. */
export function flatRows(d: Disclosure): { project: number; cells: FlatRow }[] {
  const rows: { project: number; cells: FlatRow }[] = [];
  for (const [index, p] of d.projects.entries()) {
    const f = p.form;
    const project: Partial<FlatRow> = {
      name: { value: f.name },
      unit: { value: f.implementingUnit },
      department: { value: f.competentDepartment },
      year: { value: f.year, numFmt: '0' },
      nature: { value: f.nature },
      category: { value: f.category },
      // dates as text: exactly the ISO date, with no time zone for Excel to shift
      startDate: { value: f.startDate },
      endDate: { value: f.endDate },
      overallGoal: { value: f.overallGoal },
      annualGoal: { value: f.annualGoal },
    };
    for (const c of FLAT_COLUMNS) {
      if (c.fund) project[c.key] = { value: moneyValue(f.funds[c.fund]), numFmt: MONEY_FMT };
    }
    const blank = { value: null };
    const indicatorRows =
      f.indicators.length === 0
        ? [
            {
              level1: blank,
              level2: blank,
              level3: blank,
              printed: blank,
              kind: blank,
              operator: blank,
              number: blank,
              measure: blank,
            },
          ]
        : f.indicators.map((i) => ({
            level1: { value: i.level1 },
            level2: { value: i.level2 },
            level3: { value: i.name },
            printed: { value: printedValue(i) },
            kind: { value: KIND_LABEL[i.kind] },
            operator: i.kind === 'quantitative' ? { value: i.operator } : blank,
            number: i.kind === 'quantitative' ? decimalCell(i.value) : blank,
            measure: i.kind === 'quantitative' ? { value: i.unit } : blank,
          }));
    for (const ind of indicatorRows)
      rows.push({ project: index, cells: { ...(project as FlatRow), ...ind } });
  }
  return rows;
}

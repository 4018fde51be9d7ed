/**
 * One flat row's indicator: 一级/二级/三级 and the value, given either printed (`≥4.00(次)`, `完成`)
 * or as 符号 / 数值 / 单位 columns, with 指标类型 (定量/定性) to settle what looks ambiguous.
 */
import {
  type Indicator,
  LEVEL1_NAMES,
  LEVEL2_NAMES,
  normalizeOperator,
  parseQuantity,
  printQuantity,
  type Quantity,
} from '@jixiao/core';
import { type Content, contentText, decimalOfContent } from './cells.ts';
import { type Diagnostics, XLSX_CODES } from './diag.ts';
import { type FlatKey, KIND_LABEL } from './layout.ts';

type At = (k: FlatKey) => { c: Content; where: string } | null;

const blank = (c: Content | undefined) => c === undefined || c.type === 'blank';

/** The indicator of a row, or null when the row has no indicator cells (a project-only row). */
export function readFlatIndicator(at: At, path: string, diags: Diagnostics): Indicator | null {
  const get = (k: FlatKey) => at(k) ?? undefined;
  const keys: FlatKey[] = ['level1', 'level2', 'level3', 'printed', 'kind', 'operator', 'number', 'measure'];
  if (keys.every((k) => blank(get(k)?.c))) return null;

  const text = (k: FlatKey) => {
    const x = get(k);
    return x ? contentText(x.c) : '';
  };
  const where = (k: FlatKey) => get(k)?.where ?? '';
  const required = (k: FlatKey, label: string, field: string) => {
    if (text(k).trim() === '')
      diags.error(XLSX_CODES.REQUIRED, `${where(k)}：${label}为空`, `${path}.${field}`);
  };
  required('level1', '一级指标', 'level1');
  required('level2', '二级指标', 'level2');
  required('level3', '三级指标', 'name');
  const level1 = text('level1');
  const level2 = text('level2');
  if (level1.trim() !== '' && !LEVEL1_NAMES.includes(level1.trim())) {
    diags.error(
      XLSX_CODES.LEVEL1_UNKNOWN,
      `${where('level1')}：一级指标「${level1}」不是${LEVEL1_NAMES.join('、')}之一`,
      `${path}.level1`,
    );
  }
  if (level2.trim() !== '' && !LEVEL2_NAMES.includes(level2.trim())) {
    diags.warn(
      XLSX_CODES.LEVEL2_UNKNOWN,
      `${where('level2')}：二级指标「${level2}」不在常用二级指标中`,
      `${path}.level2`,
    );
  }
  const base = { level1, level2, name: text('level3') };
  const value = readValue(get, text, where, `${path}`, diags);
  return { ...base, ...value };
}

type Value =
  | { kind: 'quantitative'; operator: Quantity['operator']; value: string; unit: string }
  | { kind: 'qualitative'; text: string };

function readValue(
  get: (k: FlatKey) => { c: Content; where: string } | undefined,
  text: (k: FlatKey) => string,
  where: (k: FlatKey) => string,
  path: string,
  diags: Diagnostics,
): Value {
  const printed = text('printed');
  const kindText = text('kind').trim();
  if (kindText !== '' && kindText !== KIND_LABEL.quantitative && kindText !== KIND_LABEL.qualitative) {
    diags.error(
      XLSX_CODES.KIND_INVALID,
      `${where('kind')}：指标类型应为「定量」或「定性」，实际为「${kindText}」`,
      `${path}.kind`,
    );
  }
  const valueMissing = (k: FlatKey) =>
    diags.error(XLSX_CODES.REQUIRED, `${where(k) || where('number')}：指标值为空`, `${path}.value`);

  if (kindText === KIND_LABEL.qualitative) {
    if (printed.trim() === '') valueMissing('printed');
    return { kind: 'qualitative', text: printed };
  }

  const hasParts = !blank(get('operator')?.c) || !blank(get('number')?.c);
  if (hasParts) {
    const q = readParts(get, text, where, path, diags);
    if (q) {
      const p = printed.trim() === '' ? null : parseQuantity(printed);
      if (printed.trim() !== '' && printed !== printQuantity(q) && !(p && sameQuantity(p, q))) {
        diags.error(
          XLSX_CODES.VALUE_MISMATCH,
          `${where('printed')}：指标值「${printed}」与符号、数值、单位「${printQuantity(q)}」不一致，按符号、数值、单位读取`,
          `${path}.value`,
        );
      }
      return { kind: 'quantitative', ...q };
    }
  }
  if (printed.trim() === '') {
    if (!hasParts) valueMissing('printed');
    return { kind: 'qualitative', text: '' };
  }
  const q = parseQuantity(printed);
  if (q) return { kind: 'quantitative', ...q };
  if (kindText === KIND_LABEL.quantitative) {
    diags.error(
      XLSX_CODES.VALUE_INVALID,
      `${where('printed')}：指标类型为定量，但指标值「${printed}」不是「符号数值(单位)」的形式（如 ≥4.00(次)），按定性读取`,
      `${path}.value`,
    );
  }
  return { kind: 'qualitative', text: printed };
}

/** 符号 + 数值 (+ 单位); null (with diagnostics) when either is missing or wrong. */
function readParts(
  get: (k: FlatKey) => { c: Content; where: string } | undefined,
  text: (k: FlatKey) => string,
  where: (k: FlatKey) => string,
  path: string,
  diags: Diagnostics,
): Quantity | null {
  const opText = text('operator').trim();
  const operator = normalizeOperator(opText);
  if (operator === undefined) {
    diags.error(
      opText === '' ? XLSX_CODES.REQUIRED : XLSX_CODES.OPERATOR_INVALID,
      opText === ''
        ? `${where('operator') || where('number')}：填了数值但符号为空（应为 ≥、≤、=、>、< 之一）`
        : `${where('operator')}：符号「${opText}」应为 ≥、≤、=、>、< 之一`,
      `${path}.operator`,
    );
  }
  const numberCell = get('number')?.c;
  const value = numberCell ? decimalOfContent(numberCell) : null;
  if (value === undefined || value === null) {
    diags.error(
      value === null ? XLSX_CODES.REQUIRED : XLSX_CODES.NUMBER_INVALID,
      value === null
        ? `${where('number') || where('operator')}：填了符号但数值为空`
        : `${where('number')}：数值应为数字（如 4.00、85），实际为「${text('number')}」`,
      `${path}.value`,
    );
  }
  if (operator === undefined || value === undefined || value === null) return null;
  return { operator, value, unit: text('measure') };
}

function sameQuantity(a: Quantity, b: Quantity): boolean {
  return a.operator === b.operator && a.value === b.value && a.unit === b.unit;
}

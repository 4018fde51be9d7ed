/**
 * The disclosure model (`jixiao.disclosure/1`) as zod schemas. They accept and reject exactly what
 * `spec/disclosure.schema.json` does (checked against the JSON Schema in `schema.test.ts`).
 *
 * Money is a codec: a canonical yuan string (`"5850000.00"`) on the wire, an integer count of fen
 * inside. `Disclosure.parse(json)` (or `decodeDisclosure`) gives the model with fen;
 * `encodeDisclosure(model)` gives the canonical JSON back.
 */
import { z } from 'zod';
import { type Fen, fenToYuan, yuanToFen } from './money.ts';

export const FORMAT = 'jixiao.disclosure/1' as const;

/**
 * `^-?[0-9]+\.[0-9]{2}$` on the wire ⇄ integer fen in the model.
 *
 * The one place where this is stricter than the JSON Schema: fen are a `number`, so an amount of
 * 2^53 fen (90,071,992,547,409.92 元) or more is refused here although the pattern accepts it
 * (`schema.test.ts` pins the limit).
 */
export const Yuan = z.codec(z.string().regex(/^-?[0-9]+\.[0-9]{2}$/), z.int(), {
  decode: (s, ctx) => {
    const fen = yuanToFen(s);
    if (fen === null) {
      ctx.issues.push({ code: 'custom', message: '金额超出可精确表示的范围', input: s });
      return z.NEVER;
    }
    return fen;
  },
  encode: (fen: Fen) => fenToYuan(fen),
});

/**
 * JSON Schema `"type": "integer"`: any finite number with no fractional part. Not `z.int()`, which
 * also caps at ±(2^53 − 1) where the JSON Schema has no bound.
 */
const Integer = z.number().refine(Number.isInteger, { message: '应为整数' });

export const Decimal = z.string().regex(/^-?[0-9]+(\.[0-9]+)?$/);
const NullableYuan = Yuan.nullable();

export const Summary = z.strictObject({
  budgetUnitCount: Integer.min(0),
  projectCount: Integer.min(0),
  totalWan: Decimal,
  largeProjectCount: Integer.min(0).nullable(),
  largeThresholdWan: Decimal.nullable(),
});

export const Section = z.strictObject({
  number: z.string(),
  title: z.string(),
  text: z.string(),
});

export const Explanation = z.strictObject({
  sections: z.array(Section),
  budgetYuan: NullableYuan,
});

export const Funds = z.strictObject({
  total: NullableYuan,
  fiscal: NullableYuan,
  other: NullableYuan,
  annualTotal: NullableYuan,
  currentYearAppropriation: NullableYuan,
  priorYearCarryover: NullableYuan,
  annualOther: NullableYuan,
});

export const OPERATORS = ['≥', '≤', '=', '>', '<'] as const;
export const Operator = z.enum(OPERATORS);

const indicatorBase = { level1: z.string(), level2: z.string(), name: z.string() };

export const QuantitativeIndicator = z.strictObject({
  ...indicatorBase,
  kind: z.literal('quantitative'),
  operator: Operator,
  value: Decimal,
  unit: z.string(),
});

export const QualitativeIndicator = z.strictObject({
  ...indicatorBase,
  kind: z.literal('qualitative'),
  text: z.string(),
});

export const Indicator = z.discriminatedUnion('kind', [QuantitativeIndicator, QualitativeIndicator]);

export const Form = z.strictObject({
  title: z.string(),
  year: Integer,
  name: z.string(),
  nature: z.string(),
  category: z.string(),
  competentDepartment: z.string(),
  implementingUnit: z.string(),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  funds: Funds,
  overallGoal: z.string(),
  annualGoal: z.string(),
  indicators: z.array(Indicator),
});

export const Project = z.strictObject({
  explanation: Explanation.nullable(),
  form: Form,
});

export const Disclosure = z.strictObject({
  format: z.literal(FORMAT),
  year: z.int().min(2000).max(2100),
  department: z.string().min(1),
  summary: Summary.nullable(),
  projects: z.array(Project),
});

export type Disclosure = z.output<typeof Disclosure>;
export type DisclosureJson = z.input<typeof Disclosure>;
export type Project = z.output<typeof Project>;
export type Form = z.output<typeof Form>;
export type Funds = z.output<typeof Funds>;
export type Explanation = z.output<typeof Explanation>;
export type Section = z.output<typeof Section>;
export type Summary = z.output<typeof Summary>;
export type Indicator = z.output<typeof Indicator>;
export type QuantitativeIndicator = z.output<typeof QuantitativeIndicator>;
export type QualitativeIndicator = z.output<typeof QualitativeIndicator>;
export type Operator = z.output<typeof Operator>;
export type FundField = keyof Funds;

/** The money fields of a form's `funds`, in form order: `total`, `fiscal`, … `annualOther`. */
export const FUND_FIELDS: readonly FundField[] = Funds.keyof().options;

/** Validates canonical JSON and returns the model (money in fen). Throws a `ZodError` when invalid. */
export function decodeDisclosure(json: unknown): Disclosure {
  return Disclosure.parse(json);
}

/** Validates canonical JSON without throwing. */
export function safeDecodeDisclosure(json: unknown) {
  return Disclosure.safeParse(json);
}

/** The model back to canonical JSON (money as yuan strings). */
export function encodeDisclosure(model: Disclosure): DisclosureJson {
  return z.encode(Disclosure, model);
}

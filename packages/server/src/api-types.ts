/**
 * The API's request and response types, for the web app (which imports this file's types only:
 * `import type`). They are inferred from the same zod schemas the routes validate with and the
 * OpenAPI document is generated from, so a change to a schema is a type error in the web app.
 */
import type { z } from '@hono/zod-openapi';
import type { ErrorBody, ErrorCode } from './errors.ts';
import type { IndicatorSuggestion as IndicatorSuggestionSchema } from './routes/suggestions.ts';
import type { BudgetYear as BudgetYearSchema } from './routes/years.ts';
import type * as S from './schemas.ts';

export type { ErrorCode };
export type Me = z.output<typeof S.Me>;
export type User = z.output<typeof S.User>;
export type Role = z.output<typeof S.Role>;
export type Status = z.output<typeof S.Status>;
export type Grade = z.output<typeof S.Grade>;
export type Organization = z.output<typeof S.Organization>;
export type Finding = z.output<typeof S.Finding>;
export type ProjectListItem = z.output<typeof S.ProjectListItem>;
export type ProjectList = z.output<typeof S.ProjectList>;
export type ProjectDetail = z.output<typeof S.ProjectDetail>;
/** A project as JSON (money as yuan strings): what the detail sends and a save takes. */
export type ProjectJson = z.output<typeof S.ProjectJson>;
export type DisclosureJson = z.output<typeof S.DisclosureJson>;
export type Saved = z.output<typeof S.Saved>;
export type Revision = z.output<typeof S.Revision>;
export type Diff = z.output<typeof S.Diff>;
export type Comment = z.output<typeof S.Comment>;
export type Transition = z.output<typeof S.Transition>;
export type DepartmentSummary = z.output<typeof S.Summary>;
export type PublicationInfo = z.output<typeof S.PublicationInfo>;
export type Publication = z.output<typeof S.Publication>;
export type IndicatorSuggestion = z.output<typeof IndicatorSuggestionSchema>;
export type BudgetYear = z.output<typeof BudgetYearSchema>;

/** Every error body: `{ error: { code, message, fields?, details? } }`. */
export type ApiErrorBody = z.output<typeof ErrorBody>;

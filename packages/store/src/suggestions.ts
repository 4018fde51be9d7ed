/**
 * Indicator suggestions for the editor: typing an indicator name suggests the names, units and
 * typical targets already used — mined from the stored indicators of the *current* revision of each
 * project in a scope, grouped by name, most used first. One SQL statement on PGlite and PostgreSQL.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './db.ts';

export interface SuggestionQuery {
  /** part of the indicator name, case-insensitive (`%`, `_` match themselves); blank: every name */
  q: string;
  /** prefer names used under this 一级 (and 二级): they come first */
  level1?: string | undefined;
  level2?: string | undefined;
  /** the scope: only projects of this region / department / unit (each given one applies) */
  regionId?: number | undefined;
  departmentId?: number | undefined;
  unitId?: number | undefined;
  /** also the published projects of this region (public anyway), outside the scope above */
  alsoPublishedIn?: number | undefined;
  /** how many names; default 10, at most 50 */
  limit?: number | undefined;
}

/** A typical target of a name: how it was set, and how many times. */
export type SuggestedTarget =
  | { kind: 'quantitative'; operator: string; value: string; unit: string; count: number }
  | { kind: 'qualitative'; text: string; count: number };

export interface IndicatorSuggestion {
  name: string;
  /** the 一级 / 二级 it is most often under */
  level1: string;
  level2: string;
  /** projects (current revisions) using the name */
  projectCount: number;
  /** rows with the name (a project may use it twice) */
  useCount: number;
  /** whether it is used under the asked 一级/二级 (true when none was asked) */
  sameLevel: boolean;
  /** its most common unit (quantitative rows), '' when none */
  unit: string;
  /** its most frequent targets, most frequent first (at most 3) */
  targets: SuggestedTarget[];
}

export const MAX_SUGGESTIONS = 50;
const TARGETS_PER_NAME = 3;

/** `%`, `_` and `\` match themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

interface Row {
  name: string;
  level1: string;
  level2: string;
  project_count: number;
  use_count: number;
  same_level: boolean;
  unit: string | null;
  kind: string | null;
  operator: string | null;
  value: string | null;
  t_unit: string | null;
  text: string | null;
  n: number | null;
}

/**
 * The indicator names matching `q` in the scope, with their usual levels, unit and targets: names
 * used under the asked levels first, then by the number of projects using them, then by name.
 * With no scope field given, every project counts (callers always give one).
 */
export async function suggestIndicators(db: Db, query: SuggestionQuery): Promise<IndicatorSuggestion[]> {
  const limit = Math.min(Math.max(1, Math.trunc(query.limit ?? 10)), MAX_SUGGESTIONS);
  const scope: SQL[] = [];
  if (query.regionId !== undefined) scope.push(sql`p.region_id = ${query.regionId}::int`);
  if (query.departmentId !== undefined) scope.push(sql`p.department_id = ${query.departmentId}::int`);
  if (query.unitId !== undefined) scope.push(sql`p.unit_id = ${query.unitId}::int`);
  let where = scope.length > 0 ? sql`(${sql.join(scope, sql` and `)})` : sql`true`;
  if (query.alsoPublishedIn !== undefined) {
    where = sql`(${where} or (p.status = 'published' and p.region_id = ${query.alsoPublishedIn}::int))`;
  }
  const q = query.q.trim();
  const nameMatch = q === '' ? sql`true` : sql`i.name ilike ${likePattern(q)}::text`;
  const level1 = query.level1?.trim() || null;
  const level2 = query.level2?.trim() || null;
  const levelMatch = sql`(${level1}::text is null or i.level1 = ${level1}::text)
    and (${level2}::text is null or i.level2 = ${level2}::text)`;

  // cur: the matching indicators of current revisions; names: one row per name, ranked; targets:
  // each name's distinct targets by frequency. Ties are broken in code-point order ("C"), so every
  // server (whatever its locale) answers the same.
  const statement = sql`
    with cur as (
      select i.name, i.level1, i.level2, i.kind, i.operator, i.value, i.unit, i.text, p.id as project_id,
        (${levelMatch}) as same_level
      from projects p
      join revisions r on r.project_id = p.id and r.number = p.current_revision
      join revision_indicators i on i.revision_id = r.id
      where ${where} and btrim(i.name) <> '' and ${nameMatch}
    ),
    names as (
      select name,
        mode() within group (order by level1 collate "C") as level1,
        mode() within group (order by level2 collate "C") as level2,
        count(distinct project_id)::int as project_count,
        count(*)::int as use_count,
        bool_or(same_level) as same_level,
        mode() within group (order by unit collate "C")
          filter (where kind = 'quantitative' and unit <> '') as unit,
        row_number() over (
          order by bool_or(same_level) desc, count(distinct project_id) desc, count(*) desc, name collate "C"
        ) as rank
      from cur group by name
      order by rank limit ${limit}::int
    ),
    targets as (
      select c.name, c.kind, c.operator, c.value, c.unit, c.text, count(*)::int as n,
        row_number() over (
          partition by c.name
          order by count(*) desc, c.kind collate "C", c.operator collate "C", c.value collate "C",
            c.unit collate "C", c.text collate "C"
        ) as t_rank
      from cur c where c.name in (select name from names)
      group by c.name, c.kind, c.operator, c.value, c.unit, c.text
    )
    select n.name, n.level1, n.level2, n.project_count, n.use_count, n.same_level, n.unit,
      t.kind, t.operator, t.value, t.unit as t_unit, t.text, t.n
    from names n left join targets t on t.name = n.name and t.t_rank <= ${TARGETS_PER_NAME}::int
    order by n.rank, t.t_rank`;
  const { rows } = (await db.execute(statement)) as unknown as { rows: Row[] };

  const out: IndicatorSuggestion[] = [];
  for (const r of rows) {
    let s = out[out.length - 1];
    if (s?.name !== r.name) {
      s = {
        name: r.name,
        level1: r.level1,
        level2: r.level2,
        projectCount: Number(r.project_count),
        useCount: Number(r.use_count),
        sameLevel: Boolean(r.same_level),
        unit: r.unit ?? '',
        targets: [],
      };
      out.push(s);
    }
    if (r.kind === 'quantitative' && r.operator !== null && r.value !== null) {
      s.targets.push({
        kind: 'quantitative',
        operator: r.operator,
        value: r.value,
        unit: r.t_unit ?? '',
        count: Number(r.n),
      });
    } else if (r.kind === 'qualitative' && r.text !== null) {
      s.targets.push({ kind: 'qualitative', text: r.text, count: Number(r.n) });
    }
  }
  return out;
}

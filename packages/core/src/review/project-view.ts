/**
 * Per-project facts that several rules derive from the same fields — section kinds, the 年度预算安排
 * and 实施方案 sections, money amounts in the 说明, indicator names without punctuation — computed at
 * most once per project and review instead of once per rule (the review runs on thousands of
 * projects a second).
 *
 * The memo lives only while the engine reviews that project: `enterProject` opens it, the next
 * project (or the end of the review) drops it. Outside a review `viewOf` gives a fresh view on every
 * call, so nothing derived from an object outlives a change to it.
 */
import type { Project, Section } from '../model/schema.ts';
import {
  type BudgetCost,
  budgetCost,
  budgetSectionIndex,
  outputLevel2s,
  planSectionIndex,
  type TextAmount,
  textAmounts,
} from './rules/_funds-util.ts';
import { plain, type SectionKind, sectionKind } from './rules/_wording-util.ts';

const NO_SECTIONS: readonly Section[] = [];

export class ProjectView {
  readonly project: Project;
  /** the 说明 sections, `[]` when the project has no 说明 */
  readonly sections: readonly Section[];
  private kinds: (SectionKind | null)[] | null = null;
  private budget = -2;
  private plan = -2;
  private cost: BudgetCost | null | undefined;
  private level2s: string[] | null = null;
  private amounts: (TextAmount[] | undefined)[] | null = null;
  private plainNames: (string | undefined)[] | null = null;
  private plainTexts: (string | undefined)[] | null = null;

  constructor(project: Project) {
    this.project = project;
    this.sections = project.explanation?.sections ?? NO_SECTIONS;
  }

  /** The kind of section `i` by its title (`sectionKind`), or `null`. */
  kindOf(i: number): SectionKind | null {
    if (this.kinds === null) {
      const kinds: (SectionKind | null)[] = [];
      for (const s of this.sections) kinds.push(sectionKind(s));
      this.kinds = kinds;
    }
    return this.kinds[i] ?? null;
  }

  /** Index of the 年度预算安排 section, or -1 (`budgetSectionIndex`). */
  get budgetSection(): number {
    if (this.budget === -2) this.budget = budgetSectionIndex(this.project);
    return this.budget;
  }

  /** Index of the 实施方案 section, or -1 (`planSectionIndex`). */
  get planSection(): number {
    if (this.plan === -2) this.plan = planSectionIndex(this.project);
    return this.plan;
  }

  /** The budget cost the form states (`budgetCost`); shared, not to be changed. */
  get budgetCost(): BudgetCost | null {
    if (this.cost === undefined) this.cost = budgetCost(this.project);
    return this.cost;
  }

  /** The 二级 of the filled 产出 rows (`outputLevel2s`); shared, not to be changed. */
  get outputLevel2s(): readonly string[] {
    this.level2s ??= outputLevel2s(this.project);
    return this.level2s;
  }

  /** Money amounts written in section `i` (`textAmounts`); shared, not to be changed. */
  amountsIn(i: number): readonly TextAmount[] {
    this.amounts ??= [];
    let a = this.amounts[i];
    if (a === undefined) {
      a = textAmounts(this.sections[i]?.text ?? '');
      this.amounts[i] = a;
    }
    return a;
  }

  /** `plain()` of indicator `i`'s name. */
  plainName(i: number): string {
    this.plainNames ??= [];
    let s = this.plainNames[i];
    if (s === undefined) {
      s = plain(this.project.form.indicators[i]?.name ?? '');
      this.plainNames[i] = s;
    }
    return s;
  }

  /** `plain()` of indicator `i`'s qualitative value, `''` for a quantitative one. */
  plainText(i: number): string {
    this.plainTexts ??= [];
    let s = this.plainTexts[i];
    if (s === undefined) {
      const ind = this.project.form.indicators[i];
      s = ind?.kind === 'qualitative' ? plain(ind.text) : '';
      this.plainTexts[i] = s;
    }
    return s;
  }
}

let reviewing: Project | null = null;
let current: ProjectView | null = null;

/** The shared view of `project`: memoised while the engine reviews it, fresh otherwise. */
export function viewOf(project: Project): ProjectView {
  if (project !== reviewing) return new ProjectView(project);
  current ??= new ProjectView(project);
  return current;
}

/** Called by the engine before the rules look at `project`; `null` at the end of a review. */
export function enterProject(project: Project | null): void {
  reviewing = project;
  current = null;
}

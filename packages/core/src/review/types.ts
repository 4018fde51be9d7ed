import type { Disclosure, Project } from '../model/schema.ts';

export type Severity = 'error' | 'warn' | 'info';

/** The criterion a rule belongs to (domain.md §3.1). */
export type Category = '算术一致性' | '完整性' | '相关性' | '适当性' | '可行性' | '格式规范';

/** Values a finding carries for programs and tests: expected, actual, difference… */
export type FindingData = Record<string, string | number | boolean | null | readonly (string | number)[]>;

/** One problem found by a rule. `path` points at the field: `projects[3].form.funds.annualTotal`. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  path: string;
  data: FindingData;
}

/** Thresholds and dictionaries a profile may change (domain.md §8: configuration, not code). */
export interface ReviewOptions {
  /** APPR-04: smallest annual budget (yuan) at which a `≥1 次` output target is called trivial. */
  trivialTargetBudgetYuan: number;
  /** APPR-05: satisfaction floor in percent. */
  satisfactionFloorPercent: number;
  /** FUND-07: tolerance between a narrative estimate and the budget, in percent. */
  narrativeTolerancePercent: number;
  /** REL-01: boilerplate names in 经济/生态效益. */
  boilerplateBenefitNames: readonly string[];
}

export const DEFAULT_OPTIONS: ReviewOptions = {
  trivialTargetBudgetYuan: 100_000,
  satisfactionFloorPercent: 85,
  narrativeTolerancePercent: 1,
  boilerplateBenefitNames: ['降本增效', '使用环保产品', '使用环保产品率', '节能环保', '节能减排'],
};

/** A review profile (department, finance bureau): overrides severities and options. */
export interface ReviewProfile {
  name: string;
  /** `off` silences a rule. */
  severities?: Record<string, Severity | 'off'>;
  options?: Partial<ReviewOptions>;
}

/** What a rule's `check` gets for one project. */
export interface ProjectContext {
  disclosure: Disclosure;
  project: Project;
  /** index in `disclosure.projects` */
  index: number;
  options: ReviewOptions;
  /** Reports a finding; `path` is relative to the project (`form.funds.total`), or '' for the project. */
  report(messageId: string, data: FindingData, path?: string): void;
}

/** What a disclosure-wide rule's `check` gets. */
export interface DisclosureContext {
  disclosure: Disclosure;
  options: ReviewOptions;
  /** Reports a finding; `path` is absolute (`summary.totalWan`, `projects[2].explanation`). */
  report(messageId: string, data: FindingData, path: string): void;
}

interface RuleMeta {
  /** catalogue id, `FUND-02` */
  id: string;
  /** file name and doc page: `annual-funds-sum` */
  slug: string;
  category: Category;
  severity: Severity;
  /** one line, Chinese: what the rule checks */
  description: string;
  /** Chinese templates; `{name}` is replaced by `data.name`. */
  messages: Record<string, string>;
  /** per-message severity when a rule reports at more than one level (COMP-05 order is info) */
  messageSeverity?: Record<string, Severity>;
}

export interface ProjectRule extends RuleMeta {
  scope: 'project';
  check(ctx: ProjectContext): void;
}

export interface DisclosureRule extends RuleMeta {
  scope: 'disclosure';
  check(ctx: DisclosureContext): void;
}

export type Rule = ProjectRule | DisclosureRule;

import type { Indicator } from '../../model/schema.ts';
import { defineRule } from '../define-rule.ts';
import { viewOf } from '../project-view.ts';
import { compact } from '../util.ts';
import {
  indicatorPath,
  isSatisfaction,
  plain,
  printedValue,
  quoteList,
  subjectOfPlain,
} from './_wording-util.ts';

/**
 * Satisfaction subjects that name no particular group: `服务对象满意率` next to `用户满意率` asks
 * the same people twice. Two specific groups (学生 / 家长) may have different targets.
 */
const GENERIC_SUBJECTS: ReadonlySet<string> = new Set([
  '',
  '服务对象',
  '受益对象',
  '受益群众',
  '用户',
  '使用者',
]);

/** What an indicator measures: satisfaction of some subject, or whatever its name says. */
interface Construct {
  satisfaction: boolean;
  /** the subject for satisfaction, else the name without punctuation */
  key: string;
}

function constructOf(ind: Indicator, plainName: string): Construct {
  return isSatisfaction(ind)
    ? { satisfaction: true, key: subjectOfPlain(plainName) }
    : { satisfaction: false, key: plainName };
}

function sameConstruct(a: Construct, b: Construct): boolean {
  if (a.satisfaction !== b.satisfaction) return false;
  if (a.key === b.key) return true;
  return a.satisfaction && (GENERIC_SUBJECTS.has(a.key) || GENERIC_SUBJECTS.has(b.key));
}

function threshold(ind: Indicator): string {
  if (ind.kind === 'qualitative') return `text:${plain(ind.text)}`;
  return `${ind.operator}${Number(ind.value)}${ind.unit.trim()}`;
}

/**
 * APPR-03: two indicators under one 二级 that measure one thing with different targets
 * (`用户满意率 =100%` and `服务对象满意率 ≥85%`): which one is the target?
 */
export default defineRule({
  id: 'APPR-03',
  slug: 'conflicting-duplicates',
  category: '适当性',
  severity: 'warn',
  description: '同一二级指标下衡量同一内容的两个指标目标值不一致。',
  messages: {
    conflict: '「{level2}」下{namesText}衡量的是同一内容，目标值却不同（{valuesText}），应只保留一个目标。',
  },
  check({ project, report }) {
    const indicators = project.form.indicators;
    const view = viewOf(project);
    // per indicator, computed only for indicators sharing a 二级 with another one
    let constructs: (Construct | undefined)[] | null = null;
    let thresholds: (string | undefined)[] | null = null;
    const constructAt = (k: number, ind: Indicator): Construct => {
      constructs ??= [];
      let c = constructs[k];
      if (c === undefined) {
        c = constructOf(ind, view.plainName(k));
        constructs[k] = c;
      }
      return c;
    };
    const thresholdAt = (k: number, ind: Indicator): string => {
      thresholds ??= [];
      let t = thresholds[k];
      if (t === undefined) {
        t = threshold(ind);
        thresholds[k] = t;
      }
      return t;
    };
    let reported: boolean[] | null = null; // indices already in a finding
    for (let i = 0; i < indicators.length; i++) {
      const a = indicators[i];
      if (!a || reported?.[i]) continue;
      let group: number[] | null = null;
      for (let j = i + 1; j < indicators.length; j++) {
        const b = indicators[j];
        if (!b || reported?.[j] || b.level1 !== a.level1 || b.level2 !== a.level2) continue;
        if (sameConstruct(constructAt(i, a), constructAt(j, b)) && thresholdAt(i, a) !== thresholdAt(j, b)) {
          group ??= [i];
          group.push(j);
        }
      }
      if (group === null) continue;
      reported ??= [];
      for (const k of group) reported[k] = true;
      const members = group.map((k) => indicators[k] as Indicator);
      report(
        'conflict',
        {
          level2: a.level2,
          names: members.map((m) => m.name),
          values: members.map(printedValue),
          indices: compact(group),
          namesText: quoteList(members.map((m) => m.name)),
          valuesText: members.map((m) => `${m.name} ${printedValue(m)}`).join('；'),
        },
        indicatorPath(group[group.length - 1] ?? i),
      );
    }
  },
});

import type { Indicator } from '../../model/schema.ts';
import { defineRule } from '../define-rule.ts';
import {
  indicatorPath,
  isSatisfaction,
  plain,
  printedValue,
  quoteList,
  satisfactionSubject,
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

function constructOf(ind: Indicator): Construct {
  return isSatisfaction(ind)
    ? { satisfaction: true, key: satisfactionSubject(ind.name) }
    : { satisfaction: false, key: plain(ind.name) };
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
    const constructs: (Construct | undefined)[] = [];
    const constructAt = (k: number, ind: Indicator) => {
      constructs[k] ??= constructOf(ind);
      return constructs[k];
    };
    const reported = new Set<number>();
    for (let i = 0; i < indicators.length; i++) {
      const a = indicators[i];
      if (!a || reported.has(i)) continue;
      const group = [i];
      for (let j = i + 1; j < indicators.length; j++) {
        const b = indicators[j];
        // constructs are computed only for indicators sharing a 二级 with another one
        if (!b || reported.has(j) || b.level1 !== a.level1 || b.level2 !== a.level2) continue;
        if (sameConstruct(constructAt(i, a), constructAt(j, b)) && threshold(a) !== threshold(b))
          group.push(j);
      }
      if (group.length < 2) continue;
      for (const k of group) reported.add(k);
      const members = group.map((k) => indicators[k] as Indicator);
      report(
        'conflict',
        {
          level2: a.level2,
          names: members.map((m) => m.name),
          values: members.map(printedValue),
          indices: group,
          namesText: quoteList(members.map((m) => m.name)),
          valuesText: members.map((m) => `${m.name} ${printedValue(m)}`).join('；'),
        },
        indicatorPath(group[group.length - 1] ?? i),
      );
    }
  },
});

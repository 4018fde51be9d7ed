import type { Indicator } from '../../model/schema.ts';
import { defineDisclosureRule } from '../define-rule.ts';
import { compact, indicatorPath, projectPrefix } from '../util.ts';
import { plain, projectId, quoteList } from './_wording-util.ts';

/** Fewer projects than this and "more than half of them share it" says nothing. */
const MIN_PROJECTS_FOR_SHARE = 3;

function isBoilerplateLevel(ind: Indicator): boolean {
  return ind.level2.includes('经济效益') || ind.level2.includes('生态效益');
}

/** A 经济/生态效益 indicator of one project: is its name stock, and its (二级, name) key. */
interface Candidate {
  ind: Indicator;
  i: number;
  stock: boolean;
  key: string;
}

function pairKey(ind: Indicator, plainName: string): string {
  return `${plain(ind.level2)}\u0000${plainName}`;
}

/**
 * REL-01: 经济/生态效益 indicators that say nothing about the project: the dictionary's stock names
 * (`options.boilerplateBenefitNames`: 降本增效, 使用环保产品…) and any (二级, name) pair filled in by
 * more than half the projects of the disclosure. One finding per project, listing every such
 * indicator; a disclosure rule because the share is counted over all projects (one hash map, O(n)).
 */
export default defineDisclosureRule({
  id: 'REL-01',
  slug: 'boilerplate-benefit',
  category: '相关性',
  severity: 'warn',
  description: '经济/生态效益指标为通用套话（降本增效、使用环保产品等，或多数项目雷同）。',
  messages: {
    boilerplate:
      '{project} 的{namesText}是通用套话式的经济/生态效益指标（{reasonText}），未体现本项目的实际效益；无相应效益时可不设，或改为与项目相关的可衡量指标。',
  },
  check({ disclosure, options, report }) {
    const projects = disclosure.projects;
    const dictionary = new Set(options.boilerplateBenefitNames.map(plain));
    const countShares = projects.length >= MIN_PROJECTS_FOR_SHARE;
    // one pass collects the candidates (usually two per project) and counts the shared pairs
    const candidates: Candidate[][] = [];
    const shares = new Map<string, number>();
    for (const project of projects) {
      const list: Candidate[] = [];
      const indicators = project.form.indicators;
      for (let i = 0; i < indicators.length; i++) {
        const ind = indicators[i];
        if (!ind || !isBoilerplateLevel(ind)) continue;
        const name = plain(ind.name);
        const stock = dictionary.has(name);
        const key = countShares ? pairKey(ind, name) : '';
        if (countShares && !list.some((c) => c.key === key)) shares.set(key, (shares.get(key) ?? 0) + 1);
        list.push({ ind, i, stock, key });
      }
      candidates.push(list);
    }
    candidates.forEach((list, index) => {
      if (list.length === 0) return;
      const names: string[] = [];
      const indices: number[] = [];
      const stock: string[] = [];
      const shared: string[] = [];
      for (const c of list) {
        const share = countShares && !c.stock ? (shares.get(c.key) ?? 0) : 0;
        if (!c.stock && share * 2 <= projects.length) continue;
        names.push(c.ind.name);
        indices.push(c.i);
        if (c.stock) stock.push(c.ind.name);
        else shared.push(`「${c.ind.level2}/${c.ind.name}」在 ${share}/${projects.length} 个项目中雷同`);
      }
      if (indices.length === 0) return;
      const reasons = shared.length > 0 ? shared : [names.length > 1 ? '均为常见套话' : '常见套话'];
      if (stock.length > 0 && shared.length > 0) reasons.unshift(`${quoteList(stock)}为常见套话`);
      report(
        'boilerplate',
        {
          project: projectId(index),
          names: compact(names),
          indices: compact(indices),
          namesText: quoteList(names),
          reasonText: reasons.join('；'),
        },
        projectPrefix(index) + indicatorPath(indices[0] as number),
      );
    });
  },
});

import { defineRule } from '../define-rule.ts';
import { type IndicatorFamily, indicatorFamily, isFilled } from './_funds-util.ts';

const REQUIRED: readonly IndicatorFamily[] = ['成本指标', '产出指标', '效益指标'];
/** How many families there are (成本, 产出, 效益, 满意度). */
const FAMILY_COUNT = 4;

/**
 * COMP-01: every form has at least one 三级 indicator under 成本, 产出 and 效益 (error), and
 * under 满意度 (warn: a project without service recipients may go without; a row marked 不适用
 * counts as present). Older forms with 成本指标 as a 二级 under 产出 satisfy 成本 by it.
 */
export default defineRule({
  id: 'COMP-01',
  slug: 'required-indicator-levels',
  category: '完整性',
  severity: 'error',
  description: '成本、产出、效益指标各应至少有一项三级指标；满意度指标缺失时提示（不适用的除外）。',
  messages: {
    missing: '申报表没有{level}：成本、产出、效益指标各应至少设置一项三级指标。',
    missingSatisfaction: '申报表没有满意度指标：有服务对象的项目应设置满意度指标，不适用的请注明。',
  },
  messageSeverity: { missingSatisfaction: 'warn' },
  check({ project, report }) {
    const present = new Set<IndicatorFamily>();
    for (const ind of project.form.indicators) {
      if (present.size === FAMILY_COUNT) break; // all four found: the rest cannot add one
      const family = isFilled(ind) ? indicatorFamily(ind) : null;
      if (family) present.add(family);
    }
    for (const level of REQUIRED) {
      if (!present.has(level)) report('missing', { level }, 'form.indicators');
    }
    if (!present.has('满意度指标')) report('missingSatisfaction', { level: '满意度指标' }, 'form.indicators');
  },
});

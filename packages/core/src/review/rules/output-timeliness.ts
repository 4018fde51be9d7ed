import { defineRule } from '../define-rule.ts';
import { viewOf } from '../project-view.ts';
import { hasLevel2 } from './_funds-util.ts';

/**
 * COMP-03: 产出指标 has a 时效指标 (by when). None of the 10 Songjiang forms has one. A form with
 * no 产出 at all is COMP-01's.
 */
export default defineRule({
  id: 'COMP-03',
  slug: 'output-timeliness',
  category: '完整性',
  severity: 'warn',
  description: '产出指标应设置时效指标。',
  messages: {
    missing: '产出指标缺少时效指标：应说明产出在何时完成（如“完成时间 ≤X(月)”“按时完成率”）。',
  },
  check({ project, report }) {
    const level2s = viewOf(project).outputLevel2s;
    if (level2s.length === 0 || hasLevel2(level2s, '时效')) return;
    report('missing', { level2: '时效指标' }, 'form.indicators');
  },
});

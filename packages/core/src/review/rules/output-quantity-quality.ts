import { defineRule } from '../define-rule.ts';
import { viewOf } from '../project-view.ts';
import { hasLevel2 } from './_funds-util.ts';

const NEEDED = [
  ['数量', '数量指标'],
  ['质量', '质量指标'],
] as const;

/**
 * COMP-02: 产出指标 has both a 数量指标 (how much) and a 质量指标 (how well). A form with no 产出
 * at all is COMP-01's.
 */
export default defineRule({
  id: 'COMP-02',
  slug: 'output-quantity-quality',
  category: '完整性',
  severity: 'warn',
  description: '产出指标应同时设置数量指标和质量指标。',
  messages: {
    missing: '产出指标缺少{level2}：产出应至少有一项数量指标和一项质量指标。',
  },
  check({ project, report }) {
    const level2s = viewOf(project).outputLevel2s;
    if (level2s.length === 0) return;
    for (const [key, level2] of NEEDED) {
      if (!hasLevel2(level2s, key)) report('missing', { level2 }, 'form.indicators');
    }
  },
});

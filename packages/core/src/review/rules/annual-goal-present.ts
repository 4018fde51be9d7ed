import { defineRule } from '../define-rule.ts';
import { bare } from '../util.ts';
import { isPhased } from './_funds-util.ts';

// Placeholders that fill the cell without saying anything.
const EMPTY = new Set(['', '无', '暂无', '略', '详见附件']);

/** Blank or a placeholder; a long text is neither, whatever its punctuation. */
function isEmptyGoal(text: string): boolean {
  return text.length <= 24 && EMPTY.has(bare(text));
}

/**
 * COMP-04: 年度总体目标 is filled in (error); a 阶段性项目 also states its 项目总目标 for the whole
 * life (warn). One text printed under both headings is the annual goal (all 10 Songjiang forms).
 */
export default defineRule({
  id: 'COMP-04',
  slug: 'annual-goal-present',
  category: '完整性',
  severity: 'error',
  description: '年度总体目标不能为空；阶段性项目还应填写项目总目标。',
  messages: {
    annualGoalEmpty: '年度总体目标为空：应写明本年度要完成的任务和达到的效果。',
    overallGoalEmpty: '阶段性项目的项目总目标为空：应写明整个实施期要达到的目标。',
  },
  messageSeverity: { overallGoalEmpty: 'warn' },
  check({ project, report }) {
    const { annualGoal, overallGoal } = project.form;
    if (isEmptyGoal(annualGoal)) report('annualGoalEmpty', { field: 'annualGoal' }, 'form.annualGoal');
    if (isPhased(project) && isEmptyGoal(overallGoal)) {
      report('overallGoalEmpty', { field: 'overallGoal', nature: project.form.nature }, 'form.overallGoal');
    }
  },
});

import { defineRule } from '../define-rule.ts';
import { stripWs } from '../util.ts';

/** A phase of a build-out in the name: 二期, 第三期, （一期）. */
const PHASE_RE = /(?:第?[一二三四五六七八九十0-9]+期)/;
/** Development work named in the project name. */
const NAME_DEV_RE = /开发|研发|新建|建设|改造|升级|工程/;
/** Development work stated as the year's goal (建设 alone is too common there: 队伍建设). */
const GOAL_DEV_RE = /开发|研发|新建|改造|升级/;
/** Operating what exists is recurring work, whatever phase built it: 「（二期）运维」. */
const OPERATION_RE = /运维|运行维护|维护|运营/;

/**
 * CLS-02 (heuristic): a development project or a numbered phase (二期) labelled 经常性. Building or
 * extending a system is one-off or phased work; only operating it recurs.
 */
export default defineRule({
  id: 'CLS-02',
  slug: 'development-as-recurring',
  category: '可行性',
  severity: 'info',
  description: '开发、建设类或分期（如“二期”）项目不宜标为经常性项目。',
  messages: {
    recurring:
      '项目「{name}」{evidence}，项目性质却是「{nature}」；开发建设或分期项目一般为一次性或阶段性项目。',
  },
  check({ project, report }) {
    const { name, nature, annualGoal } = project.form;
    if (!nature.includes('经常性')) return;
    const n = stripWs(name);
    if (OPERATION_RE.test(n)) return;
    // tests first (most projects stop here); the words are read for a finding only
    const nameDev = NAME_DEV_RE.test(n);
    const goal = nameDev ? '' : stripWs(annualGoal); // the goal counts only when the name says nothing
    if (!nameDev && !PHASE_RE.test(n) && !GOAL_DEV_RE.test(goal)) return;
    const phase = PHASE_RE.exec(n)?.[0];
    const dev = NAME_DEV_RE.exec(n)?.[0] ?? GOAL_DEV_RE.exec(goal)?.[0];
    const evidence = phase !== undefined ? `是分期建设的「${phase}」` : `的名称或年度目标为「${dev}」类工作`;
    report(
      'recurring',
      { name, nature, evidence, phase: phase ?? null, keyword: dev ?? null },
      'form.nature',
    );
  },
});

import type { Indicator } from '../../model/schema.ts';
import { defineRule } from '../define-rule.ts';
import { viewOf } from '../project-view.ts';
import { indicatorPath, isSatisfaction, printedValue, sectionsOf, subjectOfPlain } from './_wording-util.ts';

/** The general public as respondents. */
const PUBLIC_SUBJECTS: ReadonlySet<string> = new Set([
  '群众',
  '人民群众',
  '公众',
  '社会公众',
  '市民',
  '居民',
]);
/** An internal system: only its users and operators see it. */
const BACK_OFFICE_RE = /系统|平台|数据库|运维/;
/** …unless the public does use it. */
const PUBLIC_FACING_RE = /网站|信息网|门户|公众号|热线|小程序|APP|App|app|窗口|服务大厅/;
/** The unit rating itself. */
const SELF_SUBJECTS: ReadonlySet<string> = new Set(['本单位', '本部门', '单位内部', '机关', '实施单位']);
/** `用人单位` is the unit itself when the project pays its own staff. */
const STAFF_RE = /编外|非编|人员经费|用工|劳务派遣|工资|聘用人员|临时人员/;

/** A finding's data: built for a finding only. */
function findingData(ind: Indicator, subject: string, project: string) {
  return { name: ind.name, value: printedValue(ind), subject, project };
}

/**
 * REL-06: a satisfaction indicator asking people who cannot judge the service: the public about a
 * back-office system (`群众满意度` for a drug-supervision system's maintenance), or the unit about
 * itself (`用人单位满意度` when the project pays the unit's own staff).
 */
export default defineRule({
  id: 'REL-06',
  slug: 'satisfaction-subject',
  category: '相关性',
  severity: 'info',
  description: '满意度的调查对象不合理（后台系统问群众满意度、单位自评满意度）。',
  messages: {
    publicBackOffice:
      '「{name}」{value}：项目「{project}」是内部业务系统，{subject}不直接接触，满意度应调查系统使用人员或服务对象。',
    selfRating: '「{name}」{value}：{subject}即本项目的实施单位，自己评价自己的满意度不能说明服务效果。',
  },
  check({ project, report }) {
    const form = project.form;
    let backOffice: boolean | null = null;
    let staffProject: boolean | null = null;
    const indicators = form.indicators;
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i];
      if (!ind || !isSatisfaction(ind)) continue;
      const subject = subjectOfPlain(viewOf(project).plainName(i));
      if (PUBLIC_SUBJECTS.has(subject)) {
        backOffice ??= BACK_OFFICE_RE.test(form.name) && !PUBLIC_FACING_RE.test(form.name);
        if (backOffice) report('publicBackOffice', findingData(ind, subject, form.name), indicatorPath(i));
      } else if (SELF_SUBJECTS.has(subject)) {
        report('selfRating', findingData(ind, subject, form.name), indicatorPath(i));
      } else if (subject === '用人单位') {
        staffProject ??=
          STAFF_RE.test(form.name) ||
          sectionsOf(project, 'overview').some(({ section }) => STAFF_RE.test(section.text));
        if (staffProject) report('selfRating', findingData(ind, subject, form.name), indicatorPath(i));
      }
    }
  },
});

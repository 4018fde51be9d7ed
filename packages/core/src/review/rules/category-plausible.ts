import type { Project } from '../../model/schema.ts';
import { defineRule } from '../define-rule.ts';
import { stripWs } from '../util.ts';

/** Staff pay and benefits (工资福利支出): 人员类 in the 一体化 definitions (domain.md §5.4). */
const PERSONNEL =
  '工资|薪酬|薪金|津贴|奖金|用工成本|社会保险费|社保|公积金|编外人员|非编人员|劳务派遣|人员经费';
const PERSONNEL_TEST = new RegExp(PERSONNEL);
const PERSONNEL_RE = new RegExp(PERSONNEL, 'g');
/** Services bought for a task (社工, 购买服务): a specific goal, not the organisation's running costs. */
const PURCHASED = '购买[^，,。；;]{0,40}服务|社工服务|社会工作服务|政府购买';
const PURCHASED_TEST = new RegExp(PURCHASED);
const PURCHASED_RE = new RegExp(PURCHASED, 'g');
/** Either kind of keyword: one search per text rules out most projects. */
const EITHER_TEST = new RegExp(`${PERSONNEL}|${PURCHASED}`);
/** The 说明 parts that say what is done: 项目概述 (概况) and 实施方案. */
const NARRATIVE_TITLE_RE = /项\s*目\s*概\s*[述况]|实\s*施\s*方\s*案/;
/** Operation and maintenance of what exists: 运转类 (其他运转类). */
const OPERATION_RE = /运维|运行维护/;

/**
 * Name, goal, 项目概述, 实施方案 and indicator names: where a project says what the money buys. Texts
 * are searched as printed (the model joins wrapped lines without inserting anything).
 */
function projectTexts(project: Project): string[] {
  const parts = [project.form.name, project.form.annualGoal];
  for (const s of project.explanation?.sections ?? [])
    if (NARRATIVE_TITLE_RE.test(s.title)) parts.push(s.text);
  for (const ind of project.form.indicators) parts.push(ind.name);
  return parts;
}

/** The distinct keywords found (long matches shortened); a cheap test first, as most projects have none. */
function keywords(texts: readonly string[], test: RegExp, all: RegExp): string[] {
  if (!texts.some((t) => test.test(t))) return [];
  const found = new Set<string>();
  for (const t of texts) {
    for (const m of t.matchAll(all)) found.add(m[0].length > 16 ? `${m[0].slice(0, 16)}…` : m[0]);
  }
  return [...found];
}

/**
 * CLS-03 (heuristic): 项目类别 against the 一体化 definitions (domain.md §5.4): wages under 运转类,
 * purchased social services under 运转类, operation and maintenance under 特定目标类.
 */
export default defineRule({
  id: 'CLS-03',
  slug: 'category-plausible',
  category: '可行性',
  severity: 'info',
  description:
    '项目类别应与一体化定义相符：人员工资福利属人员类，既有设施系统运维属运转类，购买服务等特定任务属特定目标类。',
  messages: {
    personnel:
      '项目类别为「{category}」，但内容是人员工资福利（{keywords}）；按一体化定义，工资福利支出属人员类（编外人员经费有时另列，请人工确认）。',
    purchased:
      '项目类别为「{category}」，但内容是购买服务完成特定任务（{keywords}），按一体化定义更接近特定目标类。',
    operation: '项目类别为「{category}」，但项目「{name}」是既有系统或设施的运行维护，按一体化定义属运转类。',
  },
  check({ project, report }) {
    const { category, name } = project.form;
    const cat = stripWs(category);
    if (cat.includes('运转')) {
      const texts = projectTexts(project);
      if (!texts.some((t) => EITHER_TEST.test(t))) return;
      const personnel = keywords(texts, PERSONNEL_TEST, PERSONNEL_RE);
      if (personnel.length > 0) {
        report('personnel', { category, keywords: personnel }, 'form.category');
        return;
      }
      const purchased = keywords(texts, PURCHASED_TEST, PURCHASED_RE);
      if (purchased.length > 0) report('purchased', { category, keywords: purchased }, 'form.category');
    } else if (cat.includes('特定目标') && OPERATION_RE.test(stripWs(name))) {
      report('operation', { category, name }, 'form.category');
    }
  },
});

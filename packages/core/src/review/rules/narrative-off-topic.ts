import type { Disclosure, Project, Section } from '../../model/schema.ts';
import { defineRule } from '../define-rule.ts';
import { viewOf } from '../project-view.ts';
import { compact } from '../util.ts';
import { plain, sectionPath, withoutPlaces } from './_wording-util.ts';

/** `…实施禁毒工作经费项目…`: the project the narrative says it is about. */
const STATED_NAME_RE = /实施([\u4e00-\u9fff（）()]{2,40}?)项目/;
/** `实施该项目`, `实施本项目`: no name given. */
const DEICTIC_RE = /^(?:该|本|此|这|上述|以上|相关|有关|各)/;
/** Development (a new phase, new software) as opposed to running what exists. */
const DEVELOPMENT_RE = /开发|研发|[一二三四五六七八九十]期|新建|升级改造|改造升级/;
const OPERATION_RE = /运维|运行维护|运行与维护|运行和维护|维保/;
const BRACKETED_RE = /[（(][^（）()]*[）)]/g;
const TITLE_RE = /《([^《》]+)》/g;
/** Laws and regulations are general authority, not a statement of the project's topic. */
const LAW_RE = /(?:法|条例|法典)$/;
/** Han characters (U+4E00–U+9FFF) form the bigrams; a pair is keyed as one small integer. */
const HAN_FIRST = 0x4e00;
const HAN_LAST = 0x9fff;
const bigramKey = (a: number, b: number) => (a - HAN_FIRST) * (HAN_LAST - HAN_FIRST + 1) + (b - HAN_FIRST);
/** Words every document title and project text shares: they say nothing about the topic. */
const GENERIC_BIGRAMS: ReadonlySet<number> = new Set(
  (
    '关于 做好 加强 进一 一步 印发 转发 通知 意见 方案 实施 办法 规定 细则 工作 要求 年度 项目 申报 ' +
    '本市 我市 全市 本区 全区 若干 有关 开展 推进 建设 管理 服务 全面 深化 贯彻 落实 中期 评估 规划 ' +
    '指导 指引 体系 标准 调整 考核 考评 相关 文件 精神 创新 机制 工程 任务 完成 提高 提升 保障 确保'
  )
    .split(' ')
    .map((w) => bigramKey(w.charCodeAt(0), w.charCodeAt(1))),
);
/** Function characters (1 by code): a bigram holding one straddles two words (`作的`, `于加`). */
const FUNCTION_CHARS = new Uint8Array(0x10000);
for (const ch of '的和与及之于等对在了为以其将并或中上下个') FUNCTION_CHARS[ch.charCodeAt(0)] = 1;

function isHan(c: number): boolean {
  return c >= HAN_FIRST && c <= HAN_LAST;
}
/** Fewest topical bigrams a cited title must have to be judged. */
const MIN_TOPICAL = 3;

/**
 * Walks the topical bigrams of a text — adjacent Han characters that are neither generic words nor
 * straddle a function word — in text order until `visit` (given the bigram's position) returns
 * true; returns how many were visited. Character codes only: no string per character or pair.
 */
function eachTopicalBigram(text: string, visit: (text: string, at: number) => boolean): number {
  let count = 0;
  for (let i = 0; i + 1 < text.length; i++) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    if (!isHan(a) || !isHan(b) || FUNCTION_CHARS[a] === 1 || FUNCTION_CHARS[b] === 1) continue;
    if (GENERIC_BIGRAMS.has(bigramKey(a, b))) continue;
    count++;
    if (visit(text, i)) return count;
  }
  return count;
}

/** The project's own words: name, goals and indicator names, place names removed. */
function ownText(project: Project, disclosure: Disclosure): string {
  const f = project.form;
  const parts = [f.name, f.overallGoal, f.annualGoal];
  for (const ind of f.indicators) parts.push(ind.name);
  return withoutPlaces(parts.join(' '), disclosure, ' '); // join: one flat copy to search
}

/** Whether a stated project name refers to this project: half of its bigrams occur in the name. */
function sameProject(stated: string, name: string): boolean {
  if (stated.includes(name) || name.includes(stated)) return true;
  let total = 0;
  let shared = 0;
  for (let i = 0; i + 1 < stated.length; i++) {
    total++;
    if (name.includes(stated.slice(i, i + 2))) shared++;
  }
  return shared * 2 >= total;
}

/**
 * REL-03: a 说明 written about another project or topic:
 * - the 概述 names a different project (`实施禁毒工作经费项目` in 禁毒智能化管理平台(运维));
 * - the project is development (`（二期）`, `软件开发`) but the narrative describes running and
 *   maintenance, or the reverse;
 * - none of the documents cited in 立项依据 shares a topical word with the project's name, goals or
 *   indicators (a website's basis being a notice on 医疗机构特殊管理药品). Laws are not judged.
 */
export default defineRule({
  id: 'REL-03',
  slug: 'narrative-off-topic',
  category: '相关性',
  severity: 'warn',
  description: '项目经费情况说明写的是别的项目或主题（项目名称、建设/运维性质或立项依据与本项目不符）。',
  messages: {
    otherProject: '「{title}」称实施「{stated}项目」，与项目名称「{name}」不符，说明疑为其他项目所写。',
    phase:
      '项目为{formKind}（「{formWord}」），但「{title}」描述的是{narrativeKind}（「{narrativeWord}」），说明与项目不符。',
    basis:
      '「{title}」引用的{titlesText}与本项目的名称、目标和指标没有共同的主题词，立项依据疑为其他项目所写。',
  },
  check({ disclosure, project, report }) {
    const sections = project.explanation?.sections;
    if (!sections || sections.length === 0) return;
    const form = project.form;
    // the name, then the goal (no word spans the two): one search each, no joined copy
    const formDev = DEVELOPMENT_RE.test(form.name) || DEVELOPMENT_RE.test(form.annualGoal);
    const formOps = OPERATION_RE.test(form.name);
    const judgePhase = formDev !== formOps;
    // what the narrative should (not) describe; tests first, the words are read for a finding only
    const ownPhase = formDev ? DEVELOPMENT_RE : OPERATION_RE;
    const otherPhase = formDev ? OPERATION_RE : DEVELOPMENT_RE;
    let phaseReported = false;

    const view = viewOf(project);
    for (let i = 0; i < sections.length; i++) {
      const section = sections[i] as Section;
      const kind = view.kindOf(i);
      if (kind === 'overview') {
        const stated = STATED_NAME_RE.exec(section.text)?.[1];
        if (stated && !DEICTIC_RE.test(stated)) {
          const name = withoutPlaces(plain(form.name.replace(BRACKETED_RE, '')), disclosure, '');
          if (!sameProject(withoutPlaces(plain(stated), disclosure, ''), name)) {
            report('otherProject', { title: section.title, stated, name: form.name }, sectionPath(i));
          }
        }
      }
      if (judgePhase && !phaseReported && (kind === 'overview' || kind === 'plan')) {
        if (!ownPhase.test(section.text) && otherPhase.test(section.text)) {
          phaseReported = true;
          const formWord = formDev
            ? (DEVELOPMENT_RE.exec(form.name) ?? DEVELOPMENT_RE.exec(form.annualGoal))
            : OPERATION_RE.exec(form.name);
          report(
            'phase',
            {
              title: section.title,
              formKind: formDev ? '开发建设' : '运行维护',
              formWord: formWord?.[0] ?? '',
              narrativeKind: formDev ? '运行维护' : '开发建设',
              narrativeWord: otherPhase.exec(section.text)?.[0] ?? '',
            },
            sectionPath(i),
          );
        }
      }
      if (kind === 'basis' && section.text.includes('《')) {
        const titles = unrelatedTitles(section.text, project, disclosure);
        if (titles) {
          report(
            'basis',
            {
              title: section.title,
              titles: compact(titles),
              titlesText: titles.map((t) => `《${t}》`).join('、'),
            },
            sectionPath(i),
          );
        }
      }
    }
  },
});

/** The judged titles cited in `text` when none shares a topical word with the project; else `null`. */
function unrelatedTitles(text: string, project: Project, disclosure: Disclosure): string[] | null {
  const titles: string[] = [];
  let own: string | null = null;
  let related = false;
  const shared = (title: string, at: number): boolean => {
    own ??= ownText(project, disclosure);
    related = own.includes(title.slice(at, at + 2));
    return related;
  };
  TITLE_RE.lastIndex = 0;
  for (let m = TITLE_RE.exec(text); m !== null; m = TITLE_RE.exec(text)) {
    const title = m[1] ?? '';
    if (LAW_RE.test(title)) continue;
    const count = eachTopicalBigram(withoutPlaces(title, disclosure, ' '), shared);
    if (related) return null;
    if (count >= MIN_TOPICAL) titles.push(title);
  }
  return titles.length > 0 ? titles : null;
}

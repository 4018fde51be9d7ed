/**
 * The variants that edit content, each transforming the fixture's text and its JSON by the same
 * edit: another department and year, 填报表 and another summary wording, renamed/skipped/swapped
 * 说明 sections, money without separators, the old indicator framework, side-by-side goals.
 */
import type { DisclosureJson } from '../../packages/core/src/index.ts';
import {
  fenToWan,
  type SummaryWording,
  summaryPreamble,
  summarySentence,
  yuanToFen,
} from './summary-sentence.ts';
import {
  countOf,
  documentLines,
  editProject,
  findLine,
  formStart,
  isBlank,
  nextPrinted,
  splitDocument,
  splitEvenly,
  wrapByWidth,
} from './text.ts';

type FormJson = DisclosureJson['projects'][number]['form'];
type SectionJson = NonNullable<DisclosureJson['projects'][number]['explanation']>['sections'][number];

export interface Variant {
  name: string;
  txt: string;
  json: DisclosureJson;
}

export interface Source {
  text: string;
  json: DisclosureJson;
}

export const clone = <T>(x: T): T => structuredClone(x);
export const crlf = (text: string) => text.replace(/\n/g, '\r\n');
export const render = (lines: readonly string[]) => lines.join('\n');
export const noWhitespace = (s: string) => s.replace(/\s+/g, '');

export function formOf(json: DisclosureJson, k: number): FormJson {
  const p = json.projects[k];
  if (!p) throw new Error(`no project ${k}`);
  return p.form;
}

export function sectionsOf(json: DisclosureJson, k: number): SectionJson[] {
  const e = json.projects[k]?.explanation;
  if (!e) throw new Error(`project ${k} has no explanation`);
  return e.sections;
}

/** Replaces `from` by `to` in the lines [start, end) (the whole block by default), at least once. */
export function replaceInLines(
  lines: string[],
  from: string,
  to: string,
  start = 0,
  end = lines.length,
): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const line = lines[i] ?? '';
    n += countOf(line, from);
    lines[i] = line.replaceAll(from, to);
  }
  return n;
}

export function replaceOnce(lines: string[], from: string, to: string, start = 0, end = lines.length): void {
  const n = replaceInLines(lines, from, to, start, end);
  if (n !== 1) throw new Error(`expected one "${from}", found ${n}`);
}

export function fail(message: string): never {
  throw new Error(message);
}

/**
 * In a form (from line `f0`): the department in 实施单位 and in the wrapped 主管部门 cell, the new
 * name wrapped again at the cell's printed width.
 */
export function replaceDepartment(lines: string[], f0: number, OLD: string, NEW: string): void {
  replaceOnce(lines, `实施单位 ${OLD}（本级）`, `实施单位 ${NEW}（本级）`, f0);
  const label = findLine(lines, '主管部门', { from: f0 });
  const unit = findLine(lines, (l) => l.startsWith('实施单位'), { from: label });
  const first = nextPrinted(lines, label);
  let last = unit - 1;
  while (isBlank(lines[last] ?? '')) last--;
  const pieces = lines.slice(first, last + 1).filter((l) => !isBlank(l));
  if (pieces.map((p) => p.trim()).join('') !== OLD) throw new Error(`主管部门 cell: ${pieces.join('|')}`);
  const width = [...(pieces[0] ?? '').trim()].length;
  const rewrapped = [...NEW].reduce<string[]>((acc, ch, j) => {
    if (j % width === 0) acc.push(ch);
    else acc[acc.length - 1] += ch;
    return acc;
  }, []);
  const trailing = /\s*$/.exec(lines[last] ?? '')?.[0] ?? '';
  lines.splice(
    first,
    last + 1 - first,
    ...rewrapped.flatMap((p, j) => (j === rewrapped.length - 1 ? [p + trailing] : [p, ''])),
  );
}

/** 上海市松江区司法局, 2025, four of the projects; the summary recomputed, its total with separators. */
export function otherDepartment({ text, json }: Source): Variant {
  const KEEP = [0, 4, 7, 9];
  const OLD = '中共上海市松江区委政法委员会';
  const NEW = '上海市松江区司法局';
  const doc = splitDocument(text);
  const out = clone(json);
  out.year = 2025;
  out.department = NEW;
  out.projects = KEEP.map((k) => clone(json.projects[k] ?? fail(`no project ${k}`)));

  const projects = KEEP.map((k, i) => {
    const lines = [...(doc.projects[k]?.lines ?? fail(`no project ${k}`))];
    const f0 = formStart(lines);
    const expl = out.projects[i]?.explanation ?? fail('no explanation');
    // 说明: the year of the narrative and the department, the same edit in the text and the JSON
    for (const [from, to] of [
      ['2024年', '2025年'],
      [OLD, NEW],
    ] as const) {
      const inText = replaceInLines(lines, from, to, 0, f0);
      const inJson = expl.sections.reduce((n, s) => n + countOf(s.text, from), 0);
      if (inText !== inJson) throw new Error(`"${from}": ${inText} in the text, ${inJson} in the JSON`);
      for (const s of expl.sections) s.text = s.text.replaceAll(from, to);
    }
    // form: year heading, dates, 实施单位, 主管部门 (a wrapped cell, wrapped again at its width)
    replaceOnce(lines, '（2024 年度）', '（2025 年度）', f0);
    replaceOnce(lines, '2024-01-01', '2025-01-01', f0);
    replaceOnce(lines, '2024-12-31', '2025-12-31', f0);
    replaceDepartment(lines, f0, OLD, NEW);
    if (lines.some((l) => l.includes('政法委员会'))) throw new Error('old department left in the text');

    const form = out.projects[i]?.form ?? fail('no form');
    form.year = 2025;
    form.competentDepartment = NEW;
    form.implementingUnit = `${NEW}（本级）`;
    form.startDate = '2025-01-01';
    form.endDate = '2025-12-31';
    return { orig: k, lines };
  });

  const totals = out.projects.map((p) => yuanToFen(p.form.funds.annualTotal ?? '0.00'));
  const fen = totals.reduce((a, b) => a + b, 0);
  const THRESHOLD_FEN = 1000 * 1_000_000;
  const wording: SummaryWording = {
    region: '市',
    subject: '部门',
    units: new Set(out.projects.map((p) => p.form.implementingUnit)).size,
    year: 2025,
    projects: out.projects.length,
    totalWan: fenToWan(fen, true),
    large: { thresholdWan: '1000', count: totals.filter((t) => t >= THRESHOLD_FEN).length },
    // the template's fill-in note, left in as in a real 2026 disclosure (domain.md §6.1)
    trailer: '（绩效目标管理工作情况，以及编报绩效目标的项目数量、单位数量、预算金额等）',
  };
  out.summary = {
    budgetUnitCount: wording.units,
    projectCount: wording.projects,
    totalWan: fenToWan(fen, false),
    largeProjectCount: wording.large?.count ?? null,
    largeThresholdWan: wording.large?.thresholdWan ?? null,
  };
  const txt = render(documentLines({ preamble: summaryPreamble(summarySentence(wording)), projects }));
  return { name: 'other-department', txt, json: out };
}

/** 填报表 for 申报表; the summary with 本区/本单位 and no large-project clause. */
export function fillTitle({ text, json }: Source): Variant {
  let doc = splitDocument(text);
  const out = clone(json);
  for (const p of doc.projects) {
    doc = editProject(doc, p.orig, (lines) => {
      replaceOnce(lines, '财政项目支出绩效目标申报表', '财政项目支出绩效目标填报表');
      return lines;
    });
  }
  for (const p of out.projects) p.form.title = '财政项目支出绩效目标填报表';
  const s = json.summary ?? fail('fixture has a summary');
  const sentence = summarySentence({
    region: '区',
    subject: '单位',
    units: s.budgetUnitCount,
    year: json.year,
    projects: s.projectCount,
    totalWan: s.totalWan,
    large: null,
  });
  out.summary = { ...s, largeProjectCount: null, largeThresholdWan: null };
  doc = { ...doc, preamble: summaryPreamble(sentence) };
  return { name: 'fill-title', txt: render(documentLines(doc)), json: out };
}

const HEADING = /^\s*([一二三四五六七八九十]+)、\s*(\S+)\s*$/;

/** The 说明 sections of a project block: [start, end) line ranges, headed by `一、项目概述` lines. */
function sectionRanges(lines: readonly string[]): { number: string; start: number; end: number }[] {
  const f0 = formStart(lines);
  const heads = lines.slice(0, f0).flatMap((l, i) => {
    const m = HEADING.exec(l);
    return m ? [{ number: m[1] ?? '', start: i }] : [];
  });
  return heads.map((h, j) => ({ ...h, end: heads[j + 1]?.start ?? f0 }));
}

function sectionRange(lines: readonly string[], number: string) {
  return sectionRanges(lines).find((r) => r.number === number) ?? fail(`no section ${number}`);
}

/** Sections renamed, one skipped, two swapped (keeping their numbers), two swapped and renumbered. */
export function renamedSections({ text, json }: Source): Variant {
  let doc = splitDocument(text);
  const out = clone(json);

  const rename = (k: number, number: string, from: string, to: string) => {
    doc = editProject(doc, k, (lines) => {
      replaceOnce(lines, `${number}、${from}`, `${number}、${to}`, sectionRange(lines, number).start);
      return lines;
    });
    const s = sectionsOf(out, k).find((x) => x.number === number && x.title === from);
    if (!s) throw new Error(`no section ${number}、${from} in project ${k}`);
    s.title = to;
  };
  rename(0, '一', '项目概述', '项目概况');
  rename(1, '三', '实施主体', '项目实施主体');
  rename(1, '七', '绩效目标', '项目绩效目标');
  rename(9, '二', '立项依据', '项目立项依据');

  // P03: no 五、实施周期
  doc = editProject(doc, 2, (lines) => {
    const r = sectionRange(lines, '五');
    return [...lines.slice(0, r.start), ...lines.slice(r.end)];
  });
  const s3 = sectionsOf(out, 2);
  s3.splice(
    s3.findIndex((s) => s.number === '五'),
    1,
  );

  // P04: 六 printed before 五, numbers as printed
  doc = editProject(doc, 3, (lines) => {
    const five = sectionRange(lines, '五');
    const six = sectionRange(lines, '六');
    if (five.end !== six.start) throw new Error('五 and 六 not adjacent');
    return [
      ...lines.slice(0, five.start),
      ...lines.slice(six.start, six.end),
      ...lines.slice(five.start, five.end),
      ...lines.slice(six.end),
    ];
  });
  const s4 = sectionsOf(out, 3);
  const i5 = s4.findIndex((s) => s.number === '五');
  s4.splice(i5, 2, s4[i5 + 1] ?? fail('六'), s4[i5] ?? fail('五'));

  // P06: 三、实施方案 / 四、实施主体 printed as 三、实施主体 / 四、实施方案
  doc = editProject(doc, 5, (lines) => {
    const three = sectionRange(lines, '三');
    const four = sectionRange(lines, '四');
    if (three.end !== four.start) throw new Error('三 and 四 not adjacent');
    const plan = lines.slice(three.start, three.end);
    const body = lines.slice(four.start, four.end);
    plan[0] = (plan[0] ?? '').replace('三、', '四、');
    body[0] = (body[0] ?? '').replace('四、', '三、');
    return [...lines.slice(0, three.start), ...body, ...plan, ...lines.slice(four.end)];
  });
  const s6 = sectionsOf(out, 5);
  const i3 = s6.findIndex((s) => s.number === '三');
  const [plan, body] = [s6[i3] ?? fail('三'), s6[i3 + 1] ?? fail('四')];
  if (plan.title !== '实施方案' || body.title !== '实施主体') throw new Error('P06 sections moved');
  s6.splice(i3, 2, { ...body, number: '三' }, { ...plan, number: '四' });

  return { name: 'renamed-sections', txt: render(documentLines(doc)), json: out };
}

/** Form money printed without thousands separators. */
export function noSeparators({ text, json }: Source): Variant {
  let doc = splitDocument(text);
  for (const p of doc.projects) {
    doc = editProject(doc, p.orig, (lines) => {
      const f0 = formStart(lines);
      let n = 0;
      const out = lines.map((l, i) =>
        i < f0
          ? l
          : l.replace(/\d{1,3}(?:,\d{3})+\.\d{2}/g, (m) => {
              n++;
              return m.replaceAll(',', '');
            }),
      );
      if (n === 0) throw new Error(`no separated amounts in project ${p.orig}`);
      return out;
    });
  }
  return { name: 'no-separators', txt: render(documentLines(doc)), json: clone(json) };
}

/** The 88号 framework: 成本指标 a 二级 under 产出指标, printed after the other 产出 rows. */
export function oldFramework({ text, json }: Source): Variant {
  let doc = splitDocument(text);
  const out = clone(json);
  for (const p of doc.projects) {
    doc = editProject(doc, p.orig, (lines) => {
      const start = findLine(lines, '成本', { from: formStart(lines) });
      let i = start;
      for (const expect of ['指标', '经济成', '本指标']) {
        i = nextPrinted(lines, i);
        if (lines[i]?.trim() !== expect)
          throw new Error(`P${p.orig + 1}: ${expect} expected, got ${lines[i]}`);
      }
      const row = i + 1;
      if (!lines[row]?.startsWith('项目成本 ')) throw new Error(`P${p.orig + 1}: cost row expected`);
      const costRow = lines[row] ?? '';
      const drop = lines[start - 1] === '' && lines[row + 1] === '' ? 1 : 0;
      const rest = [...lines.slice(0, start), ...lines.slice(row + 1 + drop)];
      const benefit = findLine(rest, '效益', { from: start });
      return [...rest.slice(0, benefit), '成本指', '', '标 ', costRow, '', ...rest.slice(benefit)];
    });
  }
  for (const p of out.projects) {
    const inds = p.form.indicators;
    const costs = inds.filter((x) => x.level1 === '成本指标');
    if (costs.length !== 1 || !costs[0]) throw new Error(`${p.form.name}: one cost indicator expected`);
    const cost = { ...costs[0], level1: '产出指标', level2: '成本指标' };
    const rest = inds.filter((x) => x !== costs[0]);
    let lastOutput = rest.length - 1;
    while (lastOutput >= 0 && rest[lastOutput]?.level1 !== '产出指标') lastOutput--;
    p.form.indicators = [...rest.slice(0, lastOutput + 1), cost, ...rest.slice(lastOutput + 1)];
  }
  return { name: 'old-framework', txt: render(documentLines(doc)), json: out };
}

/** 项目总目标 filled beside 年度总体目标 (one line per row: left piece, space, right piece). */
const OVERALL_GOALS: Readonly<Record<number, string>> = {
  1: '持续加强政法队伍教育培训，建设忠诚干净担当的高素质政法队伍',
  6: '分两年完成禁毒智能预警服务管理平台二期建设并投入运行',
  9: '建立覆盖社区药物滥用人员、社区矫正人员、安置帮教人员和社区青少年的社会工作服务体系，持续预防和减少违法犯罪，维护社会和谐稳定',
};
/** Each goal column wraps at 9 characters (half the merged cell's 18). */
const GOAL_COLUMN_WIDTH = 18;

export function bothGoals({ text, json }: Source): Variant {
  let doc = splitDocument(text);
  const out = clone(json);
  for (const [key, overall] of Object.entries(OVERALL_GOALS)) {
    const k = Number(key);
    const form = formOf(out, k);
    const annual = wrapByWidth(noWhitespace(form.annualGoal), GOAL_COLUMN_WIDTH);
    const left = splitEvenly(overall, annual.length);
    const rows = annual.map((a, j) => `${left[j]} ${a}`);
    doc = editProject(doc, k, (lines) => {
      const head = findLine(lines, '项目总目标 年度总体目标', { from: formStart(lines) });
      const table = findLine(lines, (l) => l.trim() === '一级' || l.trim().startsWith('一级 '), {
        from: head,
      });
      const goal = lines.slice(head + 1, table).flatMap((l, j) => (isBlank(l) ? [] : [head + 1 + j]));
      const first = goal[0] ?? fail('no goal lines');
      const last = goal[goal.length - 1] ?? first;
      if (
        lines
          .slice(first, last + 1)
          .filter((l) => !isBlank(l))
          .map(noWhitespace)
          .join('') !== annual.join('')
      ) {
        throw new Error(`P${k + 1}: goal lines are not the annual goal`);
      }
      return [
        ...lines.slice(0, first),
        ...rows.flatMap((r, j) => (j < rows.length - 1 ? [r, ''] : [`${r} `])),
        ...lines.slice(last + 1),
      ];
    });
    form.overallGoal = overall;
  }

  // P07 becomes a 阶段性项目 over 2024–2025: the whole-project funds are two years', the annual ones this year's
  doc = editProject(doc, 6, (lines) => {
    const f0 = formStart(lines);
    replaceOnce(lines, '项目性质 其他经常性项目', '项目性质 阶段性项目', f0);
    replaceOnce(lines, '2024-12-31', '2025-12-31', f0);
    replaceOnce(lines, '项目资金总额 655,500.00 ', '项目资金总额 1,311,000.00 ', f0);
    replaceOnce(lines, '其中：财政资金 655,500.00', '其中：财政资金 1,311,000.00', f0);
    return lines;
  });
  const p07 = formOf(out, 6);
  p07.nature = '阶段性项目';
  p07.endDate = '2025-12-31';
  p07.funds.total = '1311000.00';
  p07.funds.fiscal = '1311000.00';
  return { name: 'both-goals', txt: render(documentLines(doc)), json: out };
}

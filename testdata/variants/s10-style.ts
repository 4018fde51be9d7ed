/**
 * The `s10-style` variant: what the 普陀区 2026 disclosures (domain.md S10) print that the fixture
 * does not — a multi-year 阶段性项目 with slash dates and a 项目总体目标 (YYYY 年-YYYY 年) column,
 * full-width operators, a 年度预算安排 in 万元, 说明 headings naming their project (and 说明 not
 * next to their forms), the 本区/本单位 summary with a separated total and the template's fill-in note.
 */
import type { DisclosureJson } from '../../packages/core/src/index.ts';
import {
  clone,
  fail,
  noWhitespace,
  render,
  replaceDepartment,
  replaceInLines,
  replaceOnce,
  type Source,
  type Variant,
} from './edits.ts';
import {
  fenToWan,
  type SummaryWording,
  summaryPreamble,
  summarySentence,
  yuanToFen,
} from './summary-sentence.ts';
import {
  countOf,
  EXPLANATION_TITLE,
  findLine,
  formStart,
  isBlank,
  splitDocument,
  wrapByWidth,
} from './text.ts';

type ProjectJson = DisclosureJson['projects'][number];
type IndicatorJson = ProjectJson['form']['indicators'][number];

const OLD = '中共上海市松江区委政法委员会';
const NEW = '上海市普陀区城市管理行政执法局';
const YEAR = 2026;

/** The forms kept, in printed order (fixture indices: P01 P02 P07 P08 P09). */
const KEEP = [0, 1, 6, 7, 8] as const;
/** Whose 说明 precedes each kept form: P01/P02 and P07/P08 swapped, so pairing must go by name. */
const EXPLANATION_BEFORE: Readonly<Record<number, number>> = { 0: 1, 1: 0, 6: 7, 7: 6, 8: 8 };

/** P07 becomes a 阶段性项目 over 2026–2028 (the S10 figures). */
const PHASED = 6;
const PHASED_END = { printed: '2028/12/31', iso: '2028-12-31', year: 2028 };
const PHASED_FUNDS = { total: '10,308,000.00', annual: '3,498,000.00' };
const PHASED_OVERALL_GOAL = '三年内建成禁毒智能预警服务管理平台二期并实现全区应用';
/** Each goal column wraps at 9 characters (half the merged cell's 18), as in `both-goals`. */
const GOAL_COLUMN_WIDTH = 18;

/** P01's amount, changed so that the kept forms add up to 1,099.22万元. */
const P01_ANNUAL = { from: '5,850,000.00', to: '6,879,800.00' };

/** Rows added after a row of the fixture: [fixture project, the row's name, the added row]. */
const ADDED_ROWS: readonly [number, string, IndicatorJson, string][] = [
  [
    0,
    '平安松江微信公众号更新',
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '铁路沿线隐患排查里程',
      kind: 'quantitative',
      operator: '≥',
      value: '985.00',
      unit: '米',
    },
    '铁路沿线隐患排查里程 ≥985.00(米) ',
  ],
  [
    0,
    '确保社会面安全稳定',
    {
      level1: '效益指标',
      level2: '社会效益指标',
      name: '信访积案化解率',
      kind: 'quantitative',
      operator: '>',
      value: '70.00',
      unit: '%',
    },
    '信访积案化解率 ＞70.00(%) ',
  ],
  [
    PHASED,
    '完成安全测评',
    {
      level1: '产出指标',
      level2: '质量指标',
      name: '系统故障率',
      kind: 'quantitative',
      operator: '<',
      value: '5.00',
      unit: '%',
    },
    '系统故障率 ＜5.00(%) ',
  ],
];

const SUMMARY_NOTE = '（绩效目标管理工作情况，以及编报绩效目标的项目数量、单位数量、预算金额等）';

const plain = (amount: string) => amount.replaceAll(',', '');

/** The same replacement in the 说明 lines [0, f0) and in the JSON section texts; the counts must agree. */
function editExplanation(
  lines: string[],
  f0: number,
  project: ProjectJson,
  from: string,
  to: string,
): number {
  const expl = project.explanation ?? fail(`${project.form.name}: no explanation`);
  const inText = replaceInLines(lines, from, to, 0, f0);
  const inJson = expl.sections.reduce((n, s) => n + countOf(s.text, from), 0);
  if (inText !== inJson) throw new Error(`"${from}": ${inText} in the text, ${inJson} in the JSON`);
  for (const s of expl.sections) s.text = s.text.replaceAll(from, to);
  return inText;
}

/** The 年度预算安排 sentence replaced (text and JSON), with the amount it states. */
function editBudget(
  lines: string[],
  f0: number,
  project: ProjectJson,
  from: string,
  to: string,
  yuan: string,
) {
  if (editExplanation(lines, f0, project, from, to) !== 1) throw new Error(`one "${from}" expected`);
  const expl = project.explanation ?? fail('no explanation');
  expl.budgetYuan = yuan;
}

/** The phased project's goal block: the 项目总体目标 (2026 年-2028 年) heading, both goals side by side. */
function sideBySideGoals(lines: string[], f0: number, project: ProjectJson): string[] {
  const heading = `项目总体目标 (${YEAR} 年-${PHASED_END.year} 年) 年度总体目标`;
  const head = findLine(lines, '项目总目标 年度总体目标', { from: f0 });
  lines[head] = (lines[head] ?? '').replace('项目总目标 年度总体目标', heading);
  const table = findLine(lines, (l) => l.trim() === '一级' || l.trim().startsWith('一级 '), { from: head });
  const goal = lines.slice(head + 1, table).flatMap((l, j) => (isBlank(l) ? [] : [head + 1 + j]));
  const first = goal[0] ?? fail('no goal lines');
  const last = goal[goal.length - 1] ?? first;
  const annual = wrapByWidth(noWhitespace(project.form.annualGoal), GOAL_COLUMN_WIDTH);
  const overall = wrapByWidth(PHASED_OVERALL_GOAL, GOAL_COLUMN_WIDTH);
  if (overall.length !== annual.length)
    throw new Error(`goal columns: ${overall.length} ≠ ${annual.length} lines`);
  const printedAnnual = lines
    .slice(first, last + 1)
    .filter((l) => !isBlank(l))
    .map(noWhitespace)
    .join('');
  if (printedAnnual !== annual.join('')) throw new Error('goal lines are not the annual goal');
  const rows = annual.map((a, j) => `${overall[j]} ${a}`);
  project.form.overallGoal = PHASED_OVERALL_GOAL;
  return [
    ...lines.slice(0, first),
    ...rows.flatMap((r, j) => (j < rows.length - 1 ? [r, ''] : [`${r} `])),
    ...lines.slice(last + 1),
  ];
}

/** Puts `row` on its own printed line after the indicator row named `after`; the same in the JSON. */
function addRow(
  lines: string[],
  f0: number,
  project: ProjectJson,
  after: string,
  ind: IndicatorJson,
  row: string,
) {
  const isRow = (l: string) => l.startsWith(`${after} `);
  if (lines.slice(f0).filter(isRow).length !== 1) throw new Error(`one row ${after} expected`);
  const at = findLine(lines, isRow, { from: f0 });
  lines.splice(at + 1, 0, '', row);
  const inds = project.form.indicators;
  const k = inds.findIndex((x) => x.name === after);
  if (k < 0 || inds.findIndex((x, j) => j > k && x.name === after) >= 0)
    throw new Error(`one ${after} expected`);
  inds.splice(k + 1, 0, ind);
}

export function s10Style({ text, json }: Source): Variant {
  const doc = splitDocument(text);
  const out = clone(json);
  out.year = YEAR;
  out.department = NEW;
  out.projects = KEEP.map((k) => clone(json.projects[k] ?? fail(`no project ${k}`)));

  /** Each kept project's 说明 lines and form lines, edited. */
  const parts = new Map<number, { explanation: string[]; form: string[] }>();
  KEEP.forEach((k, i) => {
    const lines = [...(doc.projects[k]?.lines ?? fail(`no project ${k}`))];
    const project = out.projects[i] ?? fail('no project');
    const form = project.form;
    let f0 = formStart(lines);

    // 说明: the phased project runs to 2028; the narrative's year and the department
    if (k === PHASED) {
      for (const [from, to] of [
        ['（至2024年12月）', `（至${PHASED_END.year}年12月）`],
        ['至2024年12月31日', `至${PHASED_END.year}年12月31日`],
      ] as const) {
        if (editExplanation(lines, f0, project, from, to) !== 1) throw new Error(`one "${from}" expected`);
      }
    }
    editExplanation(lines, f0, project, '2024年', `${YEAR}年`);
    editExplanation(lines, f0, project, OLD, NEW);
    if (k === 0) {
      const [from, to] = [plain(P01_ANNUAL.from), plain(P01_ANNUAL.to)];
      editBudget(lines, f0, project, `预算${from}元。`, `预算${to}元。`, to);
    }
    if (k === PHASED) {
      const wan = fenToWan(yuanToFen(plain(PHASED_FUNDS.annual)), false);
      editBudget(
        lines,
        f0,
        project,
        '预算655500.00元。',
        `本项目${YEAR}年度预算金额为${wan}万元。`,
        plain(PHASED_FUNDS.annual),
      );
    }
    f0 = formStart(lines);

    // form: year heading, slash dates, department
    replaceOnce(lines, '（2024 年度）', `（${YEAR} 年度）`, f0);
    replaceOnce(lines, '2024-01-01', `${YEAR}/1/1`, f0);
    replaceOnce(lines, '2024-12-31', k === PHASED ? PHASED_END.printed : `${YEAR}/12/31`, f0);
    replaceDepartment(lines, f0, OLD, NEW);
    if (lines.some((l) => l.includes(OLD)) || lines.slice(f0).some((l) => l.includes('政法委员会'))) {
      throw new Error('old department left in the text');
    }
    form.year = YEAR;
    form.competentDepartment = NEW;
    form.implementingUnit = `${NEW}（本级）`;
    form.startDate = `${YEAR}-01-01`;
    form.endDate = k === PHASED ? PHASED_END.iso : `${YEAR}-12-31`;

    let edited = lines;
    if (k === 0) {
      const [from, to] = [P01_ANNUAL.from, P01_ANNUAL.to];
      replaceOnce(
        lines,
        `项目资金总额 ${from}  年度资金申请总额 ${from} `,
        `项目资金总额 ${to}  年度资金申请总额 ${to} `,
        f0,
      );
      replaceOnce(lines, `其中：财政资金 ${from} `, `其中：财政资金 ${to} `, f0);
      replaceOnce(lines, `其中：当年财政拨款 ${from} `, `其中：当年财政拨款 ${to} `, f0);
      Object.assign(form.funds, {
        total: plain(to),
        fiscal: plain(to),
        annualTotal: plain(to),
        currentYearAppropriation: plain(to),
      });
    }
    if (k === PHASED) {
      const old = '655,500.00';
      const { total, annual } = PHASED_FUNDS;
      replaceOnce(lines, '项目性质 其他经常性项目', '项目性质 阶段性项目', f0);
      replaceOnce(
        lines,
        `项目资金总额 ${old}  年度资金申请总额 ${old} `,
        `项目资金总额 ${total}  年度资金申请总额 ${annual} `,
        f0,
      );
      replaceOnce(lines, `其中：财政资金 ${old} `, `其中：财政资金 ${total} `, f0);
      replaceOnce(lines, `其中：当年财政拨款 ${old} `, `其中：当年财政拨款 ${annual} `, f0);
      replaceOnce(lines, `项目成本 ≤${plain(old)}(元) `, `项目成本 ≤${plain(annual)}(元) `, f0);
      // the printed operator is full-width; the JSON keeps "="
      replaceOnce(lines, '用户满意率 =100.00(%) ', '用户满意率 ＝100.00(%) ', f0);
      form.nature = '阶段性项目';
      Object.assign(form.funds, {
        total: plain(total),
        fiscal: plain(total),
        annualTotal: plain(annual),
        currentYearAppropriation: plain(annual),
      });
      const cost = form.indicators.find((x) => x.name === '项目成本') ?? fail('no cost indicator');
      if (cost.kind !== 'quantitative' || cost.value !== plain(old)) throw new Error('P07 cost indicator');
      cost.value = plain(annual);
      const satisfied = form.indicators.find((x) => x.name === '用户满意率') ?? fail('no 用户满意率');
      if (satisfied.kind !== 'quantitative' || satisfied.operator !== '=') throw new Error('P07 用户满意率');
      edited = sideBySideGoals(lines, f0, project);
    }
    for (const [at, after, ind, row] of ADDED_ROWS) {
      if (at === k) addRow(edited, f0, project, after, ind, row);
    }

    // the 说明 heading names its project
    if (edited[0]?.trim() !== EXPLANATION_TITLE) throw new Error('block does not start with its 说明');
    edited[0] = (edited[0] ?? '').replace(
      EXPLANATION_TITLE,
      `${noWhitespace(form.name)}${EXPLANATION_TITLE}`,
    );
    parts.set(k, { explanation: edited.slice(0, f0), form: edited.slice(f0) });
  });

  const lines = KEEP.flatMap((k) => {
    const explanation = parts.get(EXPLANATION_BEFORE[k] ?? k)?.explanation ?? fail(`no 说明 for ${k}`);
    return [...explanation, ...(parts.get(k)?.form ?? fail(`no form ${k}`))];
  });

  const fen = out.projects.reduce((n, p) => n + yuanToFen(p.form.funds.annualTotal ?? '0.00'), 0);
  const wording: SummaryWording = {
    region: '区',
    subject: '单位',
    units: new Set(out.projects.map((p) => p.form.implementingUnit)).size,
    year: YEAR,
    projects: out.projects.length,
    totalWan: fenToWan(fen, true),
    large: null,
    trailer: SUMMARY_NOTE,
  };
  if (wording.totalWan !== '1,099.22') throw new Error(`total ${wording.totalWan}万元, 1,099.22 expected`);
  out.summary = {
    budgetUnitCount: wording.units,
    projectCount: wording.projects,
    totalWan: fenToWan(fen, false),
    largeProjectCount: null,
    largeThresholdWan: null,
  };
  const txt = render([...summaryPreamble(summarySentence(wording)), ...lines]);
  return { name: 's10-style', txt, json: out };
}

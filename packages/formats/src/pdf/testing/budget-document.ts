/**
 * A whole 部门预算 document around a disclosure, as test blocks: cover, 目录, 部门主要职能, 机构设置,
 * 名词解释, 编制说明, eight pages of budget tables (收支总表 …, with ruled grids of their own), 其他
 * 相关情况说明 whose 四、绩效目标设置情况 holds the summary paragraph, 七、项目经费情况说明 with the
 * projects, then 八、国有资产占有使用情况 with a table. The figures around the disclosure are invented.
 */
import type { Disclosure } from '@jixiao/core';
import { type Block, disclosureBlocks, type FormStyle, type Row, summarySentence } from './layout.ts';

const para = (text: string): Block => ({ kind: 'para', text, indent: true });
const heading = (text: string): Block => ({ kind: 'para', text });

/** A budget table of `rows` classification lines with amounts (万元). */
function budgetTable(title: string, seed: number, rows: number): Block[] {
  const head: Row = [
    { text: '功能分类科目编码', align: 'center' },
    { text: '功能分类科目名称', align: 'center' },
    { text: '合计', align: 'center' },
    { text: '基本支出', align: 'center' },
    { text: '项目支出', align: 'center' },
  ];
  const names = [
    '行政运行',
    '一般行政管理事务',
    '机关服务',
    '事业运行',
    '其他政法委员会事务支出',
    '机关事业单位基本养老保险缴费支出',
  ];
  const body: Row[] = [head];
  for (let i = 0; i < rows; i++) {
    const basic = ((seed * 7919 + i * 104729) % 90000) / 100 + 10;
    const project = ((seed * 31 + i * 613) % 50000) / 100;
    const code = `20${String(13601 + seed * 100 + i)}`;
    body.push([
      { text: code },
      { text: names[(i + seed) % names.length] ?? '' },
      { text: (basic + project).toFixed(2), align: 'right' },
      { text: basic.toFixed(2), align: 'right' },
      { text: project.toFixed(2), align: 'right' },
    ]);
  }
  return [
    { kind: 'title', text: title, size: 14 },
    { kind: 'para', text: '编制部门：中共上海市松江区委政法委员会                单位：万元' },
    { kind: 'table', widths: [80, 150, 80, 80, 80], rows: body, size: 9 },
  ];
}

const TABLES = [
  '2024年部门财务收支预算总表',
  '2024年部门收入预算总表',
  '2024年部门支出预算总表',
  '2024年部门财政拨款收支预算总表',
  '2024年部门一般公共预算支出功能分类预算表',
  '2024年部门一般公共预算基本支出部门预算经济分类预算表',
  '2024年部门政府性基金预算支出功能分类预算表',
  '2024年部门“三公”经费和机关运行经费预算表',
  '2024年部门项目支出预算表',
  '2024年部门政府采购预算表',
];

/** The 目录's entries, with page numbers. */
function tocEntries(d: Disclosure, detailed: boolean): string[] {
  const sub = (entries: string[]) => (detailed ? entries : []);
  const cn = [
    '一',
    '二',
    '三',
    '四',
    '五',
    '六',
    '七',
    '八',
    '九',
    '十',
    '十一',
    '十二',
    '十三',
    '十四',
    '十五',
  ];
  return [
    '一、部门主要职能……1',
    '二、机构设置……1',
    '三、名词解释……2',
    '四、部门预算编制说明……3',
    '五、部门预算表……5',
    ...sub(TABLES.map((t, i) => `（${cn[i]}）${t}……${5 + i}`)),
    '六、其他相关情况说明……13',
    ...sub(
      ['“三公”经费预算情况说明', '机关运行经费预算', '政府采购预算情况', '绩效目标设置情况'].map(
        (t, i) => `（${cn[i]}）${t}……13`,
      ),
    ),
    '七、项目经费情况说明……14',
    ...sub(
      d.projects.flatMap((p, i) => [
        `（${cn[i]}）${p.form.name}项目经费情况说明……${14 + i * 2}`,
        `${p.form.title}……${15 + i * 2}`,
      ]),
    ),
    '八、国有资产占有使用情况……30',
    ...sub([1, 2, 3, 4].map((n) => `（${cn[n - 1]}）国有资产占有使用情况表（${n}）……${30 + n}`)),
  ];
}

/** How the document around the disclosure is printed. */
export interface BudgetDocumentOptions {
  /** the 目录 without page numbers (default: entries end in `……14`) */
  tocWithoutPages?: boolean;
  /**
   * the 目录 lists the budget tables and, under 七, every project's 说明 and 申报表 — long enough to
   * go on to a second page, which has no 目录 heading
   */
  tocDetailed?: boolean;
  /** 绩效目标设置情况 with the summary paragraph as a chapter after the projects, not under 六 */
  summaryAfterForms?: boolean;
}

/** The whole 部门预算 document; the disclosure's summary and projects inside it. */
export function budgetDocumentBlocks(
  d: Disclosure,
  style: FormStyle,
  options: BudgetDocumentOptions = {},
): Block[] {
  const dept = d.department;
  const summary = summarySentence(d);
  const blocks: Block[] = [
    { kind: 'title', text: dept, size: 20 },
    { kind: 'title', text: `${d.year}年部门预算`, size: 26 },
    { kind: 'title', text: '二〇二四年二月', size: 14 },
    { kind: 'pageBreak' },
    { kind: 'title', text: '目录', size: 16 },
    ...tocEntries(d, options.tocDetailed ?? false)
      .map((entry) => (options.tocWithoutPages ? entry.replace(/……\d+$/, '') : entry))
      .map(heading),
    { kind: 'pageBreak' },
    heading('一、部门主要职能'),
    para(
      `${dept}是区委领导和管理全区政法工作的职能部门，主要职能是：贯彻落实党中央关于政法工作的方针政策和市委、区委的决策部署；统筹协调政法部门和各有关方面的关系，推进平安建设、法治建设；组织推动社会治安综合治理、维护社会稳定等工作。`,
    ),
    heading('二、机构设置'),
    para(
      `${dept}内设办公室、政治部、综合治理科、执法监督科等职能科室。纳入本部门预算编制范围的预算单位共1家。`,
    ),
    heading('三、名词解释'),
    para('1.财政拨款收入：指区级财政当年拨付的资金。'),
    para('2.基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。'),
    para('3.项目支出：指在基本支出之外为完成特定行政工作任务和事业发展目标所发生的支出。'),
    heading('四、部门预算编制说明'),
    para(
      `${d.year}年，本部门收入预算4,309.85万元，其中：财政拨款收入4,309.85万元。支出预算4,309.85万元，其中：基本支出1,287.36万元，项目支出3,022.49万元。`,
    ),
    { kind: 'pageBreak' },
    heading('五、部门预算表'),
  ];
  TABLES.forEach((title, i) => {
    blocks.push(...budgetTable(title, i + 1, 30), { kind: 'pageBreak' });
  });
  blocks.push(
    heading('六、其他相关情况说明'),
    heading('一、“三公”经费预算情况说明'),
    para('本部门“三公”经费预算数为12.30万元，比上年减少0.50万元，主要原因是厉行节约。'),
    heading('二、机关运行经费预算'),
    para('本部门机关运行经费预算为96.12万元。'),
    heading('三、政府采购预算情况'),
    para('本部门政府采购预算总额为1,205.00万元，其中：货物类35.00万元，服务类1,170.00万元。'),
    ...(options.summaryAfterForms
      ? []
      : [
          heading('四、绩效目标设置情况'),
          ...(summary ? [para(summary)] : []),
          para('具体项目的绩效目标详见“七、项目经费情况说明”。'),
        ]),
    { kind: 'pageBreak' },
    heading('七、项目经费情况说明'),
    ...disclosureBlocks({ ...d, summary: null }, style),
    ...(options.summaryAfterForms
      ? [
          heading('八、绩效目标设置情况'),
          ...(summary ? [para(summary)] : []),
          para('各项目的绩效目标详见“七、项目经费情况说明”。'),
        ]
      : []),
    heading(options.summaryAfterForms ? '九、国有资产占有使用情况' : '八、国有资产占有使用情况'),
    para(
      '截至上年末，本部门共有车辆2辆，其中：一般公务用车1辆、执法执勤用车1辆；单位价值100万元以上设备0台（套）。',
    ),
    { kind: 'pageBreak' },
  );
  for (let i = 0; i < 4; i++)
    blocks.push(...budgetTable(`国有资产占有使用情况表（${i + 1}）`, 20 + i, 30), { kind: 'pageBreak' });
  blocks.pop();
  return blocks;
}

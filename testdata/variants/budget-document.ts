/**
 * A whole 部门预算 document around the fixture's disclosure: cover, 目录 with dotted leaders, 部门
 * 主要职能, 机构设置, 名词解释, 编制说明, pages of budget tables, 其他相关情况说明 whose
 * 四、绩效目标设置情况 holds the fixture's summary sentence, 七、项目经费情况说明 holding the fixture's
 * projects unchanged, and 八、国有资产占有使用情况 after them. Printed in the fixture's style (an empty
 * line after every printed line, page breaks as runs of 3 empty lines). The surrounding figures are
 * invented but add up (项目支出 3,022.49万元 is the fixture's total).
 */
import { type DocText, printed, wrapByWidth } from './text.ts';

const DEPT = '中共上海市松江区委政法委员会';
const PROSE_WIDTH = 52;

/** A paragraph wrapped as the fixture prints prose, its last line ending in a space. */
function paragraph(text: string): string[] {
  const lines = wrapByWidth(text, PROSE_WIDTH);
  return lines.map((l, i) => (i === lines.length - 1 ? `${l} ` : l));
}

/** A 目录 entry: title, a dotted leader, the page number. */
function tocEntry(title: string, page: number): string {
  return `${title}${'…'.repeat(Math.max(4, 26 - [...title].length))}${page}`;
}

const COVER = [DEPT, '2024年部门预算', '二〇二四年二月'];

const TOC = [
  '目  录',
  tocEntry('一、部门主要职能', 1),
  tocEntry('二、机构设置', 1),
  tocEntry('三、名词解释', 2),
  tocEntry('四、部门预算编制说明', 3),
  tocEntry('五、部门预算表', 5),
  tocEntry('六、其他相关情况说明', 12),
  tocEntry('一、“三公”经费预算情况说明', 12),
  tocEntry('二、机关运行经费预算', 12),
  tocEntry('三、政府采购预算情况', 12),
  tocEntry('四、绩效目标设置情况', 13),
  tocEntry('七、项目经费情况说明', 14),
  tocEntry('八、国有资产占有使用情况', 39),
];

const FUNCTIONS_AND_UNITS = [
  '一、部门主要职能',
  ...paragraph(
    `${DEPT}是区委领导和管理全区政法工作的职能部门，主要职能是：贯彻落实党中央关于政法工作的方针政策和市委、区委的决策部署；统筹协调政法部门和各有关方面的关系，推进平安松江、法治松江建设；组织推动社会治安综合治理、维护社会稳定、禁毒、反邪教和见义勇为等工作；指导政法队伍建设；完成区委交办的其他任务。`,
  ),
  '二、机构设置',
  ...paragraph(
    `${DEPT}内设办公室、政治部、综合治理科、执法监督科、维护稳定科、禁毒工作科等职能科室。纳入本部门2024年部门预算编制范围的预算单位共1家，即${DEPT}（本级）。`,
  ),
];

const TERMS = [
  '三、名词解释',
  ...paragraph('1.财政拨款收入：指区级财政当年拨付的资金。'),
  ...paragraph('2.基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。'),
  ...paragraph(
    '3.项目支出：指在基本支出之外为完成特定行政工作任务和事业发展目标所发生的支出，编报项目支出须同步编报绩效目标。',
  ),
  ...paragraph('4.“三公”经费：指用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。'),
  ...paragraph('5.机关运行经费：指为保障行政单位运行用于购买货物和服务的各项资金。'),
];

const EXPLANATION_OF_BUDGET = [
  '四、部门预算编制说明',
  ...paragraph(
    `2024年，${DEPT}收入预算4,309.85万元，其中：财政拨款收入4,309.85万元，比2023年增加112.40万元，主要原因是平安建设相关项目经费增加。`,
  ),
  ...paragraph(
    '支出预算4,309.85万元，其中：基本支出1,287.36万元，项目支出3,022.49万元。按支出功能分类，一般公共服务支出4,038.97万元，社会保障和就业支出152.34万元，卫生健康支出48.12万元，住房保障支出70.42万元。',
  ),
];

const TABLE_HEAD = (title: string) => [title, `编制部门：${DEPT} 单位：万元`];

const TABLE_REVENUE_EXPENDITURE = [
  '五、部门预算表',
  ...TABLE_HEAD('2024年部门财务收支预算总表'),
  '收 入 支 出',
  '项 目 预算数 项 目 预算数',
  '一、财政拨款收入 4,309.85 一、一般公共服务支出 4,038.97',
  '二、事业收入 0.00 二、社会保障和就业支出 152.34',
  '三、事业单位经营收入 0.00 三、卫生健康支出 48.12',
  '四、其他收入 0.00 四、住房保障支出 70.42',
  '收入总计 4,309.85 支出总计 4,309.85',
];

const FUNCTION_ROWS = [
  '201 一般公共服务支出 4,038.97 1,016.48 3,022.49',
  '20136 其他共产党事务支出 4,038.97 1,016.48 3,022.49',
  '2013601 行政运行 1,016.48 1,016.48',
  '2013699 其他共产党事务支出 3,022.49 3,022.49',
  '208 社会保障和就业支出 152.34 152.34',
  '20805 行政事业单位养老支出 152.34 152.34',
  '2080505 机关事业单位基本养老保险缴费支出 101.56 101.56',
  '2080506 机关事业单位职业年金缴费支出 50.78 50.78',
  '210 卫生健康支出 48.12 48.12',
  '21011 行政事业单位医疗 48.12 48.12',
  '2101101 行政单位医疗 48.12 48.12',
  '221 住房保障支出 70.42 70.42',
  '22102 住房改革支出 70.42 70.42',
  '2210201 住房公积金 70.42 70.42',
  '合计 4,309.85 1,287.36 3,022.49',
];

const TABLE_BY_FUNCTION = [
  ...TABLE_HEAD('2024年部门支出预算表'),
  '功能分类科目编码 功能分类科目名称 合计 基本支出 项目支出',
  ...FUNCTION_ROWS,
];

const TABLE_APPROPRIATION = [
  ...TABLE_HEAD('2024年一般公共预算支出功能分类预算表'),
  '功能分类科目编码 功能分类科目名称 合计 基本支出 项目支出',
  ...FUNCTION_ROWS,
];

const TABLE_BY_ECONOMIC = [
  ...TABLE_HEAD('2024年一般公共预算基本支出部门预算经济分类预算表'),
  '经济分类科目编码 经济分类科目名称 合计 人员经费 公用经费',
  '301 工资福利支出 1,129.58 1,129.58',
  '30101 基本工资 312.40 312.40',
  '30102 津贴补贴 405.66 405.66',
  '30103 奖金 26.03 26.03',
  '30108 机关事业单位基本养老保险缴费 101.56 101.56',
  '30109 职业年金缴费 50.78 50.78',
  '30110 职工基本医疗保险缴费 44.61 44.61',
  '30112 其他社会保障缴费 3.51 3.51',
  '30113 住房公积金 70.42 70.42',
  '30199 其他工资福利支出 114.61 114.61',
  '302 商品和服务支出 120.85 120.85',
  '30201 办公费 18.60 18.60',
  '30207 邮电费 6.20 6.20',
  '30211 差旅费 3.50 3.50',
  '30216 培训费 2.00 2.00',
  '30217 公务接待费 0.50 0.50',
  '30226 劳务费 12.00 12.00',
  '30228 工会经费 14.85 14.85',
  '30229 福利费 9.60 9.60',
  '30231 公务用车运行维护费 6.80 6.80',
  '30239 其他交通费用 39.20 39.20',
  '30299 其他商品和服务支出 7.60 7.60',
  '303 对个人和家庭的补助 36.93 36.93',
  '30305 生活补助 2.13 2.13',
  '30399 其他对个人和家庭的补助 34.80 34.80',
  '合计 1,287.36 1,166.51 120.85',
];

const TABLE_FUNDS_AND_THREE = [
  ...TABLE_HEAD('2024年政府性基金预算支出功能分类预算表'),
  '功能分类科目编码 功能分类科目名称 合计 基本支出 项目支出',
  '合计 0.00 0.00 0.00',
  '注：本部门2024年无政府性基金预算支出。',
  ...TABLE_HEAD('2024年“三公”经费财政拨款预算表'),
  '合计 因公出国（境）费 公务接待费 公务用车购置及运行费',
  '小计 购置费 运行费',
  '7.30 0.00 0.50 6.80 0.00 6.80',
];

const OTHER_MATTERS = [
  '六、其他相关情况说明',
  '一、“三公”经费预算情况说明',
  ...paragraph(
    '2024年“三公”经费财政拨款预算为7.30万元，比2023年预算减少0.20万元。其中：因公出国（境）费0万元；公务用车购置及运行费6.80万元（公务用车购置费0万元，公务用车运行费6.80万元）；公务接待费0.50万元。',
  ),
  '二、机关运行经费预算',
  ...paragraph('2024年本部门机关运行经费预算为120.85万元，比2023年预算减少3.15万元。'),
  '三、政府采购预算情况',
  ...paragraph(
    '2024年本部门政府采购预算2,156.30万元，其中：政府采购货物预算23.60万元，政府采购工程预算0万元，政府采购服务预算2,132.70万元。',
  ),
];

const AFTER_SUMMARY = paragraph('各项目绩效目标详见“七、项目经费情况说明”。');

const ASSETS = [
  '八、国有资产占有使用情况',
  ...paragraph(
    '截至2023年12月31日，本部门共有车辆1辆，其中：一般公务用车1辆；单位价值50万元以上通用设备0台（套），单位价值100万元以上专用设备0台（套）。',
  ),
  ...paragraph('2024年部门预算未安排购置车辆，未安排购置单位价值50万元以上通用设备、100万元以上专用设备。'),
];

/** Page content in the fixture's style, pages separated by a run of 3 empty lines. */
function pages(...contents: (readonly string[])[]): string[] {
  return contents.flatMap((c) => [...printed(c), '', '']);
}

/** The fixture's disclosure (summary sentence and projects) inside a whole budget document. */
export function budgetDocument(doc: DocText): string {
  const summary = doc.preamble.filter((l) => l !== '');
  const lines = [
    '',
    ...pages(
      COVER,
      TOC,
      FUNCTIONS_AND_UNITS,
      TERMS,
      EXPLANATION_OF_BUDGET,
      TABLE_REVENUE_EXPENDITURE,
      TABLE_BY_FUNCTION,
      TABLE_APPROPRIATION,
      TABLE_BY_ECONOMIC,
      TABLE_FUNDS_AND_THREE,
    ),
    ...printed([...OTHER_MATTERS, '四、绩效目标设置情况', ...summary, ...AFTER_SUMMARY]),
    '',
    '',
    ...printed(['七、项目经费情况说明']),
    ...doc.projects.flatMap((p) => p.lines),
    ...printed(ASSETS),
  ];
  return lines.join('\n');
}

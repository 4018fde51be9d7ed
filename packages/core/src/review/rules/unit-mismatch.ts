import { defineRule } from '../define-rule.ts';
import { indicatorPath, printedValue } from './_wording-util.ts';

type UnitClass = 'percent' | 'count' | 'time' | 'length' | 'money';

const CLASS_ZH: Record<UnitClass, string> = {
  percent: '百分比（%）',
  count: '计数（次、个、条…）',
  time: '时间（小时、天…）',
  length: '长度（米、公里…）',
  money: '金额（元、万元）',
};

/** Units by class. A compound unit counts by its numerator: `条/日` is a count. */
const UNIT_CLASS: ReadonlyMap<string, UnitClass> = new Map([
  ...['%', '％', '‰', '百分比'].map((u) => [u, 'percent'] as const),
  ...['次', '人次', '个', '条', '场', '篇', '件', '台', '套', '项', '份', '户', '期', '批', '家', '所', '处']
    .concat(['座', '辆', '本', '册', '张', '部', '名', '人', '课时', '期次', '场次', '个数'])
    .map((u) => [u, 'count'] as const),
  ...['小时', '时', '天', '日', '分钟', '分', '秒', '周', '月', '个月', '年', '工作日', '个工作日'].map(
    (u) => [u, 'time'] as const,
  ),
  ...['米', '延米', '千米', '公里', 'km', 'm'].map((u) => [u, 'length'] as const),
  ...['元', '万元', '亿元', '千元'].map((u) => [u, 'money'] as const),
]);

/**
 * Name keywords and the unit classes they admit. The keyword nearest the end of the name decides:
 * `资金拨付时间` is a time, `成本节约率` a rate, `正常运行率` a rate. A running state
 * (`网站服务器正常运行`) is measured as availability (%) or time, never as a count of things.
 */
const KEYWORDS: readonly (readonly [string, readonly UnitClass[]])[] = [
  ['率|比例|占比|比重', ['percent']],
  ['次数|场次|数量|个数|件数|人数|人次|户数|批次', ['count']],
  ['时间|时长|时限|工期|天数|日数|用时', ['time']],
  ['长度|里程|距离', ['length']],
  ['成本|费用|经费|金额|资金|预算|造价|单价', ['money']],
  ['正常运行|稳定运行|运行正常|运行稳定|正常运转|运转正常|安全运行|运行情况', ['percent', 'time']],
];
const KEYWORD_RE = new RegExp(KEYWORDS.map(([alt]) => `(${alt})`).join('|'), 'g');

/** The admitted classes of the keyword ending last in `name`, with the keyword. */
function expectedClasses(name: string): { keyword: string; classes: readonly UnitClass[] } | null {
  let best: RegExpExecArray | null = null;
  let bestClasses: readonly UnitClass[] | undefined;
  KEYWORD_RE.lastIndex = 0;
  for (let m = KEYWORD_RE.exec(name); m; m = KEYWORD_RE.exec(name)) {
    let group = 1;
    while (group < m.length && m[group] === undefined) group++;
    const classes = KEYWORDS[group - 1]?.[1];
    if (classes) {
      best = m;
      bestClasses = classes;
    }
  }
  return best && bestClasses ? { keyword: best[0], classes: bestClasses } : null;
}

/** The unit a compound unit counts by: `条/日` → `条`; a simple unit as it is (no split, no copy). */
function numerator(unit: string): string {
  const slash = unit.indexOf('/');
  return slash < 0 ? unit : unit.slice(0, slash).trim();
}

/**
 * FMT-03: a unit that cannot measure what the name says (`网站服务器正常运行 ≥5.00(条/日)`,
 * `培训满意率 ≥90(次)`). Only names with a telling keyword and units of a known class are judged.
 */
export default defineRule({
  id: 'FMT-03',
  slug: 'unit-mismatch',
  category: '格式规范',
  severity: 'warn',
  description: '计量单位与指标名称不相符（如“率”用了“次”，“正常运行”用了“条/日”）。',
  messages: {
    mismatch: '「{name}」{value}：名称中的「{keyword}」应以{expectedText}计量，单位「{unit}」与之不符。',
  },
  check({ project, report }) {
    const indicators = project.form.indicators;
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i];
      if (ind?.kind !== 'quantitative') continue;
      const unit = ind.unit.trim();
      const unitClass = UNIT_CLASS.get(numerator(unit));
      if (!unitClass) continue;
      const expected = expectedClasses(ind.name);
      if (!expected || expected.classes.includes(unitClass)) continue;
      report(
        'mismatch',
        {
          name: ind.name,
          value: printedValue(ind),
          unit,
          unitClass,
          keyword: expected.keyword,
          expected: [...expected.classes],
          expectedText: expected.classes.map((c) => CLASS_ZH[c]).join('或'),
        },
        indicatorPath(i),
      );
    }
  },
});

import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import { countByProject, plusIndicators, quant } from './_wording-testkit.ts';
import rule from './unit-mismatch.ts';

const row = (name: string, operator: '≥' | '≤' | '=', value: string, unit: string) => ({
  project: plusIndicators(quant('产出指标', '质量指标', name, operator, value, unit)),
});

describe('FMT-03 unit-mismatch', () => {
  it.each([
    ['the base project', {}],
    ['a rate in %', row('故障处置及时率', '≥', '95.00', '%')],
    ['a time in hours', row('故障响应时间', '≤', '2.00', '小时')],
    ['the last keyword decides: 资金拨付时间 is a time', row('资金拨付时间', '≤', '5.00', '个工作日')],
    ['the last keyword decides: 成本节约率 is a rate', row('成本节约率', '≥', '5.00', '%')],
    ['running state as availability', row('系统正常运行', '≥', '99.00', '%')],
    ['running state in days', row('系统正常运行', '≥', '365.00', '天')],
    ['a name without a telling keyword', row('平安松江微信公众号更新', '≥', '150.00', '次')],
    ['an unknown unit is not judged', row('覆盖率', '≥', '90.00', '户次比')],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it.each([
    ['a running state counted per day (P04)', row('网站服务器正常运行', '≥', '5.00', '条/日')],
    ['a rate counted in 次', row('培训满意率', '≥', '90.00', '次')],
    ['a count in %', row('巡检次数', '≥', '12.00', '%')],
    ['a length in 元', row('管道长度', '≥', '985.00', '元')],
    ['a cost in %', row('项目成本', '≤', '100.00', '%')],
  ])('reports %s', (_name, input) => {
    expect(runRule(rule, input)).toHaveLength(1);
  });

  it('explains which unit the name calls for', () => {
    const [finding] = runRule(rule, row('网站服务器正常运行', '≥', '5.00', '条/日'));
    expect(finding).toMatchObject({
      ruleId: 'FMT-03',
      severity: 'warn',
      path: 'projects[0].form.indicators[6]',
      message:
        '「网站服务器正常运行」≥5.00(条/日)：名称中的「正常运行」应以百分比（%）或时间（小时、天…）计量，单位「条/日」与之不符。',
      data: { keyword: '正常运行', unit: '条/日', unitClass: 'count', expected: ['percent', 'time'] },
    });
  });

  it('finds P04 网站服务器正常运行 ≥5.00(条/日) in the Songjiang fixture', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(countByProject(findings)).toEqual({ P04: 1 });
    expect(findings[0]?.path).toBe('projects[3].form.indicators[4]');
  });
});

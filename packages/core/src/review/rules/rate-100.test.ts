import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import { countByProject, quant, replacingIndicator } from './_wording-testkit.ts';
import rule from './rate-100.ts';

const rate = (name: string, operator: '≥' | '=' | '>' | '≤' | '<', value: string, unit = '%') => ({
  project: replacingIndicator(2, quant('产出指标', '质量指标', name, operator, value, unit)),
});

describe('APPR-02 rate-100', () => {
  it.each([
    ['the base project', {}],
    ['=100% is a legitimate all-or-nothing target', rate('项目完成率', '=', '100.00')],
    ['≥95%', rate('故障处置及时率', '≥', '95.00')],
    ['≤100% is a ceiling', rate('差错率', '≤', '100.00')],
    ['a growth rate may exceed 100%', rate('访问量增长率', '≥', '120.00')],
    ['≥100 in a unit that is not a percentage', rate('巡检次数', '≥', '100.00', '次')],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it.each([
    ['≥100% on a completion rate', rate('项目完成率', '≥', '100.00'), 'warn', 'atLeast100'],
    ['≥100 printed without decimals', rate('验收合格率', '≥', '100'), 'warn', 'atLeast100'],
    ['>100% (impossible)', rate('项目完成率', '>', '100.00'), 'error', 'overBound'],
    ['=120% (impossible)', rate('覆盖率', '=', '120.00'), 'error', 'overBound'],
    ['≥105%', rate('资金到位率', '≥', '105.00'), 'error', 'overBound'],
  ])('reports %s', (_name, input, severity, kind) => {
    const findings = runRule(rule, input);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe(severity);
    expect(findings[0]?.message).toContain(kind === 'overBound' ? '超过 100%' : '≥100% 即 =100%');
  });

  it('names the indicator and the target', () => {
    expect(runRule(rule, rate('项目完成率', '≥', '100.00'))).toEqual([
      {
        ruleId: 'APPR-02',
        severity: 'warn',
        message:
          '「项目完成率」目标 ≥100.00(%)：比率不可能超过 100%，≥100% 即 =100%，应写作 =100.00(%) 或按实际设定。',
        path: 'projects[0].form.indicators[2]',
        data: { name: '项目完成率', value: '≥100.00(%)', operator: '≥', percent: 100 },
      },
    ]);
  });

  it('finds P02 培训对象满意率 and P04 项目完成率 (≥100.00%) in the Songjiang fixture, not the =100% targets', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(countByProject(findings)).toEqual({ P02: 1, P04: 1 });
    expect(findings.map((f) => [f.path, f.data.name])).toEqual([
      ['projects[1].form.indicators[7]', '培训对象满意率'],
      ['projects[3].form.indicators[1]', '项目完成率'],
    ]);
  });
});

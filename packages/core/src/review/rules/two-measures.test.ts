import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import { countByProject, plusIndicators, qual, quant } from './_wording-testkit.ts';
import rule from './two-measures.ts';

const named = (name: string) => ({
  project: plusIndicators(qual('产出指标', '质量指标', name, '低于全市平均')),
});

describe('FMT-07 two-measures', () => {
  it.each([
    ['the base project', {}],
    ['和 inside one action', named('预防和减少违法犯罪')],
    ['和 joining objects of one measure', named('社区矫正和安置帮教对象覆盖率')],
    ['、 joining short parts of one object', named('水、电、气保障率')],
    ['one rate', named('青少年服务对象犯罪率')],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it.each([
    [
      'two clauses joined by ，',
      {
        project: plusIndicators(
          quant('产出指标', '数量指标', '开展司法救助，推进案件化解', '≥', '1.00', '次'),
        ),
      },
    ],
    [
      'two actions joined by 、',
      {
        project: plusIndicators(
          quant('产出指标', '数量指标', '完成视频监控上联、数据更新', '=', '100.00', '%'),
        ),
      },
    ],
    ['two rates joined by 和', named('矫正对象再犯率和安置帮教对象重新犯罪率')],
    ['two measures joined by 及', named('培训覆盖率及考核合格率')],
  ])('reports %s', (_name, input) => {
    expect(runRule(rule, input)).toHaveLength(1);
  });

  it('lists the parts', () => {
    const [finding] = runRule(rule, named('矫正对象再犯率和安置帮教对象重新犯罪率'));
    expect(finding).toMatchObject({
      ruleId: 'FMT-07',
      severity: 'info',
      path: 'projects[0].form.indicators[6]',
      data: { how: 'conjunction', parts: ['矫正对象再犯率', '安置帮教对象重新犯罪率'], count: 2 },
    });
  });

  it('finds P01, P06 and P10 in the Songjiang fixture', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(countByProject(findings)).toEqual({ P01: 1, P06: 1, P10: 1 });
    expect(findings.map((f) => f.path)).toEqual([
      'projects[0].form.indicators[8]',
      'projects[5].form.indicators[1]',
      'projects[9].form.indicators[3]',
    ]);
  });
});

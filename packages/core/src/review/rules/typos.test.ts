import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import { countByProject, plusIndicators, qual, replacingSections } from './_wording-testkit.ts';
import rule from './typos.ts';

describe('FMT-06 typos', () => {
  it.each([
    ['the base project', {}],
    [
      'balanced titles with an inner title',
      replacingSections({ 1: '根据《关于印发〈关于本市进一步加强群防群治守护网建设的意见〉的通知》。' }),
    ],
    [
      'the known title written correctly',
      replacingSections({ 1: '《关于加强公共安全视频监控建设联网应用工作的若干意见》' }),
    ],
    [
      'a different title of similar length',
      replacingSections({ 1: '《关于加强公共安全视频监控建设工作的实施意见》' }),
    ],
    ['按时完成', plusIndicators(qual('效益指标', '可持续影响指标', '按时完成任务', '及时完成'))],
    [
      'a repeated word far apart',
      plusIndicators(qual('产出指标', '质量指标', '矫正对象再犯率和安置帮教对象重新犯罪率', '低于全市平均')),
    ],
    [
      'the name phrase written the same way',
      replacingSections({ 1: '根据《社区矫正信息系统运维管理办法》。' }),
    ],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, { project: input })).toEqual([]);
  });

  it.each([
    [
      'a dictionary typo (完时 → 按时)',
      plusIndicators(qual('效益指标', '可持续影响指标', '完时完成任务', '及时完成')),
      'typo',
    ],
    [
      'a missing 《',
      replacingSections({ 1: '根据《上海市禁毒条例》、上海市大规模群体性事件专项应急预案》。' }),
      'unbalanced',
    ],
    ['a missing 》', replacingSections({ 1: '根据《上海市禁毒条例。' }), 'unbalanced'],
    [
      'a garbled known title',
      replacingSections({ 1: '《关于加强公共安全视频监控建设联网应工作的若干意见》' }),
      'garbledTitle',
    ],
    [
      'a word repeated in a name',
      plusIndicators(qual('产出指标', '质量指标', '系统运行稳定运行', '安全稳定')),
      'repeated',
    ],
    [
      'a word doubled in a name',
      plusIndicators(qual('产出指标', '质量指标', '宣传宣传活动', '完成')),
      'repeated',
    ],
    [
      'the name phrase with a swapped character',
      {
        form: { name: '药品智能化监管检测信息系统（运维）' },
        ...replacingSections({ 1: '根据《关于加强药品监管监测工作的实施方案》' }),
      },
      'inconsistent',
    ],
  ])('reports %s', (_name, input, kind) => {
    const findings = runRule(rule, { project: input });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain(
      {
        typo: '疑为「按时」之误',
        unbalanced: '书名号不配对',
        garbledTitle: '疑有错漏字',
        repeated: '重复出现',
        inconsistent: '用字不一致',
      }[kind],
    );
  });

  it('says where and what', () => {
    const findings = runRule(rule, {
      project: plusIndicators(qual('效益指标', '可持续影响指标', '完时完成任务', '及时完成')),
    });
    expect(findings).toEqual([
      {
        ruleId: 'FMT-06',
        severity: 'info',
        message: '指标「完时完成任务」中「完时」疑为「按时」之误。',
        path: 'projects[0].form.indicators[6]',
        data: { field: '指标「完时完成任务」', wrong: '完时', right: '按时' },
      },
    ]);
  });

  it('finds P01 (17 《, 18 》), P03 (监管检测/监管监测), P06 (系统运行稳定运行) and P09 (完时) in the Songjiang fixture', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    const counts = countByProject(findings);
    expect(Object.keys(counts).sort()).toEqual(['P01', 'P03', 'P06', 'P09']);
    const byProject = (i: number) =>
      findings.filter((f) => f.path.startsWith(`projects[${i}]`)).map((f) => f.data);
    expect(byProject(0)).toContainEqual(
      expect.objectContaining({ open: '《', openCount: 17, closeCount: 18 }),
    );
    expect(byProject(2)).toContainEqual(
      expect.objectContaining({ nameWord: '监管检测', textWord: '监管监测' }),
    );
    expect(byProject(5)).toContainEqual(expect.objectContaining({ word: '运行', text: '系统运行稳定运行' }));
    expect(byProject(8)).toContainEqual(expect.objectContaining({ wrong: '完时', right: '按时' }));
    // 联网应工作 for 联网应用工作, cited in P01 and P06
    expect(findings.filter((f) => f.data.known !== undefined).map((f) => f.path)).toEqual([
      'projects[0].explanation.sections[1]',
      'projects[5].explanation.sections[1]',
    ]);
  });
});

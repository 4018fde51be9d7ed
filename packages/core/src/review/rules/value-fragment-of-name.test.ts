import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../testdata/fixture.ts';
import { reviewDisclosure } from '../engine.ts';
import { runRule } from '../testing.ts';
import { countByProject, plusIndicators, qual } from './_wording-testkit.ts';
import rule from './value-fragment-of-name.ts';

const row = (name: string, text: string) => ({
  project: plusIndicators(qual('产出指标', '质量指标', name, text)),
});

describe('FMT-02 value-fragment-of-name', () => {
  it.each([
    ['the base project', {}],
    ['a value equal to the name (FMT-01)', row('完成各项任务', '完成各项任务')],
    ['a value with its own words', row('网站服务器运行情况', '正常')],
    ['a value longer than the name', row('软件应用', '软件应用覆盖全部街镇')],
    ['an empty value', row('完成各项任务', '')],
  ])('passes %s', (_name, input) => {
    expect(runRule(rule, input)).toEqual([]);
  });

  it.each([
    ['完成各项任务 / 完成', row('完成各项任务', '完成')],
    ['确保社会面安全稳定 / 安全稳定', row('确保社会面安全稳定', '安全稳定')],
    ['the end of the name', row('培训课时安排合理', '合理')],
  ])('reports %s', (_name, input) => {
    expect(runRule(rule, input)).toHaveLength(1);
  });

  it('names the indicator and the fragment', () => {
    const [finding] = runRule(rule, row('完成各项任务', '完成'));
    expect(finding).toMatchObject({
      ruleId: 'FMT-02',
      severity: 'info',
      path: 'projects[0].form.indicators[6]',
      message: '「完成各项任务」的指标值「完成」只是名称的一部分，没有说明达到什么程度、如何评价。',
    });
  });

  it('finds the 8 fragment values of the Songjiang fixture', () => {
    const findings = reviewDisclosure(fixture, undefined, [rule]);
    expect(findings).toHaveLength(8);
    expect(countByProject(findings)).toEqual({ P01: 2, P02: 2, P03: 1, P05: 1, P07: 1, P09: 1 });
  });
});

/**
 * Test kit for rules: one valid base project (passes every rule) and patches over it, in canonical
 * JSON form (yuan strings), so test cases stay literal and readable.
 */

import { type Disclosure, type DisclosureJson, decodeDisclosure } from '../model/schema.ts';
import { reviewDisclosure } from './engine.ts';
import type { Finding, ReviewProfile, Rule } from './types.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export const BASE_PROJECT_JSON = {
  explanation: {
    sections: [
      { number: '一', title: '项目概述', text: '对社区矫正信息系统进行日常运行维护，保障系统稳定运行。' },
      { number: '二', title: '立项依据', text: '根据《上海市社区矫正实施办法》及部门职能要求。' },
      { number: '三', title: '实施主体', text: '第三方服务机构' },
      { number: '四', title: '实施方案', text: '按月开展系统巡检，发生故障时及时处置并形成记录。' },
      { number: '五', title: '实施周期', text: '2024年1月至2024年12月。' },
      { number: '六', title: '年度预算安排', text: '预算1000000.00元。' },
      { number: '七', title: '绩效目标', text: '（详见单位的项目绩效目标表）' },
    ],
    budgetYuan: '1000000.00',
  },
  form: {
    title: '财政项目支出绩效目标申报表',
    year: 2024,
    name: '社区矫正信息系统运维',
    nature: '其他经常性项目',
    category: '其他运转类',
    competentDepartment: '上海市某区司法局',
    implementingUnit: '上海市某区司法局（本级）',
    startDate: '2024-01-01',
    endDate: '2024-12-31',
    funds: {
      total: '1000000.00',
      fiscal: '1000000.00',
      other: '0.00',
      annualTotal: '1000000.00',
      currentYearAppropriation: '1000000.00',
      priorYearCarryover: '0.00',
      annualOther: '0.00',
    },
    overallGoal: '',
    annualGoal: '保障社区矫正信息系统稳定运行，完成系统巡检和故障处置，提升矫正对象管理效率。',
    indicators: [
      {
        level1: '成本指标',
        level2: '经济成本指标',
        name: '项目成本',
        kind: 'quantitative',
        operator: '≤',
        value: '1000000.00',
        unit: '元',
      },
      {
        level1: '产出指标',
        level2: '数量指标',
        name: '系统巡检',
        kind: 'quantitative',
        operator: '≥',
        value: '12.00',
        unit: '次',
      },
      {
        level1: '产出指标',
        level2: '质量指标',
        name: '故障处置及时率',
        kind: 'quantitative',
        operator: '≥',
        value: '95.00',
        unit: '%',
      },
      {
        level1: '产出指标',
        level2: '时效指标',
        name: '故障响应时间',
        kind: 'quantitative',
        operator: '≤',
        value: '2.00',
        unit: '小时',
      },
      {
        level1: '效益指标',
        level2: '社会效益指标',
        name: '矫正对象管理效率提升',
        kind: 'quantitative',
        operator: '≥',
        value: '10.00',
        unit: '%',
      },
      {
        level1: '满意度指标',
        level2: '服务对象满意度指标',
        name: '系统使用人员满意度',
        kind: 'quantitative',
        operator: '≥',
        value: '90.00',
        unit: '%',
      },
    ],
  },
} as const satisfies Json;

/** A disclosure holding `projects` (canonical JSON) with a consistent summary. */
export function baseDisclosureJson(
  projects: Json[] = [BASE_PROJECT_JSON as unknown as Json],
): DisclosureJson {
  return {
    format: 'jixiao.disclosure/1',
    year: 2024,
    department: '上海市某区司法局',
    summary: null,
    projects: projects as DisclosureJson['projects'],
  };
}

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep merge: objects merge, arrays and scalars replace. */
export function patch<T>(base: T, over: unknown): T {
  if (!isObject(base) || !isObject(over)) return (over === undefined ? base : over) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = patch((base as Record<string, unknown>)[k], v);
  return out as T;
}

/** The base project with a patch applied (canonical JSON). */
export function projectJson(over: unknown = {}): Json {
  return patch(BASE_PROJECT_JSON as unknown as Json, over);
}

/**
 * A case in a rule's table or a doc example: either `{ project: patch }` (one project) or
 * `{ disclosure: patch }` where `disclosure.projects` is a list of project patches.
 */
export interface CaseInput {
  project?: unknown;
  disclosure?: { projects?: unknown[]; [k: string]: unknown };
}

/** Builds the model for a case. */
export function buildCase(input: CaseInput): Disclosure {
  if (input.disclosure) {
    const { projects = [{}], ...rest } = input.disclosure;
    return decodeDisclosure(patch(baseDisclosureJson(projects.map((p) => projectJson(p))), rest));
  }
  return decodeDisclosure(baseDisclosureJson([projectJson(input.project ?? {})]));
}

/** Runs one rule on a case and returns its findings. */
export function runRule(rule: Rule, input: CaseInput, profile?: ReviewProfile): Finding[] {
  return reviewDisclosure(buildCase(input), profile, [rule]);
}

/**
 * The form's fields named as the 申报表 names them, for screens, comments and diffs that must say
 * which field a path means (`form.funds.annualOther` → 其他资金（年度资金）). Where the paper form
 * prints one label twice (其他资金 under 项目资金 and under 年度资金), the name says which.
 */
import type { FundField } from './schema.ts';

export const FORM_FIELD_LABELS: Readonly<Record<string, string>> = {
  title: '表头标题',
  year: '年度',
  name: '项目名称',
  nature: '项目性质',
  category: '项目类别',
  competentDepartment: '主管部门',
  implementingUnit: '实施单位',
  startDate: '计划开始日期',
  endDate: '计划完成日期',
  funds: '项目资金',
  overallGoal: '总体目标',
  annualGoal: '年度目标',
  indicators: '绩效指标',
};

export const FUND_FIELD_LABELS: Readonly<Record<FundField, string>> = {
  total: '项目资金总额',
  fiscal: '财政资金',
  other: '其他资金（项目资金）',
  annualTotal: '年度资金申请总额',
  currentYearAppropriation: '当年财政拨款',
  priorYearCarryover: '上年结转资金',
  annualOther: '其他资金（年度资金）',
};

export const INDICATOR_FIELD_LABELS: Readonly<Record<string, string>> = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  kind: '指标类型',
  operator: '比较符',
  value: '指标值',
  unit: '计量单位',
  text: '指标值（定性）',
};

export const SECTION_FIELD_LABELS: Readonly<Record<string, string>> = {
  number: '编号',
  title: '标题',
  text: '内容',
};

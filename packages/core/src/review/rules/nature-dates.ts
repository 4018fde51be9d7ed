import { defineRule } from '../define-rule.ts';

/**
 * CLS-01: 项目性质 fits the planned dates. A 阶段性项目 runs over more than one budget year; an
 * 经常性 or 一次性 project's dates lie inside the budget year of its form.
 */
export default defineRule({
  id: 'CLS-01',
  slug: 'nature-dates',
  category: '可行性',
  severity: 'warn',
  description: '项目性质应与计划起止日期相符：阶段性项目跨年度，经常性、一次性项目在预算年度内。',
  messages: {
    reversed: '计划完成日期 {endDate} 早于计划开始日期 {startDate}。',
    phasedInOneYear: '项目性质为「{nature}」，但计划起止日期 {startDate} 至 {endDate} 在同一年内。',
    outsideYear: '项目性质为「{nature}」，但计划起止日期 {startDate} 至 {endDate} 超出 {year} 预算年度。',
  },
  check({ project, report }) {
    const { nature, startDate, endDate, year } = project.form;
    const dates = { nature, startDate, endDate, year };
    if (endDate < startDate) {
      report('reversed', dates, 'form.endDate'); // ISO dates compare as strings
      return;
    }
    const startYear = Number(startDate.slice(0, 4));
    const endYear = Number(endDate.slice(0, 4));
    if (nature.includes('阶段性')) {
      if (startYear === endYear) report('phasedInOneYear', dates, 'form.nature');
    } else if (nature.includes('经常性') || nature.includes('一次性')) {
      if (startYear !== year || endYear !== year) report('outsideYear', dates, 'form.nature');
    }
  },
});

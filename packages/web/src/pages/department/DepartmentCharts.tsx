/**
 * The department's three charts: annual funds per project (万元), indicators by 一级/二级 category,
 * and review findings by rule. Each is an `EChart` (echarts loaded on first draw) with a data table
 * as its text alternative. Amounts stay exact strings for the tables and labels; the bar lengths are
 * the only numbers handed to echarts.
 */
import { LEVEL1_NAMES, LEVEL2_NAMES, RULES_BY_ID, yuanToFen } from '@jixiao/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import type { DisclosureJson, Finding, ProjectListItem } from '../../api.ts';
import { EChart } from '../../components/charts/EChart.tsx';
import { fenToWan } from '../../format.ts';

const RED = '#b7312c';
const tableStyle = { borderCollapse: 'collapse' } as const;

/** Long project names cut for the axis; the tooltip and the table have them whole. */
const AXIS_LABEL = { width: 240, overflow: 'truncate', ellipsis: '…' } as const;

export function BudgetChart({ projects }: { projects: readonly ProjectListItem[] }) {
  const rows = useMemo(
    () =>
      projects
        .map((p) => ({
          id: p.id,
          name: p.name,
          fen: p.annualTotal === null ? null : yuanToFen(p.annualTotal),
        }))
        .filter((r): r is { id: number; name: string; fen: number } => r.fen !== null)
        .sort((a, b) => b.fen - a.fen)
        .map((r) => ({ ...r, wan: fenToWan(r.fen) })),
    [projects],
  );
  const option = useMemo<EChartsCoreOption>(() => {
    // echarts draws categories bottom-up: reverse so the largest is on top
    const shown = [...rows].reverse();
    return {
      animation: false,
      grid: { left: 8, right: 72, top: 8, bottom: 28 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => `${v} 万元`,
      },
      xAxis: { type: 'value', name: '万元', nameLocation: 'end', nameGap: 8 },
      yAxis: { type: 'category', data: shown.map((r) => r.name), axisLabel: AXIS_LABEL },
      series: [
        {
          type: 'bar',
          name: '年度资金',
          data: shown.map((r) => Number(r.wan)),
          itemStyle: { color: RED },
          barMaxWidth: 18,
          label: {
            show: true,
            position: 'right',
            formatter: (p: { dataIndex: number }) => shown[p.dataIndex]?.wan,
          },
        },
      ],
    };
  }, [rows]);
  const top = rows[0];
  const summary =
    rows.length === 0
      ? '没有项目'
      : `${rows.length} 个项目的年度资金（万元）条形图，最多的是「${top?.name}」${top?.wan} 万元。`;
  return (
    <EChart
      title="预算（按项目，万元）"
      summary={summary}
      option={option}
      height={Math.max(160, rows.length * 30 + 48)}
      empty={rows.length === 0 ? '本年度没有填了年度资金的项目' : undefined}
    >
      <table style={tableStyle}>
        <caption>各项目年度资金（万元）</caption>
        <thead>
          <tr>
            <th scope="col">项目</th>
            <th scope="col">年度资金（万元）</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.name}</th>
              <td>{r.wan}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </EChart>
  );
}

interface CategoryRow {
  level1: string;
  level2: string;
  label: string;
  count: number;
}

/** Indicator counts by 一级 then 二级, in the frameworks' order (unknown names last). */
export function countIndicators(disclosure: DisclosureJson | undefined): CategoryRow[] {
  const counts = new Map<string, CategoryRow>();
  for (const p of disclosure?.projects ?? []) {
    for (const ind of p.form.indicators) {
      const key = `${ind.level1}\u0000${ind.level2}`;
      const row = counts.get(key) ?? { level1: ind.level1, level2: ind.level2, label: ind.level2, count: 0 };
      row.count++;
      counts.set(key, row);
    }
  }
  const order = (list: readonly string[], name: string) => {
    const i = list.indexOf(name);
    return i < 0 ? list.length : i;
  };
  const rows = [...counts.values()].sort(
    (a, b) =>
      order(LEVEL1_NAMES, a.level1) - order(LEVEL1_NAMES, b.level1) ||
      a.level1.localeCompare(b.level1, 'zh') ||
      order(LEVEL2_NAMES, a.level2) - order(LEVEL2_NAMES, b.level2) ||
      a.level2.localeCompare(b.level2, 'zh'),
  );
  // a 二级 name under two 一级 (成本指标 in older forms) gets its 一级 added, so labels stay distinct
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(r.level2, (seen.get(r.level2) ?? 0) + 1);
  for (const r of rows) if ((seen.get(r.level2) ?? 0) > 1) r.label = `${r.level2}（${r.level1}）`;
  return rows;
}

const LEVEL1_COLORS = ['#8c8c8c', '#1677ff', '#52c41a', '#faad14', '#722ed1'];

export function IndicatorChart({ disclosure }: { disclosure: DisclosureJson | undefined }) {
  const rows = useMemo(() => countIndicators(disclosure), [disclosure]);
  const level1s = useMemo(() => [...new Set(rows.map((r) => r.level1))], [rows]);
  const totals = useMemo(() => {
    const t = new Map<string, number>();
    for (const r of rows) t.set(r.level1, (t.get(r.level1) ?? 0) + r.count);
    return t;
  }, [rows]);
  const option = useMemo<EChartsCoreOption>(() => {
    const shown = [...rows].reverse();
    return {
      animation: false,
      grid: { left: 8, right: 40, top: 36, bottom: 28 },
      legend: {
        top: 0,
        data: level1s,
        formatter: (name: string) => `${name}（${totals.get(name) ?? 0}）`,
      },
      tooltip: {
        trigger: 'item',
        // echarts puts the formatter's string in as HTML: names from the forms are escaped
        formatter: (p: { seriesName: string; name: string; value: unknown }) =>
          `${escapeHtml(p.seriesName)}：${escapeHtml(p.name)} ${p.value} 个`,
      },
      xAxis: { type: 'value', name: '个', minInterval: 1 },
      yAxis: { type: 'category', data: shown.map((r) => r.label), axisLabel: AXIS_LABEL },
      series: level1s.map((level1) => ({
        type: 'bar',
        name: level1,
        stack: 'all',
        barMaxWidth: 18,
        itemStyle: { color: LEVEL1_COLORS[LEVEL1_NAMES.includes(level1) ? LEVEL1_NAMES.indexOf(level1) : 4] },
        label: { show: true, position: 'right' },
        data: shown.map((r) => (r.level1 === level1 ? r.count : '-')),
      })),
    };
  }, [rows, level1s, totals]);
  const total = rows.reduce((s, r) => s + r.count, 0);
  const summary =
    total === 0
      ? '没有指标'
      : `共 ${total} 个指标：${level1s.map((l) => `${l} ${totals.get(l)} 个`).join('，')}；条形按二级指标分列。`;
  return (
    <EChart
      title="指标（按一级/二级类别）"
      summary={summary}
      option={option}
      height={Math.max(160, rows.length * 28 + 72)}
      empty={total === 0 ? '本年度的项目还没有指标' : undefined}
    >
      <table style={tableStyle}>
        <caption>各类别指标个数</caption>
        <thead>
          <tr>
            <th scope="col">一级指标</th>
            <th scope="col">二级指标</th>
            <th scope="col">个数</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.level1}/${r.level2}`}>
              <td>{r.level1}</td>
              <td>{r.level2}</td>
              <td>{r.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </EChart>
  );
}

const SEVERITIES = [
  ['error', '错误', '#cf1322'],
  ['warn', '警告', '#fa8c16'],
  ['info', '提示', '#1677ff'],
] as const;

interface RuleRow {
  ruleId: string;
  description: string;
  error: number;
  warn: number;
  info: number;
  total: number;
}

export function countFindings(findings: readonly Pick<Finding, 'ruleId' | 'severity'>[]): RuleRow[] {
  const rows = new Map<string, RuleRow>();
  for (const f of findings) {
    const row = rows.get(f.ruleId) ?? {
      ruleId: f.ruleId,
      description: RULES_BY_ID.get(f.ruleId)?.description ?? '',
      error: 0,
      warn: 0,
      info: 0,
      total: 0,
    };
    row[f.severity]++;
    row.total++;
    rows.set(f.ruleId, row);
  }
  return [...rows.values()].sort((a, b) => b.total - a.total || a.ruleId.localeCompare(b.ruleId));
}

export function FindingsChart({ findings }: { findings: readonly Finding[] | undefined }) {
  const rows = useMemo(() => countFindings(findings ?? []), [findings]);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      animation: false,
      grid: { left: 8, right: 16, top: 36, bottom: 8 },
      legend: { top: 0, data: SEVERITIES.map(([, name]) => name) },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: { dataIndex: number; seriesName: string; value: unknown }[]) => {
          const row = rows[params[0]?.dataIndex ?? -1];
          if (!row) return '';
          const counts = params
            .filter((p) => typeof p.value === 'number' && p.value > 0)
            .map((p) => `${p.seriesName} ${p.value}`)
            .join('，');
          // echarts puts the formatter's string in as HTML: the description is escaped
          return `${escapeHtml(row.ruleId)} ${escapeHtml(row.description)}<br>${counts}`;
        },
      },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.ruleId),
        axisLabel: { rotate: rows.length > 8 ? 45 : 0 },
      },
      yAxis: { type: 'value', name: '条', minInterval: 1 },
      series: SEVERITIES.map(([key, name, color]) => ({
        type: 'bar',
        name,
        stack: 'all',
        barMaxWidth: 28,
        itemStyle: { color },
        data: rows.map((r) => (r[key] > 0 ? r[key] : '-')),
      })),
    }),
    [rows],
  );
  const total = rows.reduce((s, r) => s + r.total, 0);
  const summary =
    total === 0
      ? '审核没有发现问题'
      : `审核发现 ${total} 条问题，涉及 ${rows.length} 条规则；最多的是 ${rows[0]?.ruleId}（${rows[0]?.total} 条）。`;
  return (
    <EChart
      title="问题（按规则）"
      summary={summary}
      option={option}
      height={260}
      empty={findings === undefined ? '正在审核…' : total === 0 ? '审核没有发现问题' : undefined}
    >
      <table style={tableStyle}>
        <caption>各规则的审核发现条数</caption>
        <thead>
          <tr>
            <th scope="col">规则</th>
            <th scope="col">说明</th>
            {SEVERITIES.map(([key, name]) => (
              <th scope="col" key={key}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.ruleId}>
              <th scope="row">{r.ruleId}</th>
              <td>{r.description}</td>
              <td>{r.error}</td>
              <td>{r.warn}</td>
              <td>{r.info}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </EChart>
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * 新建项目 (`/projects/new`, preparers): a blank 申报表 for the preparer's unit in a budget year
 * open for compiling (`?year=` chooses another), saved as a new draft project.
 */
import { Result, Select, Space, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import type { BudgetYear } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useBudgetYears } from '../../years.ts';

/** The editor (with the rules it runs) loads after the page's year picker shows. */
const ProjectEditor = lazy(() => import('./ProjectEditor.tsx').then((m) => ({ default: m.ProjectEditor })));

/** The years one may create a project in: the open ones listed, and next year (unlisted = open). */
/** The years a project can be created in: the open listed years and next year (unless closed). */
function openYears(listed: readonly BudgetYear[]): number[] {
  const next = new Date().getFullYear() + 1;
  const closed = new Set(listed.filter((y) => !y.open).map((y) => y.year));
  const years = new Set(listed.filter((y) => y.open).map((y) => y.year));
  if (!closed.has(next)) years.add(next);
  return [...years].sort((a, b) => b - a);
}

export default function NewProjectPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const years = useBudgetYears(me.scope.regionId);
  if (me.user.role !== 'preparer' || me.scope.unitId === null) {
    return <Result status="403" title="只有预算单位的填报人可以新建项目" />;
  }
  if (years.isPending) return <Loading />;
  const choices = openYears(years.data ?? []);
  const asked = Number(params.get('year'));
  // the latest open year the region lists (the one being compiled), else next year
  const listedOpen = (years.data ?? []).filter((y) => y.open).map((y) => y.year);
  const fallback = listedOpen.length > 0 ? Math.max(...listedOpen) : choices[0];
  const year = choices.includes(asked) ? asked : fallback;
  if (year === undefined) return <Result status="warning" title="目前没有开放编报的预算年度" />;
  return (
    <div>
      <Space align="center" style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          新建项目
        </Typography.Title>
        <label htmlFor="jx-new-year">预算年度</label>
        <Select
          id="jx-new-year"
          value={year}
          options={choices.map((y) => ({ value: y, label: `${y} 年度` }))}
          onChange={(y: number) => setParams({ year: String(y) }, { replace: true })}
          style={{ width: 120 }}
        />
        <Typography.Text type="secondary">{me.organization.name}</Typography.Text>
      </Space>
      {/* a new year is a new blank form: the key starts the editor afresh */}
      <Suspense fallback={<Loading tip="正在加载申报表…" />}>
        <ProjectEditor key={year} detail={null} create={{ year }} editable />
      </Suspense>
    </div>
  );
}

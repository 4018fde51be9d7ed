/**
 * 部门汇总 for finance and the admin (`/departments`): the region's departments, each with its
 * project count and 年度资金 for the year, linking to its summary page; and the budget years, which
 * finance opens and closes for compiling. A department reviewer goes straight to their own department.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Card, Empty, List, Select, Space, Statistic, Switch, Typography } from 'antd';
import { Link, Navigate, useSearchParams } from 'react-router';
import { api, type BudgetYear } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { Loading } from '../../components/Loading.tsx';
import { pickYear, useBudgetYears, yearChoices } from '../../years.ts';
import { useOrganizations, useProjectList } from '../projects/common.ts';

function DepartmentFigures({ departmentId, year }: { departmentId: number; year: number }) {
  const list = useProjectList({ departmentId, year, pageSize: 1 });
  if (!list.data) return <Typography.Text type="secondary">…</Typography.Text>;
  return (
    <Space size={32}>
      <Statistic title="项目" value={list.data.total} suffix="个" />
      <Statistic title="年度资金合计" value={list.data.totalWan} suffix="万元" />
    </Space>
  );
}

/** The region's budget years with a switch each: open for compiling, or closed (review goes on). */
function BudgetYears({ regionId, listed }: { regionId: number; listed: readonly BudgetYear[] }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const toggle = useMutation({
    mutationFn: ({ year, open }: { year: number; open: boolean }) =>
      api.put<BudgetYear>(`/api/regions/${regionId}/budget-years/${year}`, { open }),
    onSuccess: async (y) => {
      message.success(`${y.year} 年已${y.open ? '开放' : '关闭'}编报`);
      await client.invalidateQueries({ queryKey: ['budget-years', regionId] });
    },
    onError: (e) => message.error(e.message),
  });
  const next = new Date().getFullYear() + 1;
  const years = [...listed];
  if (!years.some((y) => y.year === next)) years.push({ regionId, year: next, open: true });
  years.sort((a, b) => b.year - a.year);
  return (
    <Card title="编报年度" size="small">
      <Typography.Paragraph type="secondary">
        关闭的年度不能再新建、导入、修改或提交项目；审核、评级和公开照常进行。未列出的年度默认开放。
      </Typography.Paragraph>
      <Space direction="vertical">
        {years.map((y) => (
          <Space key={y.year}>
            <Switch
              id={`year-${y.year}`}
              checked={y.open}
              loading={toggle.isPending && toggle.variables?.year === y.year}
              onChange={(open) => toggle.mutate({ year: y.year, open })}
            />
            <label htmlFor={`year-${y.year}`}>{y.year} 年开放编报</label>
          </Space>
        ))}
      </Space>
    </Card>
  );
}

export default function DepartmentIndex() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const years = useBudgetYears(me.scope.regionId);
  const orgs = useOrganizations();
  if (me.scope.departmentId !== null)
    return <Navigate to={`/departments/${me.scope.departmentId}`} replace />;
  if (!orgs.data || years.isPending) return <Loading />;
  const year = pickYear(params.get('year'), years.data);
  const departments = orgs.data.filter((o) => o.kind === 'department');
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            部门汇总
          </Typography.Title>
        }
        extra={
          <Select
            aria-label="预算年度"
            value={year}
            options={yearChoices(years.data, year)}
            onChange={(y) => setParams({ year: String(y) })}
            style={{ width: 180 }}
          />
        }
      >
        {departments.length === 0 ? (
          <Empty description="本地区还没有部门" />
        ) : (
          <List
            dataSource={departments}
            renderItem={(d) => (
              <List.Item
                actions={[
                  <Link key="open" to={`/departments/${d.id}?year=${year}`}>
                    查看{d.name}的汇总
                  </Link>,
                ]}
              >
                <List.Item.Meta title={<Link to={`/departments/${d.id}?year=${year}`}>{d.name}</Link>} />
                <DepartmentFigures departmentId={d.id} year={year} />
              </List.Item>
            )}
          />
        )}
      </Card>
      {me.user.role === 'finance_reviewer' || me.user.role === 'admin' ? (
        <BudgetYears regionId={me.scope.regionId} listed={years.data ?? []} />
      ) : null}
    </Space>
  );
}

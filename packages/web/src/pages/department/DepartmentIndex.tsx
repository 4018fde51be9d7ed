/**
 * 部门汇总 for finance and the admin (`/departments`): the region's departments, each with its
 * project count and 年度资金 for the year, linking to its summary page. A department reviewer goes
 * straight to their own department.
 */
import { Card, Empty, List, Select, Space, Statistic, Typography } from 'antd';
import { Link, Navigate, useSearchParams } from 'react-router';
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
  );
}

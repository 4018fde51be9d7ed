/** `/public`: every published disclosure (no login), newest first, with its summary figures. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type PublicationInfo } from '../../api.ts';
import { showTime } from '../../format.ts';
import { PublicFrame } from './PublicHeader.tsx';

export default function PublicList() {
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ? Number(params.get('year')) : undefined;
  const list = useQuery({
    queryKey: ['publications', {}],
    queryFn: () => api.get<{ items: PublicationInfo[] }>('/api/public/publications'),
    select: (r) => r.items,
  });
  const years = useMemo(
    () => [...new Set((list.data ?? []).map((p) => p.year))].sort((a, b) => b - a),
    [list.data],
  );
  const items = (list.data ?? []).filter((p) => year === undefined || p.year === year);
  const columns: ColumnsType<PublicationInfo> = [
    {
      title: '部门',
      dataIndex: 'departmentName',
      render: (name: string, p) => <Link to={`/public/${p.id}`}>{name}</Link>,
    },
    { title: '年度', dataIndex: 'year', width: 80, render: (y: number) => `${y} 年` },
    { title: '版本', dataIndex: 'version', width: 80, render: (v: number) => `第 ${v} 版` },
    { title: '发布时间', dataIndex: 'publishedAt', width: 160, render: (t: string) => showTime(t) },
    { title: '项目数', key: 'projects', width: 80, align: 'right', render: (_, p) => p.summary.projectCount },
    {
      title: '预算单位数',
      key: 'units',
      width: 100,
      align: 'right',
      render: (_, p) => p.summary.budgetUnitCount,
    },
    { title: '合计（万元）', key: 'total', width: 130, align: 'right', render: (_, p) => p.summary.totalWan },
    {
      title: '大额项目',
      key: 'large',
      width: 150,
      render: (_, p) =>
        p.summary.largeProjectCount === null
          ? '—'
          : `${p.summary.largeThresholdWan ?? '1000'} 万元以上 ${p.summary.largeProjectCount} 个`,
    },
    {
      title: '操作',
      key: 'open',
      width: 90,
      render: (_, p) => (
        <Link to={`/public/${p.id}`} aria-label={`查看 ${p.departmentName} ${p.year} 年第 ${p.version} 版`}>
          查看
        </Link>
      ),
    },
  ];
  return (
    <PublicFrame>
      <Card>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
            <Typography.Title level={3} style={{ margin: 0, flex: '1 1 auto' }}>
              已公开的项目绩效目标
            </Typography.Title>
            <Select
              aria-label="年度"
              allowClear
              placeholder="全部年度"
              value={year}
              style={{ width: 160 }}
              options={years.map((y) => ({ value: y, label: `${y} 年` }))}
              onChange={(y?: number) => setParams(y ? { year: String(y) } : {})}
            />
          </div>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            各部门发布的项目预算绩效目标，内容为发布时的版本；可在线查看、打印或下载。
          </Typography.Paragraph>
          {list.isError ? (
            <Alert type="error" showIcon message="公开文件列表未能加载" description={list.error.message} />
          ) : (
            <Table
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={items}
              loading={list.isPending}
              pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              locale={{ emptyText: '暂无公开文件' }}
            />
          )}
        </Space>
      </Card>
    </PublicFrame>
  );
}

/**
 * 流转记录: every workflow step of the project — who, in which role, when, what, from which status to
 * which, on which revision, with the opinion (returns and rejections stand out) and the grade.
 */
import { ACTION_NAMES, ROLE_NAMES, type Role, type WorkflowAction } from '@jixiao/core';
import { Alert, Space, Table, Tag, Typography } from 'antd';
import type { Transition } from '../../api.ts';
import { StatusTag } from '../../components/StatusTag.tsx';
import { showTime } from '../../format.ts';
import { useTransitions } from './queries.ts';

const isSetback = (t: Transition) => t.toStatus === 'returned' || t.toStatus === 'rejected';

export function HistoryTab({ projectId }: { projectId: number }) {
  const list = useTransitions(projectId);
  if (list.error) return <Alert type="error" showIcon message={list.error.message} />;
  const items = [...(list.data ?? [])].reverse();
  return (
    <Table<Transition>
      rowKey="id"
      size="middle"
      loading={list.isPending}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: '尚无流转记录（项目仍为草稿，未提交过）' }}
      onRow={(t) => (isSetback(t) ? { style: { background: '#fff1f0' } } : {})}
      scroll={{ x: 900 }}
      columns={[
        { title: '时间', dataIndex: 'createdAt', width: 150, render: (t: string) => showTime(t) },
        {
          title: '办理人',
          key: 'actor',
          width: 200,
          render: (_, t) => (
            <Space direction="vertical" size={0}>
              <span>{t.actorName}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {ROLE_NAMES[t.actorRole as Role] ?? t.actorRole}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: '操作',
          dataIndex: 'action',
          width: 120,
          render: (a: string, t) => (
            <Typography.Text strong type={isSetback(t) ? 'danger' : undefined}>
              {ACTION_NAMES[a as WorkflowAction] ?? a}
            </Typography.Text>
          ),
        },
        {
          title: '状态变化',
          key: 'status',
          width: 220,
          render: (_, t) => (
            <Space size={2}>
              <StatusTag status={t.fromStatus} />
              <span role="img" aria-label="变为">
                →
              </span>
              <StatusTag status={t.toStatus} />
            </Space>
          ),
        },
        {
          title: '修订',
          dataIndex: 'revisionNumber',
          width: 90,
          render: (n: number) => `第 ${n} 版`,
        },
        {
          title: '评级',
          dataIndex: 'grade',
          width: 64,
          render: (g: string | null) =>
            g ? <Tag color={g === '中' || g === '差' ? 'red' : 'green'}>{g}</Tag> : '—',
        },
        {
          title: '意见',
          dataIndex: 'opinion',
          render: (o: string, t) =>
            o === '' ? (
              <Typography.Text type="secondary">—</Typography.Text>
            ) : isSetback(t) ? (
              <Typography.Text type="danger" strong style={{ whiteSpace: 'pre-wrap' }}>
                {t.toStatus === 'rejected' ? '未通过理由' : '退回原因'}：{o}
              </Typography.Text>
            ) : (
              <span style={{ whiteSpace: 'pre-wrap' }}>{o}</span>
            ),
        },
      ]}
    />
  );
}

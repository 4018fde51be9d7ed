/**
 * 修订对比: the project's revisions (who saved each, when, why) and what changed between two of them,
 * field by field with the form's own names (`指标「用户满意率」· 指标值`), before and after marked.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Diff, type ProjectJson, type Revision } from '../../api.ts';
import { fieldLabel, type RowLike, valueText } from '../../fieldNames.ts';
import { showTime, showYuan } from '../../format.ts';
import { useProjectDetail } from './queries.ts';

type Change = Diff['changes'][number];

export function useRevisions(projectId: number) {
  return useQuery({
    queryKey: ['project', projectId, 'revisions'],
    queryFn: () => api.get<{ items: Revision[] }>(`/api/projects/${projectId}/revisions`),
    select: (r) => r.items,
  });
}

export function RevisionsTab({ projectId, currentRevision }: { projectId: number; currentRevision: number }) {
  const revisions = useRevisions(projectId);
  const [picked, setPicked] = useState<{ from?: number; to?: number }>({});
  const to = picked.to ?? currentRevision;
  const from = picked.from ?? Math.max(1, to - 1);
  const items = revisions.data ?? [];
  const choices = items.map((r) => ({
    value: r.number,
    label: `第 ${r.number} 版 · ${showTime(r.createdAt)}${r.note ? ` · ${r.note}` : ''}`,
  }));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title="修订记录">
        {revisions.error && <Alert type="error" showIcon message={revisions.error.message} />}
        <Table<Revision>
          rowKey="number"
          size="small"
          loading={revisions.isPending}
          dataSource={[...items].reverse()}
          pagination={false}
          columns={[
            {
              title: '修订',
              dataIndex: 'number',
              width: 150,
              render: (n: number) => (
                <Space size={4}>
                  第 {n} 版{n === currentRevision && <Tag color="blue">当前</Tag>}
                </Space>
              ),
            },
            { title: '保存时间', dataIndex: 'createdAt', width: 160, render: (t: string) => showTime(t) },
            {
              title: '保存人',
              dataIndex: 'createdByName',
              width: 180,
              render: (name: string | null) => name ?? '—',
            },
            { title: '说明', dataIndex: 'note', render: (n: string) => n || '—' },
            {
              title: '操作',
              key: 'view',
              width: 200,
              render: (_, r) => (
                <Space>
                  <Link to={r.number === currentRevision ? '?tab=form' : `?revision=${r.number}&tab=form`}>
                    查看第 {r.number} 版
                  </Link>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title="对比两个修订">
        {items.length < 2 && !revisions.isPending ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="只有一个修订，没有可对比的内容" />
        ) : (
          <>
            <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
              <Form.Item label="旧修订" htmlFor="diff-from">
                <Select
                  id="diff-from"
                  style={{ width: 300 }}
                  value={from}
                  options={choices}
                  onChange={(v: number) => setPicked({ from: v, to })}
                />
              </Form.Item>
              <Form.Item label="新修订" htmlFor="diff-to">
                <Select
                  id="diff-to"
                  style={{ width: 300 }}
                  value={to}
                  options={choices}
                  onChange={(v: number) => setPicked({ from, to: v })}
                />
              </Form.Item>
            </Form>
            {from === to ? (
              <Typography.Text type="secondary">请选择两个不同的修订。</Typography.Text>
            ) : (
              <DiffTable projectId={projectId} from={from} to={to} />
            )}
          </>
        )}
      </Card>
    </Space>
  );
}

const MONEY = /^(form\.funds\.\w+|explanation\.budgetYuan)$/;
const ROW = /^(form\.indicators|explanation\.sections)\[\d+\]$/;

function shown(path: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (MONEY.test(path) && typeof value === 'string') return `${showYuan(value)} 元`;
  if (path.endsWith('.kind'))
    return value === 'quantitative' ? '定量' : value === 'qualitative' ? '定性' : String(value);
  return valueText(value);
}

function DiffTable({ projectId, from, to }: { projectId: number; from: number; to: number }) {
  const diff = useQuery({
    queryKey: ['project', projectId, 'diff', from, to],
    queryFn: () => api.get<Diff>(`/api/projects/${projectId}/diff`, { from, to }),
  });
  // the names of indicator and section rows: removed rows by the old revision, others by the new
  const older = useProjectDetail(projectId, from);
  const newer = useProjectDetail(projectId, to);
  if (diff.error) return <Alert type="error" showIcon message={diff.error.message} />;
  const label = (c: Change) => {
    const removed = c.after === null && ROW.test(c.path);
    const project: ProjectJson | undefined = removed ? older.data?.project : newer.data?.project;
    return fieldLabel(c.path, project, (removed ? c.before : c.after) as RowLike);
  };
  const kind = (c: Change) =>
    c.before === null && c.after !== null
      ? 'add'
      : c.after === null && c.before !== null
        ? 'remove'
        : 'change';
  return (
    <Table<Change>
      rowKey={(c) => c.path}
      size="small"
      loading={diff.isPending}
      dataSource={diff.data?.changes ?? []}
      pagination={false}
      locale={{ emptyText: `第 ${from} 版与第 ${to} 版内容相同` }}
      title={() =>
        diff.data ? `第 ${from} 版 → 第 ${to} 版：共 ${diff.data.changes.length} 处改动` : '正在比较…'
      }
      columns={[
        {
          title: '字段',
          key: 'field',
          width: '28%',
          render: (_, c) => {
            const k = kind(c);
            return (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{label(c)}</Typography.Text>
                <Space size={4}>
                  {k === 'add' && <Tag color="green">新增</Tag>}
                  {k === 'remove' && <Tag color="red">删除</Tag>}
                  {k === 'change' && <Tag color="blue">修改</Tag>}
                </Space>
              </Space>
            );
          },
        },
        {
          title: `修改前（第 ${from} 版）`,
          key: 'before',
          render: (_, c) =>
            c.before === null || c.before === undefined ? (
              <Typography.Text type="secondary">—</Typography.Text>
            ) : (
              <del
                style={{
                  display: 'block',
                  background: '#fff1f0',
                  color: '#a8071a',
                  padding: '2px 6px',
                  whiteSpace: 'pre-wrap',
                  textDecorationColor: 'rgba(168,7,26,0.4)',
                }}
              >
                {shown(c.path, c.before)}
              </del>
            ),
        },
        {
          title: `修改后（第 ${to} 版）`,
          key: 'after',
          render: (_, c) =>
            c.after === null || c.after === undefined ? (
              <Typography.Text type="secondary">—</Typography.Text>
            ) : (
              <ins
                style={{
                  display: 'block',
                  background: '#f6ffed',
                  color: '#135200',
                  padding: '2px 6px',
                  whiteSpace: 'pre-wrap',
                  textDecoration: 'none',
                }}
              >
                {shown(c.path, c.after)}
              </ins>
            ),
        },
      ]}
    />
  );
}

/**
 * 工作台: what waits for the signed-in user, by role, with counts (the list's `total`) and the first
 * few projects of each; a returned project shows why it was returned. Below, the year's totals.
 */
import type { ProjectStatus, Role } from '@jixiao/core';
import { ACTION_NAMES, STATUS_NAMES, type WorkflowAction } from '@jixiao/core';
import { useQueries } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, List, Row, Select, Skeleton, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type ProjectListItem, type Transition } from '../api.ts';
import { useMe } from '../auth.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { showTime, showWan } from '../format.ts';
import { pickYear, useBudgetYears, yearChoices } from '../years.ts';
import { useProjectList } from './projects/common.ts';

interface Task {
  key: string;
  title: string;
  hint: string;
  statuses: ProjectStatus[];
  /** show each project's latest return reason */
  reasons?: boolean;
}

const TASKS: Partial<Record<Role, Task[]>> = {
  preparer: [
    { key: 'draft', title: '待填报', hint: '草稿，填好后提交审核', statuses: ['draft'] },
    {
      key: 'returned',
      title: '被退回',
      hint: '按退回原因修改后重新提交',
      statuses: ['returned'],
      reasons: true,
    },
    {
      key: 'inReview',
      title: '已提交/审核中',
      hint: '部门或财政审核中',
      statuses: ['submitted', 'department_approved', 'finance_review'],
    },
  ],
  department_reviewer: [
    { key: 'submitted', title: '待审核', hint: '单位已提交，待部门审核', statuses: ['submitted'] },
    {
      key: 'toFinance',
      title: '待报送财政',
      hint: '部门已审核，待报送财政',
      statuses: ['department_approved'],
    },
    { key: 'toPublish', title: '待公开', hint: '财政已批复，待部门公开', statuses: ['approved'] },
  ],
  finance_reviewer: [
    { key: 'finance', title: '待审核', hint: '部门已报送，待财政审核评级', statuses: ['finance_review'] },
  ],
};

const SHOWN = 5;

export default function Workspace() {
  const me = useMe();
  const years = useBudgetYears(me.scope.regionId);
  const [chosenYear, setYear] = useState<number | null>(null);
  const year = chosenYear ?? pickYear(null, years.data);
  const tasks = TASKS[me.user.role] ?? [];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          工作台
        </Typography.Title>
        <Typography.Text type="secondary">
          {me.user.displayName}（{me.user.roleName}）· {me.organization.name}
        </Typography.Text>
      </div>
      {tasks.length > 0 ? (
        <Row gutter={[16, 16]}>
          {tasks.map((t) => (
            <Col key={t.key} xs={24} md={12} xl={24 / Math.min(tasks.length, 3)}>
              <TaskCard task={t} />
            </Col>
          ))}
        </Row>
      ) : (
        <Alert
          type="info"
          showIcon
          message="管理员不办理审核流程"
          description="可在「项目」中查看本地区的全部项目。"
        />
      )}
      <YearTotals year={year} yearSelect={{ options: yearChoices(years.data, year), onChange: setYear }} />
    </Space>
  );
}

/** One kind of waiting work: the count, a link to the filtered list, the first few projects. */
function TaskCard({ task }: { task: Task }) {
  const status = task.statuses.join(',');
  const list = useProjectList({ status, pageSize: SHOWN, sort: 'updatedAt', order: 'desc' });
  const items = list.data?.items ?? [];
  const reasons = useReturnReasons(task.reasons ? items : []);
  const href = `/projects?status=${status}`;
  const headingId = `task-${task.key}`;
  return (
    <Card
      title={
        <span id={headingId}>
          {task.title}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12, marginLeft: 8 }}>
            {task.hint}
          </Typography.Text>
        </span>
      }
      extra={<Link to={href}>查看全部</Link>}
      style={{ height: '100%' }}
      aria-labelledby={headingId}
      role="region"
    >
      {list.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : list.error ? (
        <Alert type="error" showIcon message={list.error.message} />
      ) : (
        <>
          <Link to={href} aria-label={`${task.title} ${list.data.total} 个项目`}>
            <Statistic
              value={list.data.total}
              suffix="个项目"
              valueStyle={{ color: task.reasons && list.data.total > 0 ? '#cf1322' : undefined }}
            />
          </Link>
          {items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无" />
          ) : (
            <List
              size="small"
              dataSource={items}
              renderItem={(p) => {
                const reason = reasons.get(p.id);
                return (
                  <List.Item key={p.id} style={{ display: 'block' }}>
                    <Space wrap size={[8, 0]} style={{ width: '100%', justifyContent: 'space-between' }}>
                      <Link to={`/projects/${p.id}`}>{p.name || '（未命名项目）'}</Link>
                      <Space size={4}>
                        {task.statuses.length > 1 && <StatusTag status={p.status} />}
                        <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {showWan(p.annualTotal)} 万元
                        </Typography.Text>
                      </Space>
                    </Space>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {p.unitName} · {p.year} 年 · 更新于 {showTime(p.updatedAt)}
                    </Typography.Text>
                    {reason && (
                      <Typography.Paragraph
                        type="danger"
                        style={{ margin: '4px 0 0', fontSize: 13 }}
                        data-testid="return-reason"
                      >
                        退回原因（{reason.who}，
                        {ACTION_NAMES[reason.action as WorkflowAction] ?? reason.action}
                        {reason.grade ? `，评级「${reason.grade}」` : ''}）：{reason.opinion || '（未填写）'}
                      </Typography.Paragraph>
                    )}
                  </List.Item>
                );
              }}
            />
          )}
          {list.data.total > items.length && (
            <Link to={href}>还有 {list.data.total - items.length} 个项目…</Link>
          )}
        </>
      )}
    </Card>
  );
}

/** The latest return of each project (its transitions), for the 被退回 card. */
function useReturnReasons(items: ProjectListItem[]) {
  const results = useQueries({
    queries: items.map((p) => ({
      queryKey: ['project', p.id, 'transitions', p.version],
      queryFn: () => api.get<{ items: Transition[] }>(`/api/projects/${p.id}/transitions`),
    })),
  });
  const reasons = new Map<number, { opinion: string; who: string; action: string; grade: string | null }>();
  items.forEach((p, i) => {
    const last = [...(results[i]?.data?.items ?? [])].reverse().find((t) => t.toStatus === 'returned');
    if (last)
      reasons.set(p.id, {
        opinion: last.opinion,
        who: last.actorName,
        action: last.action,
        grade: last.grade,
      });
  });
  return reasons;
}

/** The year's projects in the user's scope: how many, how much, and how many in each status. */
function YearTotals({
  year,
  yearSelect,
}: {
  year: number;
  yearSelect: { options: { value: number; label: string }[]; onChange: (y: number) => void };
}) {
  const all = useProjectList({ year, pageSize: 1 });
  const published = useProjectList({ year, status: 'approved,published', pageSize: 1 });
  return (
    <Card
      title={`${year} 年度概况`}
      extra={
        <Select
          aria-label="年度"
          size="small"
          style={{ width: 170 }}
          value={year}
          options={yearSelect.options}
          onChange={yearSelect.onChange}
        />
      }
    >
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Statistic title="项目数" value={all.data?.total ?? '—'} suffix="个" loading={all.isPending} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title="年度资金合计"
            value={all.data ? all.data.totalWan : '—'}
            suffix="万元"
            loading={all.isPending}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={`${STATUS_NAMES.approved}/${STATUS_NAMES.published}`}
            value={published.data?.total ?? '—'}
            suffix="个"
            loading={published.isPending}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title="其中年度资金"
            value={published.data ? published.data.totalWan : '—'}
            suffix="万元"
            loading={published.isPending}
          />
        </Col>
      </Row>
      <div style={{ marginTop: 12 }}>
        <Link to={`/projects?year=${year}`}>查看 {year} 年度全部项目</Link>
      </div>
    </Card>
  );
}

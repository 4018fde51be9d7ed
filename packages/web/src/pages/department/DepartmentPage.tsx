/**
 * `/departments/:id`: a department's year at a glance — the summary sentence as the published
 * document words it, the totals, the projects by status, charts of funds, indicators and review
 * findings, the projects table — and the department reviewer's 公开 (publish the approved projects),
 * downloads and the blank Excel template.
 */
import { SendOutlined } from '@ant-design/icons';
import { PROJECT_STATUSES } from '@jixiao/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Result,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  ApiError,
  api,
  type DepartmentSummary,
  type DisclosureJson,
  type Finding,
  type ProjectList,
  type ProjectListItem,
  type PublicationInfo,
} from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { ExportMenu } from '../../components/ExportMenu.tsx';
import { Loading } from '../../components/Loading.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { showTime, showWan, showYuan } from '../../format.ts';
import { pickYear, useBudgetYears, yearChoices } from '../../years.ts';
import { TemplateButton, TemplateDownload } from './TemplateDownload.tsx';

/** The charts (with ECharts and the rule catalogue behind them) load after the page shows. */
const charts = () => import('./DepartmentCharts.tsx');
const BudgetChart = lazy(() => charts().then((m) => ({ default: m.BudgetChart })));
const IndicatorChart = lazy(() => charts().then((m) => ({ default: m.IndicatorChart })));
const FindingsChart = lazy(() => charts().then((m) => ({ default: m.FindingsChart })));

interface SummaryResponse {
  departmentId: number;
  departmentName: string;
  year: number;
  figures: DepartmentSummary & { totalYuan: string };
  sentence: string;
  byStatus: Record<string, number>;
}

interface ReviewRun {
  projectIds: number[];
  findings: (Finding & { projectId: number | null })[];
  counts: Record<string, number>;
}

type Published = PublicationInfo & { projectIds: number[] };

export default function DepartmentPage() {
  const id = Number(useParams().id);
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const years = useBudgetYears(me.scope.regionId);
  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title="部门不存在" />;
  // the summary is for reviewers (policies.ts readDepartment): a unit gets the template, not a 403
  if (me.user.role === 'preparer') {
    return (
      <Card>
        <Result
          status="info"
          title="部门汇总由主管部门和财政查看"
          subTitle="预算单位可以在“项目”中查看本单位的项目，或下载空白的 Excel 填报模板填写。"
          extra={me.scope.departmentId === id ? <TemplateDownload departmentId={id} /> : null}
        />
      </Card>
    );
  }
  if (years.isPending && !params.get('year')) return <Loading />;
  const year = pickYear(params.get('year'), years.data);
  return (
    <DepartmentYear
      key={`${id}/${year}`}
      id={id}
      year={year}
      choices={yearChoices(years.data, year)}
      onYear={(y) => setParams({ year: String(y) })}
    />
  );
}

function DepartmentYear({
  id,
  year,
  choices,
  onYear,
}: {
  id: number;
  year: number;
  choices: { value: number; label: string }[];
  onYear(year: number): void;
}) {
  const me = useMe();
  const [published, setPublished] = useState<Published | null>(null);
  const summary = useQuery({
    queryKey: ['department', id, 'summary', year],
    queryFn: () => api.get<SummaryResponse>(`/api/departments/${id}/summary`, { year }),
  });
  const projects = useQuery({
    queryKey: ['projects', { departmentId: id, year, pageSize: 500 }],
    queryFn: () => api.get<ProjectList>('/api/projects', { departmentId: id, year, pageSize: 500 }),
    enabled: summary.isSuccess,
  });
  const disclosure = useQuery({
    queryKey: ['department', id, 'disclosure', year],
    queryFn: () => api.get<DisclosureJson>(`/api/departments/${id}/disclosure`, { year }),
    enabled: summary.isSuccess,
  });
  // a review run writes nothing: it is a query that happens to be a POST
  const review = useQuery({
    queryKey: ['department', id, 'review', year],
    queryFn: () => api.post<ReviewRun>(`/api/departments/${id}/review-runs`, { year }),
    enabled: summary.isSuccess,
  });
  const publications = useQuery({
    queryKey: ['publications', { departmentId: id }],
    queryFn: () => api.get<{ items: PublicationInfo[] }>('/api/public/publications', { departmentId: id }),
    select: (r) => r.items,
  });

  if (summary.isPending) return <Loading />;
  if (summary.isError) {
    const e = summary.error;
    return (
      <Result
        status={
          e instanceof ApiError && e.status === 404
            ? '404'
            : e instanceof ApiError && e.status === 403
              ? '403'
              : 'error'
        }
        title="无法查看部门汇总"
        subTitle={e.message}
      />
    );
  }
  const s = summary.data;
  const canPublish = me.user.role === 'department_reviewer' && me.scope.departmentId === id;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
          <Typography.Title level={3} style={{ margin: 0, flex: '1 1 auto' }}>
            {s.departmentName}
          </Typography.Title>
          <Select
            aria-label="预算年度"
            value={year}
            options={choices}
            onChange={onYear}
            style={{ width: 180 }}
          />
          {canPublish && (
            <PublishButton id={id} year={year} byStatus={s.byStatus} onPublished={setPublished} />
          )}
          <ExportMenu target={{ kind: 'department', id, year }} />
          <TemplateButton departmentId={id} year={year} />
        </div>
        {published && (
          <Alert
            type="success"
            showIcon
            role="status"
            style={{ marginTop: 12 }}
            message={
              <span>
                已发布第 {published.version} 版公开文件（{published.summary.projectCount} 个项目）：
                <Link to={`/public/${published.id}`}>查看公开页面</Link>
              </span>
            }
            closable
            onClose={() => setPublished(null)}
          />
        )}
      </Card>

      <Card title={`${year} 年度绩效目标汇总`}>
        <Typography.Paragraph style={{ fontSize: 15, textIndent: '2em', marginBottom: 16 }}>
          {s.sentence}
        </Typography.Paragraph>
        <Descriptions bordered size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label="项目数">{s.figures.projectCount} 个</Descriptions.Item>
          <Descriptions.Item label="预算单位数">{s.figures.budgetUnitCount} 个</Descriptions.Item>
          <Descriptions.Item label="合计（万元）">
            <Tooltip title={`${showYuan(s.figures.totalYuan)} 元`}>
              <span>{s.figures.totalWan}</span>
            </Tooltip>
          </Descriptions.Item>
          <Descriptions.Item label={`${s.figures.largeThresholdWan ?? '1000'} 万元以上项目`}>
            {s.figures.largeProjectCount === null ? '—' : `${s.figures.largeProjectCount} 个`}
          </Descriptions.Item>
        </Descriptions>
        <div style={{ marginTop: 16 }}>
          <Typography.Text type="secondary" style={{ marginRight: 8 }}>
            各状态项目：
          </Typography.Text>
          <StatusCounts byStatus={s.byStatus} />
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
          汇总句和合计按除“未通过”外的全部项目计算，与下载的部门公开文本一致。
        </Typography.Paragraph>
      </Card>

      <Suspense fallback={<Loading tip="正在加载图表…" />}>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <BudgetChart projects={projects.data?.items ?? []} />
          </Col>
          <Col xs={24} xl={12}>
            <IndicatorChart disclosure={disclosure.data} />
          </Col>
          <Col xs={24}>
            {review.isError ? (
              <Alert type="error" showIcon message="审核未能运行" description={review.error.message} />
            ) : (
              <FindingsChart findings={review.data?.findings} />
            )}
          </Col>
        </Row>
      </Suspense>

      <ProjectsTable list={projects.data} loading={projects.isPending} error={projects.error} />

      <PublicationsCard items={publications.data} loading={publications.isPending} />
    </Space>
  );
}

function StatusCounts({ byStatus }: { byStatus: Record<string, number> }) {
  const known = PROJECT_STATUSES.filter((st) => (byStatus[st] ?? 0) > 0);
  const other = Object.keys(byStatus).filter((st) => !(PROJECT_STATUSES as readonly string[]).includes(st));
  if (known.length + other.length === 0) return <Typography.Text>本年度还没有项目</Typography.Text>;
  return (
    <Space size={[4, 8]} wrap>
      {[...known, ...other].map((st) => (
        <span key={st}>
          <StatusTag status={st} />
          <Typography.Text>{byStatus[st]} 个</Typography.Text>
        </span>
      ))}
    </Space>
  );
}

function PublishButton({
  id,
  year,
  byStatus,
  onPublished,
}: {
  id: number;
  year: number;
  byStatus: Record<string, number>;
  onPublished(p: Published): void;
}) {
  const { modal, message } = App.useApp();
  const client = useQueryClient();
  const approved = byStatus.approved ?? 0;
  const already = byStatus.published ?? 0;
  const publish = useMutation({
    mutationFn: () => api.post<Published>(`/api/departments/${id}/publications`, { year }),
    onSuccess: (p) => {
      onPublished(p);
      client.invalidateQueries({ queryKey: ['department', id] });
      client.invalidateQueries({ queryKey: ['projects'] });
      client.invalidateQueries({ queryKey: ['publications'] });
    },
  });
  const confirm = () =>
    modal.confirm({
      title: `发布 ${year} 年度绩效目标公开`,
      content: (
        <div>
          <p>
            将公开 <strong>{approved}</strong> 个已批复的项目
            {already > 0 ? `（连同已公开的 ${already} 个项目，共 ${approved + already} 个）` : ''}
            ，形成一份新的公开文件，所有人无需登录即可查看。
          </p>
          <p style={{ marginBottom: 0 }}>公开后这些项目的状态变为“已公开”，不能再修改。确定发布吗？</p>
        </div>
      ),
      okText: '确定',
      cancelText: '取消',
      okButtonProps: { autoInsertSpace: false },
      cancelButtonProps: { autoInsertSpace: false },
      onOk: async () => {
        try {
          await publish.mutateAsync();
          message.success('已发布公开');
        } catch (e) {
          message.error(e instanceof Error ? e.message : String(e));
        }
      },
    });
  const disabled = approved === 0;
  return (
    <Tooltip title={disabled ? `${year} 年没有已批复待公开的项目` : `公开 ${approved} 个已批复的项目`}>
      <Button
        type="primary"
        icon={<SendOutlined aria-hidden />}
        onClick={confirm}
        disabled={disabled}
        loading={publish.isPending}
        autoInsertSpace={false}
      >
        公开
      </Button>
    </Tooltip>
  );
}

function ProjectsTable({
  list,
  loading,
  error,
}: {
  list: ProjectList | undefined;
  loading: boolean;
  error: Error | null;
}) {
  const columns: ColumnsType<ProjectListItem> = [
    {
      title: '项目名称',
      dataIndex: 'name',
      render: (name: string, p) => <Link to={`/projects/${p.id}`}>{name}</Link>,
    },
    { title: '预算单位', dataIndex: 'unitName', width: 220 },
    { title: '状态', dataIndex: 'status', width: 110, render: (st: string) => <StatusTag status={st} /> },
    {
      title: '年度资金（万元）',
      dataIndex: 'annualTotal',
      width: 150,
      align: 'right',
      render: (v: string | null) => showWan(v),
    },
    {
      title: '错误',
      dataIndex: 'errorCount',
      width: 70,
      align: 'right',
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
    {
      title: '警告',
      dataIndex: 'warnCount',
      width: 70,
      align: 'right',
      render: (n: number) => (n > 0 ? <Typography.Text type="warning">{n}</Typography.Text> : n),
    },
    { title: '评级', dataIndex: 'grade', width: 70, render: (g: string | null) => g ?? '—' },
  ];
  const items = list?.items ?? [];
  return (
    <Card title="本年度项目">
      {error ? (
        <Alert type="error" showIcon message="项目列表未能加载" description={error.message} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={items}
          loading={loading}
          pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: <Empty description="本年度没有项目" /> }}
          summary={() =>
            list && items.length > 0 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={3}>
                  合计（{list.total} 个项目，含各状态）
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {list.totalWan}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} colSpan={3} />
              </Table.Summary.Row>
            ) : null
          }
        />
      )}
    </Card>
  );
}

function PublicationsCard({ items, loading }: { items: PublicationInfo[] | undefined; loading: boolean }) {
  return (
    <Card title="已公开的文件">
      <List
        loading={loading}
        dataSource={items ?? []}
        locale={{ emptyText: '还没有公开过' }}
        renderItem={(p) => (
          <List.Item
            actions={[
              <Link key="view" to={`/public/${p.id}`}>
                查看 {p.year} 年第 {p.version} 版
              </Link>,
            ]}
          >
            <Space wrap>
              <Tag color="gold">
                {p.year} 年 第 {p.version} 版
              </Tag>
              <Typography.Text>发布于 {showTime(p.publishedAt)}</Typography.Text>
              <Typography.Text type="secondary">
                {p.summary.projectCount} 个项目 · {p.summary.budgetUnitCount} 个预算单位 · 合计{' '}
                {p.summary.totalWan} 万元
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/**
 * One project (`/projects/:id`, `?revision=` for an older one, `?tab=` for the tab): the header with
 * its state and the workflow buttons the server offers, and four tabs — 申报表 (the editor, editable
 * by the unit while draft or returned), 审核 (findings and field comments), 流转记录, 修订对比.
 */
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Result,
  Space,
  Switch,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, type ProjectDetail, type ProjectJson } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { ExportMenu } from '../../components/ExportMenu.tsx';
import { Loading } from '../../components/Loading.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { showTime, showWan } from '../../format.ts';
import { clearDrafts } from '../editor/drafts.ts';
import { useProjectDetail, useTransitions } from './queries.ts';
import { WorkflowActions } from './WorkflowActions.tsx';

/** The tabs past the first load when opened (their tables and diff views are not needed to show the form). */
const ReviewTab = lazy(() => import('./ReviewTab.tsx').then((m) => ({ default: m.ReviewTab })));
const HistoryTab = lazy(() => import('./HistoryTab.tsx').then((m) => ({ default: m.HistoryTab })));
const RevisionsTab = lazy(() => import('./RevisionsTab.tsx').then((m) => ({ default: m.RevisionsTab })));
const lazyTab = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;

/**
 * The editor is requested as soon as this page's module runs, in parallel with the project's data,
 * rather than after the data arrives.
 */
const editorModule = () => import('../editor/ProjectEditor.tsx');
const ProjectEditor = lazy(() => editorModule().then((m) => ({ default: m.ProjectEditor })));

const TABS = ['form', 'review', 'history', 'revisions'] as const;
type TabKey = (typeof TABS)[number];

const positive = (s: string | null) => {
  const n = s ? Number(s) : Number.NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
};

export default function ProjectPage() {
  useEffect(() => {
    void editorModule();
  }, []);
  const { id } = useParams();
  const projectId = Number(id);
  const [params, setParams] = useSearchParams();
  const revision = positive(params.get('revision'));
  const tabParam = params.get('tab') as TabKey | null;
  const tab: TabKey = tabParam && TABS.includes(tabParam) ? tabParam : 'form';
  const detail = useProjectDetail(projectId, revision);

  if (!Number.isInteger(projectId) || projectId <= 0) return <Result status="404" title="项目不存在" />;
  if (detail.error) {
    const e = detail.error;
    return e instanceof ApiError && e.status === 404 ? (
      <Result
        status="404"
        title="项目不存在"
        subTitle={e.message}
        extra={<Link to="/projects">返回项目列表</Link>}
      />
    ) : (
      <Result status="error" title="项目加载失败" subTitle={e.message} />
    );
  }
  if (!detail.data) return <Loading tip="正在加载项目…" />;
  return (
    <ProjectView
      key={projectId}
      detail={detail.data}
      tab={tab}
      viewingOld={revision !== null && revision !== detail.data.currentRevision}
      setTab={(t) => {
        const next = new URLSearchParams(params);
        if (t === 'form') next.delete('tab');
        else next.set('tab', t);
        setParams(next, { replace: true });
      }}
    />
  );
}

function ProjectView({
  detail,
  tab,
  setTab,
  viewingOld,
}: {
  detail: ProjectDetail;
  tab: TabKey;
  setTab: (t: TabKey) => void;
  viewingOld: boolean;
}) {
  const me = useMe();
  const client = useQueryClient();
  const [dirty, setDirty] = useState(false);
  const [focusPath, setFocusPath] = useState<string | null>(null);
  const focusTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(focusTimer.current), []);

  const locate = useCallback(
    (path: string) => {
      // set to null first, so locating the same field twice scrolls to it again
      setFocusPath(null);
      setTab('form');
      clearTimeout(focusTimer.current);
      focusTimer.current = setTimeout(() => setFocusPath(path), 0);
    },
    [setTab],
  );

  const editable = !viewingOld && detail.actions.includes('submit');
  // finance may grade 良 with the targets as it perfected them: the form opens for editing, and the
  // edited project goes with the grade (saved as a new revision, then approved)
  const canPerfect = !viewingOld && detail.actions.includes('finance_grade');
  const [perfecting, setPerfecting] = useState(false);
  const [perfected, setPerfected] = useState<ProjectJson | null>(null);
  const canComment = me.user.role !== 'admin';
  const form = detail.project.form;
  const errors = detail.findings.filter((f) => f.severity === 'error').length;
  const warns = detail.findings.filter((f) => f.severity === 'warn').length;

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Breadcrumb
        items={[{ title: <Link to="/projects">项目</Link> }, { title: detail.name || '（未命名项目）' }]}
      />
      <Card size="small">
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-start' }}>
          <div style={{ flex: '1 1 480px', minWidth: 0 }}>
            <Space size={8} wrap align="center">
              <Typography.Title level={3} style={{ margin: 0 }}>
                {detail.name || '（未命名项目）'}
              </Typography.Title>
              <StatusTag status={detail.status} />
              {detail.grade && (
                <Tag color={detail.grade === '中' || detail.grade === '差' ? 'red' : 'green'}>
                  财政评级：{detail.grade}
                </Tag>
              )}
            </Space>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 4 }}
              style={{ marginTop: 8 }}
              items={[
                { key: 'unit', label: '实施单位', children: form.implementingUnit || '—' },
                { key: 'dept', label: '主管部门', children: form.competentDepartment || '—' },
                { key: 'year', label: '年度', children: `${detail.year} 年` },
                {
                  key: 'money',
                  label: '年度资金',
                  children: `${showWan(form.funds.annualTotal)} 万元`,
                },
                {
                  key: 'version',
                  label: '版本',
                  children: `第 ${detail.version} 版 · 修订 ${detail.revision}/${detail.currentRevision}`,
                },
                {
                  key: 'issues',
                  label: '审核发现',
                  children: (
                    <Button
                      type="link"
                      size="small"
                      style={{ padding: 0, height: 'auto' }}
                      onClick={() => setTab('review')}
                    >
                      错误 {errors} · 警告 {warns}
                    </Button>
                  ),
                },
                { key: 'updated', label: '更新时间', children: showTime(detail.updatedAt) },
              ]}
            />
          </div>
          <Space wrap style={{ justifyContent: 'flex-end' }}>
            <WorkflowActions
              detail={detail}
              dirty={dirty && !perfecting}
              perfected={perfecting ? perfected : null}
              onDone={() => {
                // finance's edits went with the grade (or were not kept): its safety copy is done with
                if (perfecting) clearDrafts(me.user.username, detail.id);
                setPerfecting(false);
                setPerfected(null);
              }}
            />
            <ExportMenu
              target={{
                kind: 'project',
                id: detail.id,
                ...(viewingOld ? { revision: detail.revision } : {}),
              }}
            />
          </Space>
        </div>
      </Card>
      {viewingOld && (
        <Alert
          type="warning"
          showIcon
          message={`正在查看第 ${detail.revision} 版修订（当前为第 ${detail.currentRevision} 版），只读。`}
          action={<Link to={`/projects/${detail.id}`}>回到当前修订</Link>}
        />
      )}
      {detail.status === 'returned' && !viewingOld && <LatestReturn projectId={detail.id} />}
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as TabKey)}
          items={[
            {
              key: 'form',
              label: '申报表',
              children: (
                <Suspense fallback={<Loading tip="正在加载申报表…" />}>
                  {canPerfect && (
                    <div style={{ margin: '8px 0' }}>
                      <Switch
                        id="perfect-switch"
                        checked={perfecting}
                        onChange={(on) => {
                          setPerfecting(on);
                          if (!on) setPerfected(null);
                        }}
                      />{' '}
                      <label htmlFor="perfect-switch">财政直接完善申报表（评「良」时随评级保存）</label>
                    </div>
                  )}
                  <ProjectEditor
                    key={`${detail.id}-${detail.revision}-${perfecting ? 'perfect' : 'view'}`}
                    detail={detail}
                    editable={editable || perfecting}
                    {...(perfecting ? { onPerfect: setPerfected } : {})}
                    focusPath={focusPath}
                    onDirtyChange={setDirty}
                    onSaved={() => {
                      setDirty(false);
                      void client.invalidateQueries({ queryKey: ['project', detail.id] });
                      void client.invalidateQueries({ queryKey: ['projects'] });
                    }}
                  />
                </Suspense>
              ),
            },
            {
              key: 'review',
              label: '审核',
              children: lazyTab(<ReviewTab detail={detail} canComment={canComment} onLocate={locate} />),
            },
            { key: 'history', label: '流转记录', children: lazyTab(<HistoryTab projectId={detail.id} />) },
            {
              key: 'revisions',
              label: '修订对比',
              children: lazyTab(
                <RevisionsTab projectId={detail.id} currentRevision={detail.currentRevision} />,
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

/** A returned project says why, above the form, so the unit sees what to fix. */
function LatestReturn({ projectId }: { projectId: number }) {
  const transitions = useTransitions(projectId);
  const last = [...(transitions.data ?? [])].reverse().find((t) => t.toStatus === 'returned');
  if (!last) return null;
  return (
    <Alert
      type="error"
      showIcon
      message={`退回原因（${last.actorName}，${showTime(last.createdAt)}${last.grade ? `，财政评级「${last.grade}」` : ''}）`}
      description={<span style={{ whiteSpace: 'pre-wrap' }}>{last.opinion || '（未填写）'}</span>}
    />
  );
}

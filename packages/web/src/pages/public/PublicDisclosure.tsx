/**
 * `/public/:id`: one published disclosure (no login), in the official layout — the summary
 * paragraph, then per project its 项目经费情况说明 and 申报表 — printable on A4 (打印 hides the page
 * chrome), and downloadable in every format. The renderer is loaded with the page's data.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Result, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api, type Publication } from '../../api.ts';
import { ExportMenu } from '../../components/ExportMenu.tsx';
import { Loading } from '../../components/Loading.tsx';
import { showTime } from '../../format.ts';
import { PublicFrame } from './PublicHeader.tsx';

/** The page around the document: grey desk and white paper on screen, only the paper in print. */
const PAGE_CSS = `
@media screen {
  .jx-paper .jx-doc { box-shadow: 0 1px 6px rgba(0, 0, 0, 0.15); margin: 0 auto 24px; }
}
@media print {
  /* one plain block flow, so the document breaks into pages as the renderer's CSS says */
  .jx-public { display: block !important; min-height: 0 !important; }
  .jx-public, .jx-public .ant-layout-content { background: #fff !important; padding: 0 !important; }
  .jx-paper { padding: 0 !important; }
}
`;

export default function PublicDisclosure() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const publication = useQuery({
    queryKey: ['public-publication', id],
    queryFn: () => api.get<Publication>(`/api/public/publications/${id}`),
    enabled: valid,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const renderer = useQuery({
    queryKey: ['disclosure-renderer'],
    queryFn: () => import('./render-document.ts'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const p = publication.data;
  const rendered = p && renderer.data ? renderer.data.renderSnapshot(p.snapshot) : null;

  useEffect(() => {
    if (!p) return;
    const before = document.title;
    document.title = `${p.departmentName} ${p.year}年项目绩效目标（第${p.version}版）`;
    return () => {
      document.title = before;
    };
  }, [p]);

  if (!valid) return <NotFound />;
  if (publication.isError) {
    const e = publication.error;
    if (e instanceof ApiError && e.status === 404) return <NotFound />;
    return (
      <PublicFrame>
        <Result status="error" title="公开文件未能加载" subTitle={e.message} />
      </PublicFrame>
    );
  }
  if (renderer.isError) {
    return (
      <PublicFrame>
        <Result status="error" title="页面未能加载" subTitle="请刷新页面重试。" />
      </PublicFrame>
    );
  }
  if (!p || !rendered) {
    return (
      <PublicFrame>
        <Loading />
      </PublicFrame>
    );
  }
  return (
    <PublicFrame>
      <div>
        <Card className="jx-no-print" size="small" style={{ marginBottom: 16 }}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
            <div style={{ flex: '1 1 auto' }}>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {p.departmentName} {p.year} 年项目绩效目标
              </Typography.Title>
              <Typography.Text type="secondary">
                第 {p.version} 版 · 发布于 {showTime(p.publishedAt)} · {p.summary.projectCount} 个项目 ·{' '}
                {p.summary.budgetUnitCount} 个预算单位 · 合计 {p.summary.totalWan} 万元
              </Typography.Text>
            </div>
            <Button
              icon={<PrinterOutlined aria-hidden />}
              onClick={() => window.print()}
              autoInsertSpace={false}
            >
              打印
            </Button>
            <ExportMenu target={{ kind: 'publication', id: p.id }} />
            <Link to="/public">返回列表</Link>
          </div>
          {rendered.ok && rendered.projects.length > 1 && (
            <nav aria-label="项目目录" style={{ marginTop: 12 }}>
              <Typography.Text type="secondary">项目：</Typography.Text>
              <ol style={{ margin: '4px 0 0', paddingInlineStart: 24, columns: '2 320px' }}>
                {rendered.projects.map((x) => (
                  <li key={x.anchor}>
                    <a href={`#${x.anchor}`}>{x.name}</a>
                  </li>
                ))}
              </ol>
            </nav>
          )}
        </Card>
        {rendered.ok ? (
          <div className="jx-paper">
            <style>{rendered.css + PAGE_CSS}</style>
            {/* the renderer escapes every text from the document (formats/src/html/write.ts) */}
            <div
              // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped markup from the formats package's renderer
              dangerouslySetInnerHTML={{ __html: rendered.html }}
            />
          </div>
        ) : (
          <Alert type="error" showIcon message="公开文件未能显示" description={rendered.error} />
        )}
      </div>
    </PublicFrame>
  );
}

function NotFound() {
  return (
    <PublicFrame>
      <Result
        status="404"
        title="公开文件不存在"
        subTitle="链接可能有误，或该文件已不再公开。"
        extra={<Link to="/public">查看全部公开文件</Link>}
      />
    </PublicFrame>
  );
}

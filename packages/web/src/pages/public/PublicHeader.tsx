/** The public pages' own small frame (they are outside the signed-in shell): title and links. */
import { Layout, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../auth.tsx';

export function PublicFrame({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  return (
    <Layout style={{ minHeight: '100%' }} className="jx-public">
      <a className="jx-skip-link jx-no-print" href="#main">
        跳到主要内容
      </a>
      {/* the header's own display stays antd's, so print CSS can hide it (.jx-no-print) */}
      <Layout.Header className="jx-no-print" style={{ background: '#fff', paddingInline: 16 }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 16, height: '100%' }}>
          <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap', color: '#b7312c' }}>
            项目绩效目标公开
          </Typography.Text>
          <nav aria-label="公开页面导航" style={{ flex: 1 }}>
            <Space size="large">
              <Link to="/public">公开文件列表</Link>
            </Space>
          </nav>
          {me ? <Link to="/">返回工作台</Link> : <Link to="/login">登录</Link>}
        </div>
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} style={{ padding: 16 }}>
        {children}
      </Layout.Content>
    </Layout>
  );
}

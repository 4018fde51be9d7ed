/** The signed-in frame: the menu for the user's role, who is signed in, and sign-out. */
import { Button, Layout, Menu, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAuth, useMe } from '../auth.tsx';

export function AppShell({ children }: { children: ReactNode }) {
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const departmentId = me.scope.departmentId;
  const items = [
    { key: '/', label: <Link to="/">工作台</Link> },
    { key: '/projects', label: <Link to="/projects">项目</Link> },
    ...(me.user.role === 'preparer'
      ? [{ key: '/projects/new', label: <Link to="/projects/new">新建项目</Link> }]
      : []),
    // the department pages are for its reviewers (the server refuses preparers); finance and the
    // admin see every department of the region
    ...(departmentId !== null && me.user.role === 'department_reviewer'
      ? [
          {
            key: `/departments/${departmentId}`,
            label: <Link to={`/departments/${departmentId}`}>部门汇总</Link>,
          },
          { key: '/import', label: <Link to="/import">导入</Link> },
        ]
      : []),
    ...(me.user.role === 'finance_reviewer' || me.user.role === 'admin'
      ? [{ key: '/departments', label: <Link to="/departments">部门汇总</Link> }]
      : []),
    // the admin imports into any department of the region (the page asks which)
    ...(me.user.role === 'admin' ? [{ key: '/import', label: <Link to="/import">导入</Link> }] : []),
    { key: '/public', label: <Link to="/public">公开查询</Link> },
  ];
  const selected = items
    .map((i) => i.key)
    .filter((k) => (k === '/' ? location.pathname === '/' : location.pathname.startsWith(k)))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);
  return (
    <Layout style={{ minHeight: '100%' }}>
      <a className="jx-skip-link" href="#main">
        跳到主要内容
      </a>
      {/* the header's own style would override .jx-no-print's display: the layout is on an inner div */}
      <Layout.Header className="jx-no-print" style={{ background: '#fff', paddingInline: 16 }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 16, height: '100%' }}>
          <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap', color: '#b7312c' }}>
            绩效目标管理
          </Typography.Text>
          <nav aria-label="主菜单" style={{ flex: 1, minWidth: 0 }}>
            <Menu mode="horizontal" selectedKeys={selected} items={items} style={{ borderBottom: 'none' }} />
          </nav>
          <Space>
            <Typography.Text type="secondary" data-testid="whoami">
              {me.organization.name} · {me.user.displayName}（{me.user.roleName}）
            </Typography.Text>
            <Button
              onClick={async () => {
                await logout();
                navigate('/login');
              }}
            >
              退出
            </Button>
          </Space>
        </div>
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} style={{ padding: 16 }}>
        {children}
      </Layout.Content>
    </Layout>
  );
}

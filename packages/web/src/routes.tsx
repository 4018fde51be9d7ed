/**
 * The app's pages. Each page is its own chunk (`lazy`), so the first route loads only the shell,
 * antd's basics and the page itself; the editor, charts and the public document come when visited.
 */
import { Result } from 'antd';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation, useRouteError } from 'react-router';
import { useAuth } from './auth.tsx';
import { Loading } from './components/Loading.tsx';
import { AppShell } from './layout/AppShell.tsx';

const page = (load: () => Promise<{ default: ComponentType }>) => {
  const Page = lazy(load);
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
};

/** Pages behind the sign-in: without a session, go to /login and come back after. */
function SignedIn({ children }: { children: ReactNode }) {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!me)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}

function RouteError() {
  const error = useRouteError();
  const message = error instanceof Error ? error.message : String(error);
  return <Result status="error" title="页面出错" subTitle={message} />;
}

export const router = createBrowserRouter([
  { path: '/login', element: page(() => import('./pages/Login.tsx')), errorElement: <RouteError /> },
  {
    path: '/public',
    errorElement: <RouteError />,
    children: [
      { index: true, element: page(() => import('./pages/public/PublicList.tsx')) },
      { path: ':id', element: page(() => import('./pages/public/PublicDisclosure.tsx')) },
    ],
  },
  {
    path: '/',
    element: (
      <SignedIn>
        <AppShell>
          <Outlet />
        </AppShell>
      </SignedIn>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: page(() => import('./pages/Workspace.tsx')) },
      { path: 'projects', element: page(() => import('./pages/projects/ProjectList.tsx')) },
      { path: 'projects/new', element: page(() => import('./pages/editor/NewProjectPage.tsx')) },
      { path: 'projects/:id', element: page(() => import('./pages/review/ProjectPage.tsx')) },
      { path: 'departments', element: page(() => import('./pages/department/DepartmentIndex.tsx')) },
      { path: 'departments/:id', element: page(() => import('./pages/department/DepartmentPage.tsx')) },
      { path: 'import', element: page(() => import('./pages/import/ImportPage.tsx')) },
      { path: '*', element: <Result status="404" title="页面不存在" /> },
    ],
  },
]);

/**
 * What the editor needs besides the form: the names a new project starts with, the question
 * before leaving with unsaved changes, and the dialogs of a save refused because someone else
 * saved first (409) — look at their version, take it, or save over it.
 */
import { useQuery } from '@tanstack/react-query';
import { Button, Drawer, Modal, Popconfirm, Space } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useBlocker } from 'react-router';
import { api, type Organization, type ProjectDetail } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { showTime } from '../../format.ts';

/**
 * The unit and department names a new project starts with (the preparer's own unit unless
 * `unitId`): '' while not known yet.
 */
export function useNewProjectNames(
  enabled: boolean,
  unitId: number | undefined,
): { unit: string; department: string } {
  const { me } = useAuth();
  const id = unitId ?? me?.scope.unitId ?? null;
  const own = me !== null && me.organization.id === id;
  const org = (orgId: number | null | undefined) => ({
    queryKey: ['editor', 'organization', orgId],
    queryFn: () => api.get<Organization>(`/api/organizations/${orgId}`),
    staleTime: 5 * 60_000,
  });
  const unitQuery = useQuery({ ...org(id), enabled: enabled && id !== null && !own });
  const unit = own ? me.organization : unitQuery.data;
  const deptQuery = useQuery({ ...org(unit?.parentId), enabled: enabled && Boolean(unit?.parentId) });
  if (!enabled) return { unit: '', department: '' };
  return { unit: unit?.name ?? '', department: deptQuery.data?.name ?? '' };
}

/** Asks before leaving with unsaved changes: closing the tab, and links inside the app. */
export function LeaveGuard({ dirty, flush }: { dirty: { current: boolean }; flush: () => void }) {
  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      flush();
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [dirty, flush]);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty.current && currentLocation.pathname !== nextLocation.pathname,
  );
  return (
    <Modal
      open={blocker.state === 'blocked'}
      title="有未保存的修改"
      okText="离开"
      okButtonProps={{ danger: true }}
      cancelText="留在此页"
      onOk={() => {
        flush();
        blocker.proceed?.();
      }}
      onCancel={() => blocker.reset?.()}
    >
      离开后，未保存的修改仍在本机留有草稿，下次打开此项目时可以恢复。确定离开吗？
    </Modal>
  );
}

/** The 409 dialog, and the drawer with the newest version (`children`) beside the user's edits. */
export function ConflictDialogs({
  conflict,
  baseVersion,
  latest,
  onClose,
  onView,
  onOverwrite,
  onTakeLatest,
  onCloseLatest,
  children,
}: {
  conflict: boolean;
  baseVersion: number;
  latest: ProjectDetail | null;
  onClose: () => void;
  onView: () => void;
  onOverwrite: () => void;
  onTakeLatest: (latest: ProjectDetail) => void;
  onCloseLatest: () => void;
  children: ReactNode;
}) {
  return (
    <>
      <Modal
        open={conflict}
        title="保存未成功：项目已被他人修改"
        onCancel={onClose}
        footer={[
          <Button key="stay" onClick={onClose}>
            继续编辑
          </Button>,
          <Button key="view" onClick={onView}>
            查看最新版本
          </Button>,
          <Popconfirm
            key="force"
            title="以我的修改覆盖最新版本？"
            description="他人保存的修改将被你的版本取代（修订记录中仍可查看）。"
            okText="覆盖"
            cancelText="取消"
            onConfirm={onOverwrite}
          >
            <Button type="primary" danger>
              以我的修改覆盖
            </Button>
          </Popconfirm>,
        ]}
      >
        <p>
          在你编辑期间，此项目已有人保存了新的版本（你是在版本 {baseVersion} 上修改的）。
          <strong>你的修改没有丢失</strong>：它们仍在页面上，并已在本机暂存。
        </p>
        <p>你可以先查看最新版本，再决定用它替换你的修改，或以你的修改覆盖它。</p>
      </Modal>
      <Drawer
        open={latest !== null}
        width="min(1200px, 96vw)"
        title={latest ? `最新版本（版本 ${latest.version}，${showTime(latest.updatedAt)} 保存）` : ''}
        onClose={onCloseLatest}
        extra={
          latest && (
            <Space>
              <Popconfirm
                title="用最新版本替换你的修改？"
                description="页面上未保存的修改将被替换（本机仍留有一份草稿）。"
                okText="替换"
                cancelText="取消"
                onConfirm={() => onTakeLatest(latest)}
              >
                <Button>用最新版本替换我的修改</Button>
              </Popconfirm>
              <Button type="primary" danger onClick={onOverwrite}>
                以我的修改覆盖
              </Button>
            </Space>
          )
        }
      >
        {children}
      </Drawer>
    </>
  );
}

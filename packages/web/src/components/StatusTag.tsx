import { type ProjectStatus, STATUS_NAMES } from '@jixiao/core';
import { Tag } from 'antd';

const COLORS: Record<ProjectStatus, string> = {
  draft: 'default',
  returned: 'red',
  submitted: 'blue',
  department_approved: 'cyan',
  finance_review: 'geekblue',
  approved: 'green',
  published: 'gold',
  rejected: 'volcano',
};

/** A project's status as a coloured tag with its Chinese name. */
export function StatusTag({ status }: { status: string }) {
  const s = status as ProjectStatus;
  return <Tag color={COLORS[s] ?? 'default'}>{STATUS_NAMES[s] ?? status}</Tag>;
}

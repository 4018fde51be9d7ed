/**
 * The review workflow's vocabulary (domain.md §1.5): roles, project statuses, actions and grades,
 * with the Chinese names every screen and message uses. The state machine itself lives in the store;
 * these are here so the server and the browser name things the same way.
 */

export const ROLES = ['preparer', 'department_reviewer', 'finance_reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  preparer: '填报人',
  department_reviewer: '部门审核',
  finance_reviewer: '财政审核',
  admin: '管理员',
};

export const PROJECT_STATUSES = [
  'draft',
  'returned',
  'submitted',
  'department_approved',
  'finance_review',
  'approved',
  'published',
  'rejected',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const STATUS_NAMES: Record<ProjectStatus, string> = {
  draft: '草稿',
  returned: '已退回',
  submitted: '已提交',
  department_approved: '部门已审核',
  finance_review: '财政审核中',
  approved: '已批复',
  published: '已公开',
  rejected: '未通过',
};

export const WORKFLOW_ACTIONS = [
  'submit',
  'department_return',
  'department_approve',
  'send_to_finance',
  'finance_return',
  'finance_grade',
  'publish',
  'adjust',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export const ACTION_NAMES: Record<WorkflowAction, string> = {
  submit: '提交',
  department_return: '部门退回',
  department_approve: '部门审核通过',
  send_to_finance: '报送财政',
  finance_return: '财政退回',
  finance_grade: '财政评级',
  publish: '公开',
  adjust: '调整',
};

export const GRADES = ['优', '良', '中', '差'] as const;
export type Grade = (typeof GRADES)[number];

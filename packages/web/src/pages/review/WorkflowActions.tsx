/**
 * The workflow buttons the server offers (`detail.actions`), named by core's ACTION_NAMES, and the
 * dialog that asks for an opinion (required to return or adjust) and, for 财政评级, a grade
 * (中 returns the project, 差 rejects it; both need a reason). A stale version (409) shows the
 * server's message and reloads the project.
 */
import {
  ACTION_NAMES,
  GRADES,
  type Grade,
  type ProjectStatus,
  STATUS_NAMES,
  type WorkflowAction,
} from '@jixiao/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Radio, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api, type ProjectDetail, type ProjectJson } from '../../api.ts';

/** Actions that need a reason, and how the reason is asked for. */
const OPINION: Record<WorkflowAction, { label: string; required: boolean; placeholder: string }> = {
  submit: { label: '提交说明', required: false, placeholder: '可选：向审核人说明本次提交' },
  department_return: { label: '审核意见', required: true, placeholder: '请写明退回原因和修改要求（必填）' },
  department_approve: { label: '审核意见', required: false, placeholder: '可选，如：同意' },
  send_to_finance: { label: '审核意见', required: false, placeholder: '可选' },
  finance_return: { label: '审核意见', required: true, placeholder: '请写明退回原因和修改要求（必填）' },
  finance_grade: { label: '审核意见', required: false, placeholder: '评「中」「差」须写明理由' },
  publish: { label: '审核意见', required: false, placeholder: '可选' },
  adjust: { label: '调整原因', required: true, placeholder: '请说明为何调整已批复的绩效目标（必填）' },
};

const GRADE_EFFECT: Record<Grade, string> = {
  优: '进入下一预算环节（已批复）',
  良: '进入下一预算环节（已批复）',
  中: `退回单位修改后重报（${STATUS_NAMES.returned}），须填写理由`,
  差: `不予安排预算（${STATUS_NAMES.rejected}），须填写理由`,
};

const RETURNS: readonly WorkflowAction[] = ['department_return', 'finance_return'];
const PRIMARY: readonly WorkflowAction[] = [
  'submit',
  'department_approve',
  'send_to_finance',
  'finance_grade',
];

interface Result {
  toStatus: string;
  version: number;
}

export function WorkflowActions({
  detail,
  dirty,
  perfected = null,
  onDone,
}: {
  detail: ProjectDetail;
  /** the editor has unsaved changes: 提交 waits for a save */
  dirty: boolean;
  /** finance's edits to the targets (直接完善), sent with a 良 when the reviewer keeps them */
  perfected?: ProjectJson | null;
  onDone?: (action: WorkflowAction, result: Result) => void;
}) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [action, setAction] = useState<WorkflowAction | null>(null);
  const [form] = Form.useForm<{ opinion?: string; grade?: Grade; withPerfected?: boolean }>();
  const grade = Form.useWatch('grade', form);

  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['project', detail.id] }),
      client.invalidateQueries({ queryKey: ['projects'] }),
    ]);

  const mutation = useMutation({
    mutationFn: (body: { action: WorkflowAction; opinion?: string; grade?: Grade; project?: ProjectJson }) =>
      api.post<Result>(`/api/projects/${detail.id}/transitions`, { ...body, baseVersion: detail.version }),
    onSuccess: async (r, body) => {
      message.success(
        `已${ACTION_NAMES[body.action]}，项目现为「${STATUS_NAMES[r.toStatus as ProjectStatus] ?? r.toStatus}」`,
      );
      setAction(null);
      form.resetFields();
      await refresh();
      onDone?.(body.action, r);
    },
    onError: async (e) => {
      if (e instanceof ApiError && e.status === 409) {
        // someone else changed the project meanwhile: say so and show the current state
        message.error(e.message);
        setAction(null);
        form.resetFields();
        await refresh();
      }
    },
  });

  if (detail.actions.length === 0) return null;

  const open = (a: WorkflowAction) => {
    mutation.reset();
    form.resetFields();
    setAction(a);
  };

  const opinionRule = action ? OPINION[action] : null;
  const opinionRequired =
    action === 'finance_grade' ? grade === '中' || grade === '差' : (opinionRule?.required ?? false);
  const serverError =
    mutation.error && !(mutation.error instanceof ApiError && mutation.error.status === 409);

  return (
    <>
      <Space wrap>
        {detail.actions.map((a) => {
          const blocked = a === 'submit' && dirty;
          const button = (
            <Button
              key={a}
              type={PRIMARY.includes(a) ? 'primary' : 'default'}
              danger={RETURNS.includes(a)}
              disabled={blocked}
              onClick={() => open(a)}
            >
              {ACTION_NAMES[a]}
            </Button>
          );
          return blocked ? (
            <Tooltip key={a} title="请先保存">
              <span style={{ display: 'inline-block', cursor: 'not-allowed' }}>{button}</span>
            </Tooltip>
          ) : (
            button
          );
        })}
      </Space>
      <Modal
        open={action !== null}
        title={action ? `${ACTION_NAMES[action]}：${detail.name || '（未命名项目）'}` : ''}
        okText="确定"
        cancelText="取消"
        okButtonProps={{ danger: action !== null && RETURNS.includes(action), loading: mutation.isPending }}
        onCancel={() => setAction(null)}
        onOk={() => form.submit()}
        destroyOnHidden
        maskClosable={false}
      >
        {action && (
          <Form
            form={form}
            name="workflow"
            layout="vertical"
            requiredMark
            onFinish={(v) =>
              mutation.mutate({
                action,
                ...(v.opinion?.trim() ? { opinion: v.opinion.trim() } : {}),
                ...(action === 'finance_grade' && v.grade ? { grade: v.grade } : {}),
                ...(action === 'finance_grade' && v.grade === '良' && perfected && v.withPerfected !== false
                  ? { project: perfected }
                  : {}),
              })
            }
          >
            <Typography.Paragraph type="secondary">
              当前状态：{detail.statusName}（第 {detail.version} 版）
            </Typography.Paragraph>
            {action === 'finance_grade' && (
              <Form.Item
                label="评级"
                name="grade"
                rules={[{ required: true, message: '请选择评级' }]}
                extra={grade ? GRADE_EFFECT[grade] : '优、良：已批复；中：退回修改；差：未通过'}
              >
                <Radio.Group
                  {...{ role: 'radiogroup' }}
                  aria-label="评级"
                  options={GRADES.map((g) => ({ value: g, label: g }))}
                />
              </Form.Item>
            )}
            {action === 'finance_grade' && perfected && grade === '良' && (
              <Form.Item name="withPerfected" valuePropName="checked" initialValue={true}>
                <Checkbox>同时保存财政完善后的申报表（作为新修订，然后批复）</Checkbox>
              </Form.Item>
            )}
            {action === 'finance_grade' && perfected && grade !== undefined && grade !== '良' && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                message="只有评「良」时可以附上财政完善的申报表；评其他等级时你的修改不会保存。"
              />
            )}
            <Form.Item
              label={opinionRule?.label}
              name="opinion"
              rules={[
                {
                  required: opinionRequired,
                  whitespace: true,
                  message: RETURNS.includes(action) ? '请填写退回原因' : '请填写理由',
                },
              ]}
            >
              <Input.TextArea
                rows={4}
                maxLength={2000}
                showCount
                placeholder={opinionRule?.placeholder}
                autoFocus={action !== 'finance_grade'}
              />
            </Form.Item>
            {serverError && (
              <Alert type="error" showIcon role="alert" message={(mutation.error as Error).message} />
            )}
          </Form>
        )}
      </Modal>
    </>
  );
}

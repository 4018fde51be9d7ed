/**
 * 审核: the review engine's findings (grouped by severity; each one locates its field on the form or
 * starts a comment on it) and the comments anchored to fields, grouped by field, with who wrote them,
 * when, on which revision, and whether they were dealt with.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Col,
  Empty,
  Form,
  type FormInstance,
  Input,
  List,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { type MutableRefObject, type RefObject, useMemo, useRef } from 'react';
import { api, type Comment, type Finding, type ProjectDetail } from '../../api.ts';
import { fieldLabel, fieldOptions } from '../../fieldNames.ts';
import { showTime } from '../../format.ts';

const SEVERITIES = [
  { key: 'error', name: '错误', color: 'error' },
  { key: 'warn', name: '警告', color: 'warning' },
  { key: 'info', name: '提示', color: 'default' },
] as const;

export function useComments(projectId: number) {
  return useQuery({
    queryKey: ['project', projectId, 'comments'],
    queryFn: () => api.get<{ items: Comment[] }>(`/api/projects/${projectId}/comments`),
    select: (r) => r.items,
  });
}

export function ReviewTab({
  detail,
  canComment,
  onLocate,
}: {
  detail: ProjectDetail;
  canComment: boolean;
  onLocate: (path: string) => void;
}) {
  const [form] = Form.useForm<{ path: string; body: string }>();
  const bodyRef = useRef<HTMLTextAreaElement | null>(null);
  const formCard = useRef<HTMLDivElement>(null);
  const startComment = (path: string, text?: string) => {
    form.setFieldValue('path', path);
    if (text && !form.getFieldValue('body')) form.setFieldValue('body', text);
    formCard.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    bodyRef.current?.focus();
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Findings
          findings={detail.findings}
          detail={detail}
          onLocate={onLocate}
          onComment={canComment ? startComment : undefined}
        />
      </Col>
      <Col xs={24} xl={12}>
        <Comments
          detail={detail}
          canComment={canComment}
          form={form}
          bodyRef={bodyRef}
          formCard={formCard}
          onLocate={onLocate}
        />
      </Col>
    </Row>
  );
}

function Findings({
  findings,
  detail,
  onLocate,
  onComment,
}: {
  findings: Finding[];
  detail: ProjectDetail;
  onLocate: (path: string) => void;
  onComment: ((path: string, text?: string) => void) | undefined;
}) {
  return (
    <Card
      size="small"
      title={
        <span id="findings-title">
          审核发现
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8, fontSize: 12 }}>
            第 {detail.revision} 版修订的自动审核结果
          </Typography.Text>
        </span>
      }
      role="region"
      aria-labelledby="findings-title"
    >
      {findings.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未发现问题" />}
      {SEVERITIES.map((sev) => {
        const group = findings.filter((f) => f.severity === sev.key);
        if (group.length === 0) return null;
        return (
          <section key={sev.key} aria-label={`${sev.name}（${group.length}）`} style={{ marginBottom: 12 }}>
            <Typography.Title level={5} style={{ marginTop: 4 }}>
              <Tag color={sev.color}>{sev.name}</Tag>
              {group.length} 条
            </Typography.Title>
            <List
              size="small"
              bordered
              dataSource={group}
              renderItem={(f, i) => {
                const where = fieldLabel(f.path, detail.project);
                return (
                  <List.Item
                    key={`${f.ruleId}-${f.path}-${i}`}
                    actions={[
                      <Button
                        key="locate"
                        type="link"
                        size="small"
                        onClick={() => onLocate(f.path)}
                        aria-label={`在申报表中查看：${where}`}
                      >
                        定位
                      </Button>,
                      ...(onComment
                        ? [
                            <Button
                              key="comment"
                              type="link"
                              size="small"
                              onClick={() => onComment(f.path, `${f.message}`)}
                              aria-label={`就此发现批注：${where}`}
                            >
                              批注
                            </Button>,
                          ]
                        : []),
                    ]}
                  >
                    <List.Item.Meta
                      title={
                        <Space size={6} wrap>
                          <Tag style={{ fontFamily: 'monospace' }}>{f.ruleId}</Tag>
                          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                            {where}
                          </Typography.Text>
                        </Space>
                      }
                      description={<span style={{ color: 'rgba(0,0,0,0.85)' }}>{f.message}</span>}
                    />
                  </List.Item>
                );
              }}
            />
          </section>
        );
      })}
    </Card>
  );
}

function Comments({
  detail,
  canComment,
  form,
  bodyRef,
  formCard,
  onLocate,
}: {
  detail: ProjectDetail;
  canComment: boolean;
  form: FormInstance<{ path: string; body: string }>;
  bodyRef: MutableRefObject<HTMLTextAreaElement | null>;
  formCard: RefObject<HTMLDivElement>;
  onLocate: (path: string) => void;
}) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const comments = useComments(detail.id);
  const options = useMemo(() => fieldOptions(detail.project), [detail.project]);
  const order = useMemo(() => options.flatMap((g) => g.options.map((o) => o.value)), [options]);

  const add = useMutation({
    mutationFn: (v: { path: string; body: string }) =>
      api.post<{ id: number }>(`/api/projects/${detail.id}/comments`, v),
    onSuccess: async () => {
      message.success('已添加批注');
      form.resetFields(['body']);
      await client.invalidateQueries({ queryKey: ['project', detail.id, 'comments'] });
    },
  });
  const resolve = useMutation({
    mutationFn: (commentId: number) => api.post(`/api/projects/${detail.id}/comments/${commentId}/resolve`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['project', detail.id, 'comments'] }),
    onError: (e) => message.error(e.message),
  });

  const groups = useMemo(() => {
    const byPath = new Map<string, Comment[]>();
    for (const c of comments.data ?? []) byPath.set(c.path, [...(byPath.get(c.path) ?? []), c]);
    const rank = (p: string) => {
      const i = order.indexOf(p);
      return i < 0 ? order.length : i;
    };
    return [...byPath.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  }, [comments.data, order]);
  const open = (comments.data ?? []).filter((c) => !c.resolvedAt).length;

  return (
    <Card
      size="small"
      role="region"
      aria-labelledby="comments-title"
      title={
        <span id="comments-title">
          批注{' '}
          {comments.data && (
            <Badge
              count={open}
              showZero
              color={open > 0 ? '#b7312c' : '#52c41a'}
              title={`未处理 ${open} 条`}
              aria-label={`未处理 ${open} 条`}
            />
          )}
        </span>
      }
    >
      {canComment && (
        <div ref={formCard}>
          <Form
            form={form}
            name="comment"
            layout="vertical"
            initialValues={{ path: '', body: '' }}
            onFinish={(v) => add.mutate({ path: v.path ?? '', body: v.body.trim() })}
            style={{ marginBottom: 16 }}
          >
            <Form.Item label="批注位置" name="path" style={{ marginBottom: 8 }}>
              <Select
                showSearch
                optionFilterProp="label"
                options={options}
                popupMatchSelectWidth={false}
                listHeight={320}
              />
            </Form.Item>
            <Form.Item
              label="批注内容"
              name="body"
              rules={[{ required: true, whitespace: true, message: '请填写批注内容' }]}
              style={{ marginBottom: 8 }}
            >
              <Input.TextArea
                ref={(el) => {
                  bodyRef.current = el?.resizableTextArea?.textArea ?? null;
                }}
                rows={3}
                maxLength={10000}
                placeholder="对所选位置的意见或修改要求"
              />
            </Form.Item>
            {add.error && (
              <Alert
                type="error"
                showIcon
                role="alert"
                message={add.error.message}
                style={{ marginBottom: 8 }}
              />
            )}
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              添加批注
            </Button>
          </Form>
        </div>
      )}
      {comments.error && <Alert type="error" showIcon message={comments.error.message} />}
      {comments.data && groups.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无批注" />
      )}
      {groups.map(([path, items]) => {
        const where = fieldLabel(path, detail.project);
        return (
          <section key={path} aria-label={`批注：${where}`} style={{ marginBottom: 12 }}>
            <Space style={{ marginBottom: 4 }}>
              <Typography.Text strong>{where}</Typography.Text>
              {path !== '' && (
                <Button
                  type="link"
                  size="small"
                  onClick={() => onLocate(path)}
                  aria-label={`在申报表中查看：${where}`}
                >
                  定位
                </Button>
              )}
            </Space>
            <List
              size="small"
              bordered
              dataSource={items}
              renderItem={(c) => (
                <List.Item
                  key={c.id}
                  data-testid="comment"
                  style={c.resolvedAt ? { background: '#fafafa' } : undefined}
                  actions={
                    !c.resolvedAt && canComment
                      ? [
                          <Button
                            key="resolve"
                            size="small"
                            onClick={() => resolve.mutate(c.id)}
                            loading={resolve.isPending && resolve.variables === c.id}
                          >
                            标为已处理
                          </Button>,
                        ]
                      : []
                  }
                >
                  <div style={{ width: '100%' }}>
                    <Space size={6} wrap style={{ fontSize: 12 }}>
                      <Typography.Text strong>{c.authorName}</Typography.Text>
                      <Typography.Text type="secondary">{showTime(c.createdAt)}</Typography.Text>
                      <Tag>第 {c.revision} 版修订</Tag>
                      {c.resolvedAt ? (
                        <Tag color="success">已处理 {showTime(c.resolvedAt)}</Tag>
                      ) : (
                        <Tag color="orange">未处理</Tag>
                      )}
                    </Space>
                    <Typography.Paragraph
                      style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}
                      type={c.resolvedAt ? 'secondary' : undefined}
                    >
                      {c.body}
                    </Typography.Paragraph>
                  </div>
                </List.Item>
              )}
            />
          </section>
        );
      })}
    </Card>
  );
}

/**
 * `/import`: a department reviewer (or the admin, choosing the department) brings a disclosure file
 * in — the text extracted from a published PDF, the JSON format, the PDF itself or an Excel workbook
 * (the blank template filled in, or an export). The file is first read and reviewed on the server
 * without saving (preview): what was read, every reading diagnostic with where it is, the review
 * findings, and whether it can be imported and which units it would create. 导入为草稿 then sends the
 * same request to the import, which saves every project as a draft in one transaction.
 */
import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Result,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import {
  ApiError,
  api,
  type DisclosureJson,
  type Finding,
  fileToBase64,
  type Organization,
} from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { fieldLabel } from '../../fieldNames.ts';
import { fenToWan, showWan, sumFen } from '../../format.ts';
import { TemplateDownload } from '../department/TemplateDownload.tsx';

/** The server's limit (packages/server/src/routes/imports.ts MAX_FILE_MB). */
const MAX_FILE_MB = 10;

/** A reading diagnostic; besides these the server may name other places, all shown. */
interface Diagnostic {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line?: number;
  field?: string;
  ruleId?: string;
  [place: string]: unknown;
}

interface ImportPreview {
  disclosure: DisclosureJson;
  diagnostics: Diagnostic[];
  importable: boolean;
  newUnits: string[];
  findings: Finding[];
  counts: { error: number; warn: number; info: number };
}

interface Imported {
  projectIds: number[];
  unitIds: number[];
  newUnits: string[];
  diagnostics: Diagnostic[];
}

type ImportBody =
  | { format: 'text'; text: string; fileName: string }
  | { format: 'json'; disclosure: unknown }
  | { format: 'pdf' | 'xlsx'; data: string; fileName: string };

/** The request body for a file, by its extension. @throws Error with a Chinese message */
async function bodyFor(file: File): Promise<ImportBody> {
  const ext = file.name.toLowerCase().split('.').pop();
  if (file.size === 0) throw new Error(`${file.name}：文件是空的`);
  if (file.size > MAX_FILE_MB * 1024 * 1024) throw new Error(`${file.name}：文件超过 ${MAX_FILE_MB} MB 上限`);
  switch (ext) {
    case 'txt':
      return { format: 'text', text: await file.text(), fileName: file.name };
    case 'json':
      try {
        return { format: 'json', disclosure: JSON.parse(await file.text()) };
      } catch {
        throw new Error(`${file.name}：不是有效的 JSON 文件`);
      }
    case 'pdf':
    case 'xlsx':
      return { format: ext, data: await fileToBase64(file), fileName: file.name };
    default:
      throw new Error(`${file.name}：只能导入 .txt、.json、.pdf 或 .xlsx 文件`);
  }
}

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const SEVERITY_TAGS: Record<string, [string, string]> = {
  error: ['red', '错误'],
  warning: ['orange', '警告'],
  warn: ['orange', '警告'],
  info: ['blue', '提示'],
};

function SeverityTag({ severity }: { severity: string }) {
  const [color, name] = SEVERITY_TAGS[severity] ?? ['default', severity];
  return <Tag color={color}>{name}</Tag>;
}

export default function ImportPage() {
  const me = useMe();
  const role = me.user.role;
  if (role === 'department_reviewer' && me.scope.departmentId !== null) {
    return <Importer departmentId={me.scope.departmentId} departmentName={me.organization.name} />;
  }
  if (role === 'admin') return <AdminImporter />;
  return (
    <Card>
      <Result
        status="info"
        title="导入由主管部门办理"
        subTitle="把填好的 Excel 填报模板或公开文本交给主管部门审核人导入；预算单位可以下载空白模板填写。"
        extra={
          me.scope.departmentId !== null ? <TemplateDownload departmentId={me.scope.departmentId} /> : null
        }
      />
    </Card>
  );
}

/** The admin imports into any department of the region: choose it first. */
function AdminImporter() {
  const orgs = useQuery({
    queryKey: ['organizations'],
    queryFn: () => api.get<{ items: Organization[] }>('/api/organizations'),
    select: (r) => r.items.filter((o) => o.kind === 'department'),
  });
  const [chosen, setChosen] = useState<number | undefined>();
  const department = orgs.data?.find((o) => o.id === chosen);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space>
          <label htmlFor="import-department">导入到部门</label>
          <Select
            id="import-department"
            aria-label="导入到部门"
            style={{ width: 360 }}
            loading={orgs.isPending}
            placeholder="选择主管部门"
            value={chosen}
            onChange={setChosen}
            options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Space>
      </Card>
      {department && (
        <Importer key={department.id} departmentId={department.id} departmentName={department.name} />
      )}
    </Space>
  );
}

function Importer({ departmentId, departmentName }: { departmentId: number; departmentName: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [body, setBody] = useState<ImportBody | null>(null);
  const preview = useMutation({
    mutationFn: (b: ImportBody) =>
      api.post<ImportPreview>(`/api/departments/${departmentId}/imports/preview`, b),
  });
  const save = useMutation({
    mutationFn: (b: ImportBody) => api.post<Imported>(`/api/departments/${departmentId}/imports`, b),
  });
  const [readError, setReadError] = useState<string | null>(null);

  const choose = async (f: File) => {
    setFile(f);
    setBody(null);
    setReadError(null);
    preview.reset();
    save.reset();
    try {
      const b = await bodyFor(f);
      setBody(b);
      preview.mutate(b);
    } catch (e) {
      setReadError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={`导入到「${departmentName}」`} extra={<TemplateDownload departmentId={departmentId} />}>
        <Upload.Dragger
          aria-label="选择文件"
          accept=".txt,.json,.pdf,.xlsx"
          multiple={false}
          showUploadList={false}
          disabled={preview.isPending || save.isPending}
          beforeUpload={(f) => {
            void choose(f);
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">选择文件：点击或把文件拖到这里</p>
          <p className="ant-upload-hint">
            支持 .txt（公开 PDF
            提取的文本）、.json（规范格式）、.pdf（公开文本）、.xlsx（填好的填报模板或导出的工作簿）， 不超过{' '}
            {MAX_FILE_MB} MB。先读取预览，核对无误后再导入为草稿。
          </p>
        </Upload.Dragger>
        {file && (
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
            已选择：<Typography.Text strong>{file.name}</Typography.Text>（{fileSize(file.size)}）
            {preview.isPending && '，正在读取…'}
          </Typography.Paragraph>
        )}
      </Card>

      {readError && (
        <Alert type="error" showIcon role="alert" message="文件无法读取" description={readError} />
      )}
      {preview.isError && <PreviewError error={preview.error} />}
      {preview.data && body && (
        <PreviewResult
          preview={preview.data}
          departmentName={departmentName}
          fileName={file?.name ?? ''}
          saving={save.isPending}
          saved={save.data}
          saveError={save.error}
          onImport={() => save.mutate(body)}
        />
      )}
    </Space>
  );
}

/** The server's refusal: its Chinese message, and the diagnostics or fields it names. */
function PreviewError({ error }: { error: Error }) {
  const diagnostics =
    error instanceof ApiError
      ? ((error.details as { diagnostics?: Diagnostic[] } | undefined)?.diagnostics ?? [])
      : [];
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <Card title="读取结果">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="error" showIcon role="alert" message="文件无法导入" description={error.message} />
        {fields.length > 0 && (
          <ul style={{ margin: 0 }}>
            {fields.slice(0, 50).map((f) => (
              <li key={f.path}>
                <Typography.Text code>{f.path}</Typography.Text> {f.message}
              </li>
            ))}
          </ul>
        )}
        {diagnostics.length > 0 && <DiagnosticsTable diagnostics={diagnostics} />}
      </Space>
    </Card>
  );
}

interface ReadProject {
  index: number;
  name: string;
  unit: string;
  annualTotal: string | null;
  indicators: number;
  errors: number;
  warns: number;
}

function PreviewResult({
  preview,
  departmentName,
  fileName,
  saving,
  saved,
  saveError,
  onImport,
}: {
  preview: ImportPreview;
  departmentName: string;
  fileName: string;
  saving: boolean;
  saved: Imported | undefined;
  saveError: Error | null;
  onImport(): void;
}) {
  const d = preview.disclosure;
  const projects = useMemo<ReadProject[]>(() => {
    const byProject = new Map<number, { errors: number; warns: number }>();
    for (const f of preview.findings) {
      const i = /^projects\[(\d+)\]/.exec(f.path)?.[1];
      if (i === undefined) continue;
      const c = byProject.get(Number(i)) ?? { errors: 0, warns: 0 };
      if (f.severity === 'error') c.errors++;
      if (f.severity === 'warn') c.warns++;
      byProject.set(Number(i), c);
    }
    return d.projects.map((p, index) => ({
      index,
      name: p.form.name,
      unit: p.form.implementingUnit,
      annualTotal: (p.form.funds.annualTotal as string | null) ?? null,
      indicators: p.form.indicators.length,
      errors: byProject.get(index)?.errors ?? 0,
      warns: byProject.get(index)?.warns ?? 0,
    }));
  }, [d, preview.findings]);
  const total = sumFen(projects.map((p) => p.annualTotal));
  const otherDepartment = d.department.replace(/\s+/g, '') !== departmentName.replace(/\s+/g, '');

  const columns: ColumnsType<ReadProject> = [
    { title: '序号', dataIndex: 'index', width: 60, render: (i: number) => i + 1 },
    {
      title: '项目名称',
      dataIndex: 'name',
      render: (name: string, p) =>
        saved?.projectIds[p.index] !== undefined ? (
          <Link to={`/projects/${saved.projectIds[p.index]}`}>{name}</Link>
        ) : (
          name
        ),
    },
    { title: '实施单位', dataIndex: 'unit', width: 240 },
    {
      title: '年度资金（万元）',
      dataIndex: 'annualTotal',
      width: 150,
      align: 'right',
      render: (v: string | null) => showWan(v),
    },
    { title: '指标数', dataIndex: 'indicators', width: 80, align: 'right' },
    {
      title: '错误',
      dataIndex: 'errors',
      width: 70,
      align: 'right',
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
    {
      title: '警告',
      dataIndex: 'warns',
      width: 70,
      align: 'right',
      render: (n: number) => (n > 0 ? <Typography.Text type="warning">{n}</Typography.Text> : n),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="读取结果">
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {saved ? (
            <Alert
              type="success"
              showIcon
              role="status"
              message={`已导入 ${saved.projectIds.length} 个项目为草稿`}
              description={
                <span>
                  {saved.newUnits.length > 0 ? `新建了预算单位：${saved.newUnits.join('、')}。` : ''}
                  点下表的项目名称打开项目，或到 <Link to="/projects">项目列表</Link> 查看。
                </span>
              }
            />
          ) : preview.importable ? (
            <Alert
              type="success"
              showIcon
              message={`可以导入：${d.projects.length} 个项目将作为草稿保存到「${departmentName}」`}
            />
          ) : (
            <Alert
              type="error"
              showIcon
              role="alert"
              message="不能导入"
              description="原因见下方“读取提示”中的错误。"
            />
          )}
          {otherDepartment && (
            <Alert
              type="warning"
              showIcon
              message={`文件中的主管部门是「${d.department}」，将导入到「${departmentName}」`}
            />
          )}
          <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
            <Descriptions.Item label="文件">{fileName}</Descriptions.Item>
            <Descriptions.Item label="主管部门（文件中）">{d.department}</Descriptions.Item>
            <Descriptions.Item label="预算年度">{d.year} 年</Descriptions.Item>
            <Descriptions.Item label="项目数">{d.projects.length} 个</Descriptions.Item>
            <Descriptions.Item label="年度资金合计（万元）">
              {total === null ? '—' : fenToWan(total)}
            </Descriptions.Item>
            <Descriptions.Item label="将新建的预算单位">
              {preview.newUnits.length === 0 ? (
                '无（都是已有的单位）'
              ) : (
                <Space size={[4, 4]} wrap>
                  {preview.newUnits.map((u) => (
                    <Tag key={u}>{u}</Tag>
                  ))}
                </Space>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="审核发现" span={3}>
              <Space size={4} wrap aria-label="审核发现条数">
                <Tag color="red">错误 {preview.counts.error}</Tag>
                <Tag color="orange">警告 {preview.counts.warn}</Tag>
                <Tag color="blue">提示 {preview.counts.info}</Tag>
              </Space>
            </Descriptions.Item>
          </Descriptions>
          <Space>
            <Button
              type="primary"
              onClick={onImport}
              loading={saving}
              disabled={!preview.importable || saved !== undefined}
            >
              导入为草稿
            </Button>
            {!preview.importable && <Typography.Text type="secondary">有错误，不能导入</Typography.Text>}
          </Space>
          {saveError && <PreviewError error={saveError} />}
        </Space>
      </Card>

      <Card title={`读出的项目（${projects.length} 个）`}>
        <Table
          rowKey="index"
          size="small"
          columns={columns}
          dataSource={projects}
          pagination={projects.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        />
      </Card>

      <Card title={`读取提示（${preview.diagnostics.length} 条）`}>
        {preview.diagnostics.length === 0 ? (
          <Typography.Text type="secondary">读取时没有提示。</Typography.Text>
        ) : (
          <DiagnosticsTable diagnostics={preview.diagnostics} read={d.projects} />
        )}
      </Card>

      <Card title={`审核发现（${preview.findings.length} 条）`}>
        <FindingsTable findings={preview.findings} projects={projects} read={d.projects} />
      </Card>
    </Space>
  );
}

/** Names of the place fields a diagnostic may carry; unknown ones are shown under their key. */
const PLACE_NAMES: Record<string, string> = {
  line: '行',
  page: '页',
  sheet: '工作表',
  row: '行号',
  column: '列',
  field: '字段',
  ruleId: '规则',
};

function DiagnosticsTable({
  diagnostics,
  read,
}: {
  diagnostics: Diagnostic[];
  /** the projects as read, when there are any: a field path is then named as the form names it */
  read?: DisclosureJson['projects'];
}) {
  // every field beyond code/severity/message names where: one column each, in a stable order
  const places = useMemo(() => {
    const keys = new Set<string>();
    for (const d of diagnostics) {
      for (const k of Object.keys(d)) if (!['code', 'severity', 'message'].includes(k)) keys.add(k);
    }
    const known = Object.keys(PLACE_NAMES);
    return [...keys].sort((a, b) => {
      const ia = known.indexOf(a);
      const ib = known.indexOf(b);
      return (ia < 0 ? known.length : ia) - (ib < 0 ? known.length : ib) || a.localeCompare(b);
    });
  }, [diagnostics]);
  const columns: ColumnsType<Diagnostic & { key: number }> = [
    { title: '级别', dataIndex: 'severity', width: 80, render: (s: string) => <SeverityTag severity={s} /> },
    {
      title: '代码',
      dataIndex: 'code',
      width: 240,
      render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
    },
    { title: '说明', dataIndex: 'message' },
    ...places.map((k) => ({
      title: PLACE_NAMES[k] ?? k,
      dataIndex: k,
      width: k === 'field' ? 220 : 90,
      render: (v: unknown) => {
        if (v === undefined || v === null) return '';
        if (typeof v === 'object') return JSON.stringify(v);
        const at = k === 'field' && read ? /^projects\[(\d+)\]\.?/.exec(String(v)) : null;
        if (!at || !read) return String(v);
        const project = read[Number(at[1])];
        return (
          <span title={String(v)}>
            {project ? `${project.form.name} · ` : ''}
            {fieldLabel(String(v).slice(at[0].length), project)}
          </span>
        );
      },
    })),
  ];
  return (
    <Table
      size="small"
      columns={columns}
      dataSource={diagnostics.map((d, key) => ({ ...d, key }))}
      pagination={diagnostics.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
    />
  );
}

function FindingsTable({
  findings,
  projects,
  read,
}: {
  findings: Finding[];
  projects: ReadProject[];
  /** the projects as read, to name rows by their indicator and section names */
  read: DisclosureJson['projects'];
}) {
  if (findings.length === 0) return <Typography.Text type="secondary">审核没有发现问题。</Typography.Text>;
  const columns: ColumnsType<Finding & { key: number }> = [
    { title: '级别', dataIndex: 'severity', width: 80, render: (s: string) => <SeverityTag severity={s} /> },
    { title: '规则', dataIndex: 'ruleId', width: 100 },
    {
      title: '项目',
      dataIndex: 'path',
      key: 'project',
      width: 240,
      render: (path: string) => {
        const i = /^projects\[(\d+)\]/.exec(path)?.[1];
        return i === undefined ? '（整份文件）' : (projects[Number(i)]?.name ?? `第 ${Number(i) + 1} 个项目`);
      },
    },
    { title: '说明', dataIndex: 'message' },
    {
      title: '位置',
      dataIndex: 'path',
      key: 'path',
      width: 260,
      // the field as the form names it (指标「…」· 指标值); the raw path for programs, on hover
      render: (p: string) => {
        const i = /^projects\[(\d+)\]\.?/.exec(p);
        const label = i ? fieldLabel(p.slice(i[0].length), read[Number(i[1])]) : p;
        return (
          <Typography.Text type="secondary" title={p}>
            {label}
          </Typography.Text>
        );
      },
    },
  ];
  return (
    <Table
      size="small"
      columns={columns}
      dataSource={findings.map((f, key) => ({ ...f, key }))}
      pagination={findings.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
    />
  );
}

/**
 * 项目列表: server-side filtering, sorting and paging over `GET /api/projects`. Every filter lives
 * in the address (`/projects?year=2024&status=submitted,returned&minWan=10`), so a filtered list can
 * be shared and the back button undoes a filter. Amounts are entered in 万元 and sent in 元, exactly.
 */
import { PROJECT_STATUSES, STATUS_NAMES } from '@jixiao/core';
import {
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  type TableProps,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ProjectListItem } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { showTime, showWan, showYuan } from '../../format.ts';
import { useBudgetYears, yearChoices } from '../../years.ts';
import {
  CATEGORY_OPTIONS,
  type ProjectQuery,
  useOrganizations,
  useProjectList,
  wanToYuan,
} from './common.ts';

const SORTS = ['name', 'annualTotal', 'updatedAt', 'status'] as const;
type SortKey = (typeof SORTS)[number];
const PAGE_SIZES = [10, 20, 50, 100];

const positive = (s: string | null) => {
  const n = s ? Number(s) : Number.NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** The address's query → the list's filters (invalid values are ignored). */
function readParams(params: URLSearchParams) {
  const statuses = (params.get('status') ?? '')
    .split(',')
    .filter((s) => (PROJECT_STATUSES as readonly string[]).includes(s));
  const sort = params.get('sort');
  const order = params.get('order');
  const orderParam: 'asc' | 'desc' | undefined = order === 'asc' || order === 'desc' ? order : undefined;
  return {
    year: positive(params.get('year')),
    statuses,
    departmentId: positive(params.get('departmentId')),
    unitId: positive(params.get('unitId')),
    category: params.get('category') ?? '',
    minWan: params.get('minWan') ?? '',
    maxWan: params.get('maxWan') ?? '',
    search: params.get('search') ?? '',
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : undefined,
    order: orderParam,
    page: positive(params.get('page')) ?? 1,
    pageSize: positive(params.get('pageSize')) ?? 20,
  };
}
/** The address's query parameters. */
type Param =
  | 'year'
  | 'status'
  | 'departmentId'
  | 'unitId'
  | 'category'
  | 'minWan'
  | 'maxWan'
  | 'search'
  | 'sort'
  | 'order'
  | 'page'
  | 'pageSize';

export default function ProjectList() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const f = readParams(params);
  const years = useBudgetYears(me.scope.regionId);
  const orgs = useOrganizations();

  /** Changes some filters; any change but paging goes back to page 1. */
  const update = (patch: Partial<Record<Param, string | number | undefined | null>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };

  const minYuan = wanToYuan(f.minWan);
  const maxYuan = wanToYuan(f.maxWan);
  const query: ProjectQuery = {
    year: f.year,
    status: f.statuses.length > 0 ? f.statuses.join(',') : undefined,
    departmentId: f.departmentId,
    unitId: f.unitId,
    category: f.category || undefined,
    minYuan: minYuan ?? undefined,
    maxYuan: maxYuan ?? undefined,
    search: f.search.trim() || undefined,
    sort: f.sort,
    order: f.sort ? (f.order ?? 'asc') : undefined,
    page: f.page,
    pageSize: f.pageSize,
  };
  const list = useProjectList(query, { keepPrevious: true });

  const departments = (orgs.data ?? []).filter((o) => o.kind === 'department');
  const units = (orgs.data ?? []).filter(
    (o) => o.kind === 'unit' && (f.departmentId === undefined || o.parentId === f.departmentId),
  );

  const columns: TableProps<ProjectListItem>['columns'] = [
    {
      title: '项目名称',
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      render: (name: string, p) => <Link to={`/projects/${p.id}`}>{name || '（未命名项目）'}</Link>,
    },
    { title: '单位', dataIndex: 'unitName', key: 'unit', ellipsis: { showTitle: true } },
    {
      title: '部门',
      dataIndex: 'departmentName',
      key: 'department',
      ellipsis: { showTitle: true },
      // reviewers, finance and the admin open the department's summary from here
      render: (name: string, p) =>
        me.user.role === 'preparer' ? (
          name
        ) : (
          <Link to={`/departments/${p.departmentId}?year=${p.year}`}>{name}</Link>
        ),
    },
    { title: '年度', dataIndex: 'year', key: 'year', width: 72 },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      sorter: true,
      width: 116,
      render: (s: string) => <StatusTag status={s} />,
    },
    {
      title: '年度资金(万元)',
      dataIndex: 'annualTotal',
      key: 'annualTotal',
      sorter: true,
      align: 'right',
      width: 136,
      render: (v: string | null) => (
        <Tooltip title={v ? `${showYuan(v)} 元` : undefined}>
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{showWan(v)}</span>
        </Tooltip>
      ),
    },
    {
      title: '问题',
      key: 'issues',
      width: 120,
      render: (_, p) =>
        p.errorCount === 0 && p.warnCount === 0 ? (
          <Typography.Text type="secondary">无</Typography.Text>
        ) : (
          <Space size={4}>
            {p.errorCount > 0 && <Tag color="error">错误 {p.errorCount}</Tag>}
            {p.warnCount > 0 && <Tag color="warning">警告 {p.warnCount}</Tag>}
          </Space>
        ),
    },
    { title: '评级', dataIndex: 'grade', key: 'grade', width: 64, render: (g: string | null) => g ?? '—' },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      sorter: true,
      width: 150,
      render: (t: string) => showTime(t),
    },
  ];
  for (const c of columns) {
    if (c.sorter && c.key === f.sort) c.sortOrder = f.order === 'desc' ? 'descend' : 'ascend';
    else if (c.sorter) c.sortOrder = null;
  }

  const filtered =
    f.year !== undefined ||
    f.statuses.length > 0 ||
    f.departmentId !== undefined ||
    f.unitId !== undefined ||
    f.category !== '' ||
    f.minWan !== '' ||
    f.maxWan !== '' ||
    f.search !== '';

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        项目
      </Typography.Title>
      <Card size="small" title="筛选">
        <Form
          layout="inline"
          colon={false}
          style={{ rowGap: 12 }}
          onSubmitCapture={(e) => e.preventDefault()}
        >
          <Form.Item label="年度" htmlFor="filter-year">
            <Select
              id="filter-year"
              style={{ width: 140 }}
              allowClear
              placeholder="全部年度"
              value={f.year}
              options={yearChoices(years.data, f.year)}
              onChange={(v?: number) => update({ year: v })}
            />
          </Form.Item>
          <Form.Item label="部门" htmlFor="filter-department">
            <Select
              id="filter-department"
              style={{ width: 240 }}
              allowClear
              placeholder="全部部门"
              value={f.departmentId}
              options={departments.map((d) => ({ value: d.id, label: d.name }))}
              onChange={(v?: number) => update({ departmentId: v, unitId: undefined })}
              showSearch
              optionFilterProp="label"
            />
          </Form.Item>
          <Form.Item label="单位" htmlFor="filter-unit">
            <Select
              id="filter-unit"
              style={{ width: 260 }}
              allowClear
              placeholder="全部单位"
              value={f.unitId}
              options={units.map((u) => ({ value: u.id, label: u.name }))}
              onChange={(v?: number) => update({ unitId: v })}
              showSearch
              optionFilterProp="label"
            />
          </Form.Item>
          <Form.Item label="状态" htmlFor="filter-status">
            <Select
              id="filter-status"
              mode="multiple"
              style={{ minWidth: 200, maxWidth: 420 }}
              allowClear
              placeholder="全部状态"
              value={f.statuses}
              options={PROJECT_STATUSES.map((s) => ({ value: s, label: STATUS_NAMES[s] }))}
              onChange={(v: string[]) => update({ status: v.join(',') })}
            />
          </Form.Item>
          <Form.Item label="项目类别" htmlFor="filter-category">
            <Select
              id="filter-category"
              style={{ width: 150 }}
              allowClear
              placeholder="全部类别"
              value={f.category || undefined}
              options={[...new Set([...CATEGORY_OPTIONS, ...(f.category ? [f.category] : [])])].map((c) => ({
                value: c,
                label: c,
              }))}
              onChange={(v?: string) => update({ category: v })}
            />
          </Form.Item>
          <AmountRange
            minWan={f.minWan}
            maxWan={f.maxWan}
            onChange={(minWan, maxWan) => update({ minWan, maxWan })}
          />
          <Form.Item label="搜索" htmlFor="filter-search">
            <SearchBox value={f.search} onSearch={(search) => update({ search })} />
          </Form.Item>
          {filtered && (
            <Form.Item>
              <Button onClick={() => setParams(new URLSearchParams())}>清除筛选</Button>
            </Form.Item>
          )}
        </Form>
      </Card>
      <Card size="small">
        <Typography.Paragraph style={{ marginBottom: 12 }} aria-live="polite" data-testid="list-totals">
          {list.data ? (
            <>
              共 <Typography.Text strong>{list.data.total}</Typography.Text> 个项目，年度资金合计{' '}
              <Typography.Text strong>{list.data.totalWan}</Typography.Text> 万元
              <Typography.Text type="secondary">（{showYuan(list.data.totalYuan)} 元）</Typography.Text>
            </>
          ) : (
            '正在查询…'
          )}
        </Typography.Paragraph>
        {list.error && (
          <Typography.Paragraph type="danger" role="alert">
            {list.error.message}
          </Typography.Paragraph>
        )}
        <Table<ProjectListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          locale={{ emptyText: filtered ? '没有符合条件的项目' : '暂无项目' }}
          scroll={{ x: 1100 }}
          pagination={{
            current: f.page,
            pageSize: f.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (total) => `共 ${total} 项`,
          }}
          onChange={(pagination, _filters, sorter, extra) => {
            if (extra.action === 'sort') {
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              const key = s?.order ? (s.columnKey as SortKey) : undefined;
              update({ sort: key, order: key ? (s?.order === 'descend' ? 'desc' : 'asc') : undefined });
            } else if (extra.action === 'paginate') {
              update({
                page: pagination.current === 1 ? undefined : pagination.current,
                pageSize: pagination.pageSize === 20 ? undefined : pagination.pageSize,
              });
            }
          }}
        />
      </Card>
    </Space>
  );
}

/** The search box: typed freely, applied on Enter or the button (one history entry per search). */
function SearchBox({ value, onSearch }: { value: string; onSearch: (v: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <Input.Search
      id="filter-search"
      aria-label="搜索项目或指标名称"
      placeholder="项目或指标名称"
      allowClear
      style={{ width: 240 }}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => onSearch(v.trim())}
      enterButton="搜索"
    />
  );
}

/** 金额范围（万元）: applied on Enter or when leaving the field; an invalid amount is flagged. */
function AmountRange({
  minWan,
  maxWan,
  onChange,
}: {
  minWan: string;
  maxWan: string;
  onChange: (min: string, max: string) => void;
}) {
  const [min, setMin] = useState(minWan);
  const [max, setMax] = useState(maxWan);
  useEffect(() => setMin(minWan), [minWan]);
  useEffect(() => setMax(maxWan), [maxWan]);
  const apply = () => {
    if (min !== minWan || max !== maxWan) onChange(min, max);
  };
  const bad = useMemo(
    () => (min !== '' && wanToYuan(min) === null) || (max !== '' && wanToYuan(max) === null),
    [min, max],
  );
  return (
    <Form.Item
      label="年度资金（万元）"
      htmlFor="filter-min"
      validateStatus={bad ? 'error' : undefined}
      help={bad ? '请输入不小于 0 的金额（万元，最多 6 位小数）' : undefined}
    >
      <Space size={4}>
        <InputNumber<string>
          id="filter-min"
          aria-label="最低金额（万元）"
          placeholder="最低"
          stringMode
          min="0"
          style={{ width: 110 }}
          value={min === '' ? null : min}
          onChange={(v) => setMin(v ?? '')}
          onBlur={apply}
          onPressEnter={apply}
        />
        <span aria-hidden="true">至</span>
        <InputNumber<string>
          aria-label="最高金额（万元）"
          placeholder="最高"
          stringMode
          min="0"
          style={{ width: 110 }}
          value={max === '' ? null : max}
          onChange={(v) => setMax(v ?? '')}
          onBlur={apply}
          onPressEnter={apply}
        />
      </Space>
    </Form.Item>
  );
}

/**
 * "下载" in every format the server writes. Downloads are plain links to the export routes, so the
 * browser streams the file and names it from the server's Content-Disposition (Chinese file names).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { downloadUrl } from '../api.ts';

export const EXPORT_FORMATS = [
  ['pdf', 'PDF（公开文本版式）'],
  ['xlsx', 'Excel 工作簿'],
  ['docx', 'Word 文档'],
  ['csv', 'CSV（每个指标一行）'],
  ['html', 'HTML 网页'],
  ['json', 'JSON（规范格式）'],
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number][0];

export type ExportTarget =
  | { kind: 'project'; id: number; revision?: number }
  | { kind: 'department'; id: number; year: number; status?: string }
  | { kind: 'publication'; id: number };

/** The download address of a target in a format. */
export function exportHref(target: ExportTarget, format: ExportFormat): string {
  switch (target.kind) {
    case 'project':
      return downloadUrl(`/api/projects/${target.id}/export`, { format, revision: target.revision });
    case 'department':
      return downloadUrl(`/api/departments/${target.id}/export`, {
        year: target.year,
        format,
        status: target.status,
      });
    case 'publication':
      return downloadUrl(`/api/public/publications/${target.id}/export`, { format });
  }
}

export function ExportMenu({ target, label = '下载' }: { target: ExportTarget; label?: string }) {
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: EXPORT_FORMATS.map(([format, name]) => ({
          key: format,
          label: (
            <a href={exportHref(target, format)} download data-format={format}>
              {name}
            </a>
          ),
        })),
      }}
    >
      <Button icon={<DownloadOutlined aria-hidden />} aria-haspopup="menu">
        {label}
      </Button>
    </Dropdown>
  );
}

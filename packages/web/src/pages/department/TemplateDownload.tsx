/** The blank Excel template of a department for a year: a year choice and the download link. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Select, Space } from 'antd';
import { useState } from 'react';
import { downloadUrl } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { pickYear, useBudgetYears, yearChoices } from '../../years.ts';

export function TemplateDownload({ departmentId }: { departmentId: number }) {
  const me = useMe();
  const years = useBudgetYears(me.scope.regionId);
  const [picked, setPicked] = useState<number | undefined>();
  const year = picked ?? pickYear(null, years.data);
  return (
    <Space wrap>
      <Select
        aria-label="模板年度"
        value={year}
        style={{ width: 170 }}
        options={yearChoices(years.data, year)}
        onChange={setPicked}
      />
      <TemplateButton departmentId={departmentId} year={year} />
    </Space>
  );
}

/** The department's blank Excel template of a year, for its units to fill in and upload. */
export function TemplateButton({ departmentId, year }: { departmentId: number; year: number }) {
  return (
    <Button
      icon={<DownloadOutlined aria-hidden />}
      href={downloadUrl(`/api/departments/${departmentId}/template`, { year })}
      download
    >
      下载填报模板
    </Button>
  );
}

import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { apiUrl, type QueryParams } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';

/** Excel export of the same filtered list (台账): the API builds the workbook, the browser downloads it. */
export function ExportLink({ path, filters }: { path: string; filters: QueryParams }) {
  const { t } = useI18n();
  return (
    <Button size="small" icon={<DownloadOutlined />} href={apiUrl(path, filters)} download data-testid="export-xlsx">
      {t('导出 Excel', 'Export to Excel')}
    </Button>
  );
}

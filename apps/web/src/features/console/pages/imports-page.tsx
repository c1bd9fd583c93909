import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Radio, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS, type HouseholdImportResult, type HouseholdPlanRow, type RosterImportResult, type RosterPlanRow } from '@shuren/core';
import { api, apiUrl, isApiError, type ApiError } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';

type Kind = 'roster' | 'households';
type Result = RosterImportResult | HouseholdImportResult;

/**
 * Excel import of a 三长 roster or a household list: first a dry run that reports, row by row, what would
 * happen (or which cells are wrong), then the real import of the same file.
 */
export default function ImportsPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [kind, setKind] = useState<Kind>('roster');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const fd = new FormData();
      fd.append('file', file);
      const r = await api<Result>(`/imports/${kind}`, { method: 'POST', query: { dryRun }, body: fd });
      setResult(r);
      if (!dryRun) await qc.invalidateQueries();
    } catch (e) {
      setResult(null);
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }

  const rowErrors = isApiError(error) ? error.fieldErrors : [];
  return (
    <Card title={t('Excel 导入', 'Excel import')} size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Radio.Group value={kind} onChange={(e) => { setKind(e.target.value); setResult(null); setError(null); }} optionType="button" options={[{ value: 'roster', label: t('三长名册', '三长 roster') }, { value: 'households', label: t('住户名单', 'Households') }]} />
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={apiUrl(`/imports/${kind}/template.xlsx`)} download>{t('下载模板', 'Download template')}</Button>
          <Upload accept=".xlsx" maxCount={1} beforeUpload={(f) => { setFile(f); setResult(null); setError(null); return false; }} onRemove={() => setFile(null)} data-testid="import-file">
            <Button icon={<UploadOutlined />}>{t('选择 Excel 文件', 'Choose an Excel file')}</Button>
          </Upload>
          <Button type="primary" disabled={!file} loading={busy} onClick={() => run(true)} data-testid="import-dry-run">{t('检查（不导入）', 'Check (dry run)')}</Button>
          {result?.dryRun && (
            <Button type="primary" danger loading={busy} onClick={() => run(false)} data-testid="import-commit">{t('确认导入', 'Import now')}</Button>
          )}
        </Space>
        {error && (
          <Alert
            type="error"
            showIcon
            title={error.message}
            data-testid="import-errors"
            description={
              rowErrors.length > 0 && (
                <Table size="small" rowKey={(r) => `${r.field}|${r.code}`} pagination={false} dataSource={rowErrors} scroll={{ y: 360 }} columns={[
                  { title: t('位置', 'Where'), dataIndex: 'field', width: 180, render: (f: string) => f.replace(/^row:(\d+)\//, (_m, n) => t(`第 ${n} 行 / `, `row ${n} / `)) },
                  { title: t('问题', 'Problem'), dataIndex: 'message' },
                ]} />
              )
            }
          />
        )}
        {result && <ImportReport result={result} kind={kind} />}
      </Space>
    </Card>
  );
}

function ImportReport({ result, kind }: { result: Result; kind: Kind }) {
  const { t } = useI18n();
  const plan = (v: string) => (v === 'create' ? <Tag color="green">{t('新建', 'create')}</Tag> : v === 'reuse' ? <Tag color="blue">{t('已有', 'existing')}</Tag> : <Tag>{t('跳过', 'skip')}</Tag>);
  return (
    <div data-testid="import-report">
      <Alert type={result.dryRun ? 'info' : 'success'} showIcon title={result.dryRun ? t(`检查通过：共 ${result.rowCount} 行，尚未导入`, `Check passed: ${result.rowCount} rows, nothing imported yet`) : t(`导入完成：共 ${result.rowCount} 行`, `Imported ${result.rowCount} rows`)} style={{ marginBottom: 8 }} />
      <Descriptions size="small" bordered column={4} items={Object.entries(result.counts).map(([k, v]) => ({ key: k, label: COUNT_LABELS[k] ? t(COUNT_LABELS[k]) : k, children: v }))} />
      {result.rows && kind === 'roster' && (
        <Table<RosterPlanRow> size="small" rowKey="row" dataSource={result.rows as RosterPlanRow[]} pagination={{ pageSize: 100 }} style={{ marginTop: 8 }} columns={[
          { title: t('行', 'Row'), dataIndex: 'row', width: 60 },
          { title: t('姓名', 'Name'), dataIndex: 'name' },
          { title: t('角色', 'Role'), dataIndex: 'role', render: (r: RosterPlanRow['role']) => t(ROLE_LABELS[r]) },
          { title: t('网格', 'Grid'), dataIndex: 'regionName', render: (n: string, r) => `${n} (${r.regionCode})` },
          { title: t('开始日期', 'Start'), dataIndex: 'startDate' },
          { title: t('党员', 'Party'), dataIndex: 'partyMember', render: (p: boolean) => (p ? t('是', 'yes') : '') },
          { title: t('人员', 'Person'), dataIndex: 'person', render: plan },
          { title: t('任职', 'Assignment'), dataIndex: 'assignment', render: plan },
        ]} />
      )}
      {result.rows && kind === 'households' && (
        <Table<HouseholdPlanRow> size="small" rowKey="row" dataSource={result.rows as HouseholdPlanRow[]} pagination={{ pageSize: 100 }} style={{ marginTop: 8 }} columns={[
          { title: t('行', 'Row'), dataIndex: 'row', width: 60 },
          { title: t('网格', 'Grid'), dataIndex: 'regionName', render: (n: string, r) => `${n} (${r.regionCode})` },
          { title: t('房号', 'Room'), dataIndex: 'room' },
          { title: t('地址', 'Address'), dataIndex: 'address' },
          { title: t('面积', 'Area'), dataIndex: 'floorArea' },
          { title: t('户主', 'Head'), dataIndex: 'head', render: (h: HouseholdPlanRow['head']) => (h ? <>{h.name} {plan(h.person)}</> : '—') },
        ]} />
      )}
      {!result.rows && <Typography.Paragraph type="secondary">{t('已写入登记簿，可在对应列表查看。', 'Written to the registry; see the lists.')}</Typography.Paragraph>}
    </div>
  );
}

const COUNT_LABELS: Record<string, { zh: string; en: string }> = {
  peopleCreated: { zh: '新建人员', en: 'People created' },
  peopleReused: { zh: '已有人员', en: 'Existing people' },
  assignmentsCreated: { zh: '新建任职', en: 'Assignments created' },
  assignmentsSkipped: { zh: '跳过任职', en: 'Assignments skipped' },
  householdsCreated: { zh: '新建住户', en: 'Households created' },
  peopleLinked: { zh: '关联人员', en: 'People linked' },
};

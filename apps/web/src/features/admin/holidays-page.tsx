import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Col, DatePicker, Empty, Input, InputNumber, Modal, Row, Space, Table, Tag, Typography, message } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { checkHolidayYear, normaliseHolidayYear, parseHolidayNotice, weekdayOf, type HolidayDay, type HolidayYearSummary } from '@shuren/core';
import { api, isApiError } from '../../shared/api';
import { formatDateTime, shanghaiToday, useI18n } from '../../shared/i18n';
import { useUrlState } from '../console/shared/scope';
import { HOLIDAY_YEARS_KEY, useHolidayYear, useHolidayYears } from './admin-api';

const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** 节假日: the years SLA clocks count on; a year is edited as lists of dates (with names) and make-up workdays. */
export default function HolidaysPage() {
  const { t } = useI18n();
  const years = useHolidayYears();
  const { get, set } = useUrlState();
  const [adding, setAdding] = useState(false);
  const items = years.data?.items ?? [];
  const selected = get('year') ? Number(get('year')) : items[items.length - 1]?.year;
  const known = items.some((y) => y.year === selected);

  const columns = [
    { title: t('年份', 'Year'), dataIndex: 'year', width: 70, render: (y: number) => <a onClick={() => set({ year: String(y) })} data-testid={`holiday-year-${y}`}>{y}</a> },
    { title: t('放假天数', 'Days off'), dataIndex: 'holidayDays', width: 80, align: 'right' as const },
    { title: t('调休上班', 'Make-up days'), dataIndex: 'makeupWorkdays', width: 90, align: 'right' as const },
    { title: t('全年工作日', 'Working days'), dataIndex: 'workingDays', width: 90, align: 'right' as const },
    { title: t('节日', 'Holidays'), dataIndex: 'names', render: (n: string[]) => n.join('、') },
    { title: t('更新时间', 'Updated'), dataIndex: 'updatedAt', width: 140, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <>
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('办理时限按工作时间计算：周一至周五 9:00–12:00、13:30–18:00，扣除法定节假日，加上调休上班日。没有数据的年份按周一至周五计算。', 'SLA clocks count working time: Mon–Fri 9:00–12:00 and 13:30–18:00, minus public holidays, plus make-up workdays. Years without data count Mon–Fri.')}
        </Typography.Text>
        {years.data?.allowedActions.includes('create') && (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="holiday-year-add">
            {t('新增年份', 'Add a year')}
          </Button>
        )}
      </Space>
      {years.isError && <Alert type="error" title={(years.error as Error).message} />}
      <Table<HolidayYearSummary>
        size="small"
        rowKey="year"
        loading={years.isPending}
        columns={columns}
        dataSource={items}
        pagination={false}
        rowClassName={(r) => (r.year === selected ? 'ant-table-row-selected' : '')}
        data-testid="holiday-years-table"
      />
      {selected !== undefined && <YearEditor key={selected} year={selected} exists={known} />}
      {adding && (
        <AddYearModal
          existing={items.map((y) => y.year)}
          onClose={() => setAdding(false)}
          onPick={(y) => {
            setAdding(false);
            set({ year: String(y) });
          }}
        />
      )}
    </>
  );
}

function AddYearModal({ existing, onClose, onPick }: { existing: number[]; onClose: () => void; onPick: (y: number) => void }) {
  const { t } = useI18n();
  const [year, setYear] = useState<number | null>(Math.max(Number(shanghaiToday().slice(0, 4)) + 1, ...existing.map((y) => y + 1)));
  const taken = year !== null && existing.includes(year);
  return (
    <Modal open title={t('新增年份', 'Add a year')} onCancel={onClose} onOk={() => year && !taken && onPick(year)} okButtonProps={{ disabled: !year || taken, 'data-testid': 'holiday-year-add-ok' } as any} okText={t('下一步', 'Next')}>
      <Space direction="vertical">
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => setYear(v)} aria-label={t('年份', 'Year')} data-testid="holiday-year-input" />
        {taken && <Typography.Text type="danger">{t('该年份已存在，请在列表中打开编辑', 'That year exists: open it from the list')}</Typography.Text>}
      </Space>
    </Modal>
  );
}

interface FieldProblem {
  field: string;
  message: string;
}

function YearEditor({ year, exists }: { year: number; exists: boolean }) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const view = useHolidayYear(year, exists);
  const [holidays, setHolidays] = useState<HolidayDay[]>([]);
  const [makeup, setMakeup] = useState<string[]>([]);
  const [source, setSource] = useState('');
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [rangeName, setRangeName] = useState('');
  const [notice, setNotice] = useState('');
  const [unread, setUnread] = useState<string[]>([]);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const canEdit = !exists || !!view.data?.allowedActions.includes('edit');

  useEffect(() => {
    if (view.data) {
      setHolidays(view.data.holidays);
      setMakeup(view.data.makeupWorkdays);
      setSource(view.data.source ?? '');
    }
  }, [view.data]);

  const weekday = (d: string) => (lang === 'zh' ? WEEKDAYS_ZH : WEEKDAYS_EN)[weekdayOf(d)];
  const inYear = (d: Dayjs) => d.year() !== year;
  // The same checks the server makes, shown before saving (the server's answer still decides).
  const local = useMemo(() => checkHolidayYear(year, { holidays, makeupWorkdays: makeup }), [year, holidays, makeup]);
  const problemAt = (field: string) => [...problems, ...local.map((i) => ({ field: `/body${i.field}`, message: lang === 'zh' ? i.zh : i.en }))].find((p) => p.field === field)?.message;

  const addRange = () => {
    if (!range || !rangeName.trim()) return;
    const days: HolidayDay[] = [];
    for (let d = range[0]; !d.isAfter(range[1], 'day'); d = d.add(1, 'day')) days.push({ date: d.format('YYYY-MM-DD'), name: rangeName.trim() });
    setHolidays(normaliseHolidayYear({ holidays: [...holidays.filter((h) => !days.some((x) => x.date === h.date)), ...days], makeupWorkdays: [] }).holidays);
    setRange(null);
    setRangeName('');
  };

  const readNotice = () => {
    const { days, unread: rest } = parseHolidayNotice(notice, year);
    setHolidays(days.holidays);
    setMakeup(days.makeupWorkdays);
    setUnread(rest);
    if (!source) setSource(notice.split('\n')[0].slice(0, 200));
  };

  const save = async () => {
    setBusy(true);
    setProblems([]);
    try {
      await api(`/holiday-years/${year}`, { method: 'PUT', body: { holidays, makeupWorkdays: makeup, source: source.trim() || null } });
      await qc.invalidateQueries({ queryKey: HOLIDAY_YEARS_KEY });
      message.success(t(`${year} 年已保存，办理时限即刻按新日历计算`, `${year} saved: SLA clocks use it from now on`));
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) setProblems(e.fieldErrors.map((f) => ({ field: f.field, message: f.message })));
      else message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (exists && view.isPending) return null;
  return (
    <div style={{ marginTop: 16 }} data-testid="holiday-year-editor">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t(`${year} 年节假日安排`, `Holidays in ${year}`)}
        {!exists && <Tag color="orange" style={{ marginInlineStart: 8 }}>{t('新年份，尚未保存', 'New, not saved yet')}</Tag>}
        {view.data && (
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal', marginInlineStart: 8 }}>
            {t(`全年 ${view.data.workingDays} 个工作日 · ${view.data.updatedBy ?? '系统'} 更新于 ${formatDateTime(view.data.updatedAt)}`, `${view.data.workingDays} working days · updated ${formatDateTime(view.data.updatedAt)} by ${view.data.updatedBy ?? 'the system'}`)}
          </Typography.Text>
        )}
      </Typography.Title>
      <Row gutter={16}>
        <Col span={14}>
          <Typography.Text strong>{t('放假日期', 'Days off')}</Typography.Text>
          <Table<HolidayDay>
            size="small"
            rowKey="date"
            pagination={false}
            scroll={{ y: 360 }}
            dataSource={holidays}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('还没有放假日期', 'No days off yet')} /> }}
            data-testid="holiday-days"
            columns={[
              {
                title: t('日期', 'Date'),
                dataIndex: 'date',
                width: 190,
                render: (d: string, _h, i) => (
                  <>
                    {d} <Typography.Text type="secondary">{weekday(d)}</Typography.Text>
                    {problemAt(`/body/holidays/${i}/date`) && <div><Typography.Text type="danger" style={{ fontSize: 12 }}>{problemAt(`/body/holidays/${i}/date`)}</Typography.Text></div>}
                  </>
                ),
              },
              {
                title: t('节日名称', 'Name'),
                dataIndex: 'name',
                render: (n: string, _h, i) => (
                  <Input size="small" value={n} maxLength={40} disabled={!canEdit} aria-label={t('节日名称', 'Name')} onChange={(e) => setHolidays(holidays.map((h, j) => (j === i ? { ...h, name: e.target.value } : h)))} />
                ),
              },
              {
                title: '',
                key: 'x',
                width: 40,
                render: (_v, h) => canEdit && <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t(`删除 ${h.date}`, `Remove ${h.date}`)} onClick={() => setHolidays(holidays.filter((x) => x.date !== h.date))} />,
              },
            ]}
          />
          {canEdit && (
            <Space.Compact style={{ marginTop: 8 }}>
              <DatePicker.RangePicker size="small" value={range} onChange={(v) => setRange(v as [Dayjs, Dayjs] | null)} disabledDate={inYear} defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-01-01`)]} data-testid="holiday-range" />
              <Input size="small" placeholder={t('节日名称，如 春节', 'Name, e.g. 春节')} value={rangeName} onChange={(e) => setRangeName(e.target.value)} style={{ width: 160 }} data-testid="holiday-range-name" />
              <Button size="small" icon={<PlusOutlined />} onClick={addRange} disabled={!range || !rangeName.trim()} data-testid="holiday-range-add">
                {t('加入', 'Add')}
              </Button>
            </Space.Compact>
          )}
        </Col>
        <Col span={10}>
          <Typography.Text strong>{t('调休上班日（周末上班）', 'Make-up workdays (weekends worked)')}</Typography.Text>
          <div style={{ margin: '8px 0' }} data-testid="makeup-days">
            {makeup.length === 0 && <Typography.Text type="secondary">{t('无', 'None')}</Typography.Text>}
            {makeup.map((d, i) => (
              <div key={d}>
                <Tag closable={canEdit} onClose={() => setMakeup(makeup.filter((x) => x !== d))} style={{ marginBottom: 4 }}>
                  {d} {weekday(d)}
                </Tag>
                {problemAt(`/body/makeupWorkdays/${i}`) && <Typography.Text type="danger" style={{ fontSize: 12 }}>{problemAt(`/body/makeupWorkdays/${i}`)}</Typography.Text>}
              </div>
            ))}
          </div>
          {canEdit && (
            <DatePicker
              size="small"
              placeholder={t('添加调休上班日', 'Add a make-up day')}
              disabledDate={inYear}
              defaultPickerValue={dayjs(`${year}-01-01`)}
              value={null}
              onChange={(d: Dayjs | null) => d && setMakeup([...new Set([...makeup, d.format('YYYY-MM-DD')])].sort())}
              data-testid="makeup-add"
            />
          )}
          {canEdit && (
            <>
              <Typography.Paragraph strong style={{ margin: '16px 0 4px' }}>
                {t('从国务院办公厅通知粘贴', 'Paste the State Council notice')}
              </Typography.Paragraph>
              <Input.TextArea
                rows={5}
                value={notice}
                onChange={(e) => setNotice(e.target.value)}
                placeholder={'一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。\n二、春节：…'}
                data-testid="holiday-notice"
              />
              <Button size="small" style={{ marginTop: 4 }} onClick={readNotice} disabled={!notice.trim()} data-testid="holiday-notice-read">
                {t('识别并替换上面的日期', 'Read it into the lists')}
              </Button>
              {unread.length > 0 && <Alert type="warning" style={{ marginTop: 8 }} title={t('以下条目未能识别，请手工录入：', 'These items could not be read; enter them by hand:')} description={unread.join('\n')} />}
            </>
          )}
        </Col>
      </Row>
      <Space style={{ marginTop: 12 }} align="start">
        <Input size="small" value={source} onChange={(e) => setSource(e.target.value)} maxLength={500} placeholder={t('依据（通知文号）', 'Source (the notice)')} style={{ width: 420 }} disabled={!canEdit} aria-label={t('依据', 'Source')} />
        {canEdit && (
          <Button type="primary" size="small" loading={busy} onClick={save} disabled={local.length > 0} data-testid="holiday-year-save">
            {t(`保存 ${year} 年`, `Save ${year}`)}
          </Button>
        )}
        {local.length > 0 && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t(`有 ${local.length} 处需要修改`, `${local.length} problem(s) to fix`)}</Typography.Text>}
      </Space>
    </div>
  );
}

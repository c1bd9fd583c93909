import { useMemo, useState } from 'react';
import { Alert, Button, Popconfirm, Space, Switch, Table, Tag, Tooltip, Typography, message } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { DEPARTMENT_LABELS, slaFor, type AdminCategory, type AppealLevel, type Department, type SlaTable } from '@shuren/core';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { ADMIN_CATEGORIES_KEY, useAdminCategories } from './admin-api';
import { CategoryDrawer, type DrawerTarget } from './category-drawer';
import { durationText } from './sla-text';

type Row = AdminCategory & { children?: Row[] };

/** Level names short enough for a dense column. */
const LEVEL_SHORT: Record<AppealLevel, { zh: string; en: string }> = {
  grid: { zh: '网格', en: 'Grid' },
  compound: { zh: '小区', en: 'Compound' },
  community: { zh: '社区', en: 'Community' },
  subdistrict: { zh: '街道', en: 'Subdistrict' },
  department: { zh: '职能部门', en: 'Department' },
};

/** 诉求类别: the two-level tree in one dense table; edits in a drawer; retire instead of delete. */
export default function CategoriesPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const list = useAdminCategories();
  const [showRetired, setShowRetired] = useState(false);
  const [drawer, setDrawer] = useState<DrawerTarget | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const tree = useMemo(() => {
    const items = (list.data?.items ?? []).filter((c) => showRetired || c.active);
    const kids = (code: string) => items.filter((c) => c.parentCode === code);
    return items.filter((c) => !c.parentCode).map((c): Row => {
      const children = kids(c.code);
      return children.length ? { ...c, children } : { ...c };
    });
  }, [list.data, showRetired]);

  const command = async (c: AdminCategory, action: 'deactivate' | 'activate') => {
    setBusy(c.id);
    try {
      await api(`/appeal-categories/${c.id}/${action}`, { method: 'POST' });
      await qc.invalidateQueries({ queryKey: ADMIN_CATEGORIES_KEY });
      await qc.invalidateQueries({ queryKey: ['appeals', 'categories'] });
      message.success(action === 'deactivate' ? t('已停用', 'Retired') : t('已启用', 'Reactivated'));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const columns = [
    {
      title: t('类别', 'Category'),
      key: 'name',
      width: 230,
      render: (_: unknown, c: Row) => (
        <span data-testid={`category-row-${c.code}`}>
          <Typography.Text strong={!c.parentCode} delete={!c.active}>{c.name.zh}</Typography.Text>{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.name.en}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 11, fontFamily: 'monospace' }}>{c.code}</Typography.Text>
        </span>
      ),
    },
    { title: t('起始层级', 'Starts at'), dataIndex: 'defaultLevel', width: 90, render: (l: AppealLevel) => t(LEVEL_SHORT[l]) },
    { title: t('部门', 'Department'), dataIndex: 'department', width: 110, render: (d: string | null) => (d ? t(DEPARTMENT_LABELS[d as Department] ?? { zh: d, en: d }) : '') },
    {
      title: t('时限（起始层级）', 'SLA (starting level)'),
      key: 'sla',
      width: 230,
      render: (_: unknown, c: Row) => {
        const own = (c.sla as SlaTable)[c.defaultLevel];
        const s = slaFor(c.sla as SlaTable, c.defaultLevel);
        const custom = Object.keys(c.sla).length;
        return (
          <Tooltip title={custom ? t(`已为 ${custom} 个层级设定时限`, `Targets set for ${custom} level(s)`) : t('全部使用默认时限', 'All levels use the default targets')}>
            <span style={{ color: own ? undefined : '#999', whiteSpace: 'nowrap' }}>
              {t('响应', 'Resp.')} {durationText(s.response, t)} · {t('办结', 'Resol.')} {durationText(s.resolution, t)}
            </span>
          </Tooltip>
        );
      },
    },
    { title: t('问题', 'Questions'), key: 'q', width: 70, align: 'right' as const, render: (_: unknown, c: Row) => c.questions.length || '' },
    { title: t('调解', 'Mediation'), dataIndex: 'mediation', width: 70, render: (m: boolean) => (m ? <Tag color="blue">{t('可调解', 'Yes')}</Tag> : '') },
    { title: t('排序', 'Order'), dataIndex: 'sortOrder', width: 60, align: 'right' as const },
    { title: t('状态', 'Status'), dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color="green">{t('启用', 'Active')}</Tag> : <Tag>{t('已停用', 'Retired')}</Tag>) },
    {
      title: t('操作', 'Actions'),
      key: 'actions',
      width: 180,
      render: (_: unknown, c: Row) => (
        <Space size={0}>
          {c.allowedActions.includes('edit') && (
            <Button size="small" type="link" onClick={() => setDrawer({ mode: 'edit', category: c })} data-testid={`category-edit-${c.code}`}>
              {t('编辑', 'Edit')}
            </Button>
          )}
          {c.allowedActions.includes('add_child') && (
            <Button size="small" type="link" onClick={() => setDrawer({ mode: 'create', parent: c })} data-testid={`category-add-child-${c.code}`}>
              {t('添加子类', 'Add kind')}
            </Button>
          )}
          {c.allowedActions.includes('deactivate') && (
            <Popconfirm
              title={t('停用这个类别？', 'Retire this category?')}
              description={c.parentCode ? t('居民将不能再选择它；已有诉求不受影响。', 'Residents can no longer choose it; existing appeals keep it.') : t('它的子类也会一并停用；已有诉求不受影响。', 'Its kinds are retired too; existing appeals keep theirs.')}
              onConfirm={() => command(c, 'deactivate')}
              okText={t('停用', 'Retire')}
              cancelText={t('取消', 'Cancel')}
            >
              <Button size="small" type="link" danger loading={busy === c.id} data-testid={`category-deactivate-${c.code}`}>
                {t('停用', 'Retire')}
              </Button>
            </Popconfirm>
          )}
          {c.allowedActions.includes('activate') && (
            <Button size="small" type="link" loading={busy === c.id} onClick={() => command(c, 'activate')} data-testid={`category-activate-${c.code}`}>
              {t('启用', 'Reactivate')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('居民按此分类反映问题；Open311 服务列表与此同步。类别不会删除，只能停用。', 'Residents report by these categories; the Open311 service list follows them. Categories are retired, never deleted.')}
        </Typography.Text>
        <Space>
          <label style={{ fontSize: 12 }}>
            <Switch size="small" checked={showRetired} onChange={setShowRetired} data-testid="categories-show-retired" /> {t('显示已停用', 'Show retired')}
          </label>
          {list.data?.allowedActions.includes('create') && (
            <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setDrawer({ mode: 'create' })} data-testid="category-create">
              {t('新建类别', 'New category')}
            </Button>
          )}
        </Space>
      </Space>
      {list.isError && <Alert type="error" title={(list.error as Error).message} />}
      <Table<Row>
        key={list.data ? 'loaded' : 'loading'}
        size="small"
        rowKey="id"
        loading={list.isPending}
        columns={columns}
        dataSource={tree}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        data-testid="categories-table"
      />
      {drawer && <CategoryDrawer target={drawer} onClose={() => setDrawer(null)} />}
    </>
  );
}

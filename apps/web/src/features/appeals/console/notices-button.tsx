import { useState } from 'react';
import { Badge, Button, Drawer, List, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { formatDateTime, useI18n } from '../../../shared/i18n';
import { useMarkRead, useUnreadNotices } from '../inbox';

/** The staff inbox: new assignments, deadlines near or past, escalations — each links to its appeal. */
export function NoticesButton() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const notices = useUnreadNotices();
  const read = useMarkRead();
  const items = notices.data ?? [];
  return (
    <>
      <Badge count={items.length} size="small">
        <Button size="small" icon={<BellOutlined />} onClick={() => setOpen(true)} data-testid="notices-open">
          {t('通知', 'Notices')}
        </Button>
      </Badge>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('未读通知', 'Unread notices')} width={420} extra={<Button size="small" onClick={() => read.mutate('all')} disabled={!items.length}>{t('全部已读', 'Mark all read')}</Button>}>
        <List
          dataSource={items}
          locale={{ emptyText: t('没有未读通知', 'No unread notices') }}
          renderItem={(n) => (
            <List.Item>
              <List.Item.Meta
                title={n.appealId ? <Link to={`/console/appeals/${n.appealId}`} onClick={() => { read.mutate(n.id); setOpen(false); }}>{n.title}</Link> : n.title}
                description={
                  <>
                    <div>{n.body}</div>
                    <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Drawer>
    </>
  );
}

import { useState } from 'react';
import { Button, Image, Space, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useI18n } from '../../../shared/i18n';
import { MAX_PHOTOS, photoFull, photoThumb, uploadPhotos } from '../photos';

/** Form control for a step's photos (after-photos when handling, on-site photos when verifying): uploads at once, holds the ids. */
export function PhotoField({ value = [], onChange }: { value?: string[]; onChange?: (ids: string[]) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {value.map((id) => (
          <Image key={id} src={photoThumb(id)} preview={{ src: photoFull(id) }} width={72} height={72} style={{ objectFit: 'cover' }} alt="" />
        ))}
      </Space>
      {value.length < MAX_PHOTOS && (
        <Button icon={<CameraOutlined />} loading={busy} onClick={() => document.getElementById('appeal-photo-input')?.click()}>
          {t('添加照片', 'Add photos')}
        </Button>
      )}
      <input
        id="appeal-photo-input"
        type="file"
        accept="image/*"
        multiple
        style={{ display: 'none' }}
        data-testid="action-photo-input"
        onChange={async (e) => {
          const files = [...(e.target.files ?? [])].slice(0, MAX_PHOTOS - value.length);
          e.target.value = '';
          if (!files.length) return;
          setBusy(true);
          setError(null);
          try {
            onChange?.([...value, ...(await uploadPhotos(files)).map((p) => p.id)]);
          } catch (err) {
            setError((err as Error).message);
          } finally {
            setBusy(false);
          }
        }}
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Space>
  );
}

import { useState } from 'react';
import { useI18n } from '../../../shared/i18n';
import { ErrorBlock } from '../../resident/ui';
import { MAX_PHOTOS, photoThumb, uploadPhotos } from '../photos';

/**
 * Up to six photos, taken with the camera or picked from the album. Each is uploaded at once (the server
 * strips EXIF location and makes a thumbnail); the report then carries the photo ids.
 */
export function PhotoPicker({ ids, onChange, title }: { ids: string[]; onChange: (ids: string[]) => void; title?: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const room = MAX_PHOTOS - ids.length;
  return (
    <section className="ra-photo-slot" style={{ display: 'block' }} aria-labelledby="ra-photos-title" data-testid="ra-photo-slot">
      <h2 id="ra-photos-title" className="ra-label" style={{ margin: '0 0 8px' }}>
        <span aria-hidden="true">📷 </span>
        {title ?? t(`照片（可不传，最多 ${MAX_PHOTOS} 张）`, `Photos (optional, up to ${MAX_PHOTOS})`)}
      </h2>
      {ids.length > 0 && (
        <ul className="ra-thumbs">
          {ids.map((id, i) => (
            <li key={id}>
              <img src={photoThumb(id)} alt={t(`照片 ${i + 1}`, `Photo ${i + 1}`)} data-testid="ra-photo-thumb" />
              <button type="button" className="ra-thumb-remove" onClick={() => onChange(ids.filter((x) => x !== id))} aria-label={t(`删除照片 ${i + 1}`, `Remove photo ${i + 1}`)}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      {room > 0 && (
        <label className="r-btn r-secondary" style={{ marginTop: 0 }} aria-disabled={busy}>
          {busy ? t('正在上传…', 'Uploading…') : t('拍照或选择照片', 'Take or choose photos')}
          <input
            type="file"
            accept="image/*"
            multiple
            className="r-visually-hidden"
            disabled={busy}
            data-testid="ra-photo-input"
            onChange={async (e) => {
              const files = [...(e.target.files ?? [])].slice(0, room);
              e.target.value = '';
              if (!files.length) return;
              setBusy(true);
              setError(null);
              try {
                const uploaded = await uploadPhotos(files);
                onChange([...ids, ...uploaded.map((p) => p.id)]);
              } catch (err) {
                setError(err);
              } finally {
                setBusy(false);
              }
            }}
          />
        </label>
      )}
      {error !== null && <PhotoError error={error} />}
    </section>
  );
}

function PhotoError({ error }: { error: unknown }) {
  const { t } = useI18n();
  const message = error instanceof Error ? error.message : '';
  return message ? (
    <p className="ra-error" role="alert">
      {t('照片没有传上去：', 'The photo was not uploaded: ')}
      {message}
    </p>
  ) : (
    <ErrorBlock error={error} />
  );
}

import { useI18n, type ZhEn } from '../../shared/i18n';
import { categoryIcon } from './appeal-labels';
import { photoFull, photoThumb } from './photos';

/**
 * Pieces of one matter shown the same way on the phone pages of the resident (public timeline by tracking code)
 * and of the 楼长/grid worker (their task): the category with its icon and what was reported, and photo thumbnails.
 */

/** The category (icon and name) as the card's title, then the description as written. */
export function MatterHeading({ a }: { a: { category: { code: string; name: ZhEn }; description: string } }) {
  const { t } = useI18n();
  return (
    <>
      <h2 className="r-card-title" style={{ marginTop: 8 }}>
        <span aria-hidden="true">{categoryIcon(a.category.code)} </span>
        {t(a.category.name)}
      </h2>
      <p style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>{a.description}</p>
    </>
  );
}

/**
 * Photo thumbnails, each opening the full photo; alt text "<label> 照片 n". With `trackingCode` the public URLs of
 * the tracking page (no sign-in), else the signed-in viewer's.
 */
export function PhotoThumbs({ ids, label, trackingCode, testId }: { ids: string[]; label: string; trackingCode?: string; testId: string }) {
  const { t } = useI18n();
  if (!ids.length) return null;
  return (
    <ul className="ra-thumbs">
      {ids.map((id, k) => (
        <li key={id}>
          <a href={photoFull(id, trackingCode)} target="_blank" rel="noreferrer">
            <img src={photoThumb(id, trackingCode)} alt={t(`${label} 照片 ${k + 1}`, `${label}: photo ${k + 1}`)} data-testid={testId} />
          </a>
        </li>
      ))}
    </ul>
  );
}

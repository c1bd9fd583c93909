import { API_BASE, ApiError } from '../../shared/api';
import { getLang } from '../../shared/i18n';

/** What the upload answers for each photo (the server re-encodes it without EXIF/GPS and makes a thumbnail). */
export interface UploadedPhoto {
  id: string;
  thumbUrl: string;
  url: string;
}

export const MAX_PHOTOS = 6;

/** POST /appeals/photos as multipart (the JSON client does not send files). Returns the stored photos' ids and URLs. */
export async function uploadPhotos(files: File[], visibility: 'public' | 'internal' = 'public'): Promise<UploadedPhoto[]> {
  const form = new FormData();
  for (const f of files) form.append('photo', f, f.name);
  const res = await fetch(`${API_BASE}/appeals/photos?visibility=${visibility}`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { Accept: 'application/json, application/problem+json', 'Accept-Language': getLang() === 'zh' ? 'zh-CN' : 'en' },
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data ?? { title: res.statusText });
  return (data as { items: UploadedPhoto[] }).items;
}

/** A photo's thumbnail for a signed-in viewer, or on the public timeline by tracking code. */
export function photoThumb(id: string, trackingCode?: string): string {
  return trackingCode ? `${API_BASE}/appeals/track/${encodeURIComponent(trackingCode)}/photos/${id}/thumb` : `${API_BASE}/appeals/photos/${id}/thumb`;
}
export function photoFull(id: string, trackingCode?: string): string {
  return trackingCode ? `${API_BASE}/appeals/track/${encodeURIComponent(trackingCode)}/photos/${id}` : `${API_BASE}/appeals/photos/${id}`;
}

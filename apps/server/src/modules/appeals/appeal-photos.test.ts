import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { caller, regionId, startOnWorkingMorning, uploadPhotos } from './appeals.fixtures.js';
import { sweepOverdue } from './appeals.sweeper.js';
import { exifTags, GPS_IFD_POINTER, jpegWithGps, metadataOf, PDF_BYTES } from './appeal-photos.fixtures.js';

describe('appeal photos: upload, EXIF stripped, limits, ownership, public timeline', () => {
  let t: TestApp;
  let residentCookie: string;
  let louzhangCookie: string;
  let b1: string;
  let phone: Buffer;
  let trackedWithPhotos = '';
  beforeAll(async () => {
    t = await createTestApp();
    startOnWorkingMorning(t);
    residentCookie = await t.login('13800000001');
    louzhangCookie = await t.login('louzhang');
    b1 = await regionId(t, 'GC-C01-G01-B01');
    phone = await jpegWithGps({ width: 3000, height: 2000, orientation: 6 });
  });
  afterAll(async () => t?.close());

  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: cookie ? { cookie } : {} });

  it('stores a phone photo without EXIF or GPS, upright, with a smaller thumbnail', async () => {
    // The fixture really carries a GPS position and a rotation tag.
    const original = await sharp(phone).metadata();
    expect(exifTags(original.exif)).toContain(GPS_IFD_POINTER);
    expect(original.orientation).toBe(6);

    const res = await uploadPhotos(t, residentCookie, [{ data: phone, filename: 'IMG_0001.JPG' }]);
    expect(res.statusCode).toBe(201);
    const [photo] = res.json().items;
    // Orientation 6 is "rotate 90°": the stored photo is portrait, capped at 2048 px.
    expect(photo).toMatchObject({ visibility: 'public', mime: 'image/jpeg', width: 1365, height: 2048, thumbWidth: 213, thumbHeight: 320, url: `/api/v1/appeals/photos/${photo.id}` });

    const full = await get(`/appeals/photos/${photo.id}`, residentCookie);
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('image/jpeg');
    expect(full.headers['x-content-type-options']).toBe('nosniff');
    const thumb = await get(`/appeals/photos/${photo.id}/thumb`, residentCookie);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.rawPayload.length).toBeLessThan(full.rawPayload.length);
    for (const served of [full.rawPayload, thumb.rawPayload]) {
      const m = await metadataOf(served);
      expect(m.exif).toBeUndefined();
      expect(m.xmp).toBeUndefined();
      expect(m.orientation).toBeUndefined();
      expect(served.includes(Buffer.from('ShurenTestCam'))).toBe(false);
    }
    expect(await metadataOf(thumb.rawPayload)).toMatchObject({ format: 'jpeg', width: 213, height: 320 });

    // Nobody else sees an upload that is not part of an appeal yet.
    expect((await get(`/appeals/photos/${photo.id}`, louzhangCookie)).statusCode).toBe(404);
    expect((await get(`/appeals/photos/${photo.id}`)).statusCode).toBe(401);
  });

  it('keeps PNG as PNG and refuses a 20 MB file with 413', async () => {
    const png = await sharp({ create: { width: 500, height: 400, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.5 } } }).png().toBuffer();
    const ok = await uploadPhotos(t, residentCookie, [{ data: png, filename: 'screen.png', type: 'image/png' }]);
    expect(ok.json().items[0]).toMatchObject({ mime: 'image/png', width: 500, height: 400 });

    const huge = Buffer.concat([phone, Buffer.alloc(20 * 1024 * 1024 - phone.length, 0x41)]);
    const res = await uploadPhotos(t, residentCookie, [{ data: huge }]);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload_too_large', errors: [{ field: 'file', code: 'too_large' }] });
    expect(res.json().detail).toContain('8 MB');
  });

  it('refuses a PDF renamed .jpg, and garbage, by their bytes', async () => {
    const pdf = await uploadPhotos(t, residentCookie, [{ data: PDF_BYTES, filename: 'photo.jpg', type: 'image/jpeg' }], '');
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json()).toMatchObject({ code: 'unsupported_media_type', errors: [{ field: 'file', code: 'not_a_photo' }] });
    expect(pdf.json().detail).toContain('PDF');
    // A bare image body (not multipart) is refused as well.
    const bare = await t.app.inject({ method: 'POST', url: '/api/v1/appeals/photos', headers: { cookie: residentCookie, 'content-type': 'image/jpeg' }, payload: phone });
    expect(bare.statusCode).toBe(415);
    // A JPEG header followed by junk is recognised as JPEG but cannot be decoded.
    const broken = await uploadPhotos(t, residentCookie, [{ data: Buffer.concat([phone.subarray(0, 200), Buffer.alloc(5000, 7)]) }]);
    expect(broken.statusCode).toBe(422);
    expect(broken.json().errors[0]).toMatchObject({ field: 'file', code: 'unreadable_photo' });
  });

  it('takes at most 6 photos per upload and per report', async () => {
    const small = await jpegWithGps({ width: 200, height: 150 });
    const seven = await uploadPhotos(t, residentCookie, Array.from({ length: 7 }, () => ({ data: small })));
    expect(seven.statusCode).toBe(400);
    expect(seven.json().errors[0]).toMatchObject({ field: 'file', code: 'maxItems' });

    const six = (await uploadPhotos(t, residentCookie, Array.from({ length: 6 }, () => ({ data: small })))).json().items.map((p: any) => p.id);
    const one = (await uploadPhotos(t, residentCookie, [{ data: small }])).json().items[0].id;
    const resident = caller(t, residentCookie);
    const tooMany = await resident.post('/appeals', { categoryCode: 'hygiene', description: '楼道堆满杂物', regionId: b1, photoRefs: [...six, one] });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0]).toMatchObject({ field: '/body/photoRefs', code: 'maxItems' });
    // Nothing was used by the refused report: the six still go through.
    expect((await resident.post('/appeals', { categoryCode: 'hygiene', description: '楼道堆满杂物', regionId: b1, photoRefs: six })).statusCode).toBe(201);
  });

  it('uses a photo only for its uploader, only once; the public timeline shows only public photos, without EXIF', async () => {
    const resident = caller(t, residentCookie);
    const louzhang = caller(t, louzhangCookie);
    const [before] = (await uploadPhotos(t, residentCookie, [{ data: phone }])).json().items;
    const [privateOne] = (await uploadPhotos(t, residentCookie, [{ data: await jpegWithGps({ width: 640, height: 480 }) }], '?visibility=staff')).json().items;
    expect(privateOne.visibility).toBe('staff');
    const unknown = await resident.post('/appeals', { categoryCode: 'hygiene', description: '垃圾桶满了', regionId: b1, photoRefs: [before.id, '0190d6c4-0000-7000-8000-000000000000'] });
    expect(unknown.json().errors[0]).toMatchObject({ field: '/body/photoRefs/1', code: 'unknown_photo' });
    const twice = await resident.post('/appeals', { categoryCode: 'hygiene', description: '垃圾桶满了', regionId: b1, photoRefs: [before.id, before.id] });
    expect(twice.json().errors[0]).toMatchObject({ field: '/body/photoRefs/1', code: 'duplicate' });

    const created = await resident.post('/appeals', { categoryCode: 'hygiene', description: '垃圾桶满了三天', regionId: b1, photoRefs: [before.id, privateOne.id] });
    expect(created.statusCode).toBe(201);
    const { id, trackingCode } = created.json();
    trackedWithPhotos = trackingCode;
    const again = await resident.post('/appeals', { categoryCode: 'hygiene', description: '又一次', regionId: b1, photoRefs: [before.id] });
    expect(again.json().errors[0]).toMatchObject({ field: '/body/photoRefs/0', code: 'already_used' });

    // The building head cannot pass the resident's photo off as an after-photo.
    expect((await louzhang.post(`/appeals/${id}/start`)).statusCode).toBe(200);
    const stolen = await louzhang.post(`/appeals/${id}/handle`, { note: '已清运', photoRefs: [before.id] });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().errors[0]).toMatchObject({ field: '/body/photoRefs/0', code: 'unknown_photo' });
    const [after] = (await uploadPhotos(t, louzhangCookie, [{ data: await jpegWithGps({ width: 1024, height: 768 }) }])).json().items;
    const handled = await louzhang.post(`/appeals/${id}/handle`, { note: '已清运', photoRefs: [after.id] });
    expect(handled.statusCode).toBe(200);

    // Staff see every photo of the appeal; the public timeline only the public ones.
    const staff = (await louzhang.get(`/appeals/${id}`)).json();
    expect(staff.photoRefs).toEqual([before.id, privateOne.id]);
    expect((await get(`/appeals/photos/${privateOne.id}`, louzhangCookie)).statusCode).toBe(200);
    const pub = (await get(`/appeals/track/${trackingCode}`)).json();
    const shown = pub.timeline.flatMap((e: any) => e.photoRefs);
    expect(shown).toEqual([before.id, after.id]);
    for (const pid of shown) {
      for (const suffix of ['', '/thumb']) {
        const res = await get(`/appeals/track/${trackingCode}/photos/${pid}${suffix}`);
        expect(res.statusCode).toBe(200);
        const m = await metadataOf(res.rawPayload);
        expect(m.exif).toBeUndefined();
        expect(exifTags(m.exif)).not.toContain(GPS_IFD_POINTER);
      }
    }
    // A staff-only photo, or a photo of another appeal, is not on this public page.
    expect((await get(`/appeals/track/${trackingCode}/photos/${privateOne.id}`)).statusCode).toBe(404);
    const other = (await resident.post('/appeals', { categoryCode: 'pets', description: '楼道有狗粪', regionId: b1 })).json();
    expect((await get(`/appeals/track/${other.trackingCode}/photos/${before.id}`)).statusCode).toBe(404);
    // The reporter sees the after-photo through the signed-in route too; so do staff of the area.
    expect((await get(`/appeals/photos/${after.id}/thumb`, residentCookie)).statusCode).toBe(200);
    expect((await get(`/appeals/photos/${after.id}`, await t.login('gridworker'))).statusCode).toBe(200);
  });

  it('removes uploads nobody used after two days, and only those', async () => {
    const [unused] = (await uploadPhotos(t, residentCookie, [{ data: await jpegWithGps({ width: 300, height: 200 }) }])).json().items;
    expect((await sweepOverdue(t.database.db, t.clock.now())).photosPurged).toBe(0);
    t.clock.advance(2 * 86_400_000 + 60_000);
    expect((await sweepOverdue(t.database.db, t.clock.now())).photosPurged).toBeGreaterThan(0);
    const cookie = await t.login('13800000001');
    expect((await get(`/appeals/photos/${unused.id}`, cookie)).statusCode).toBe(404);
    // Photos that are part of an appeal stay.
    const shown = (await get(`/appeals/track/${trackedWithPhotos}`)).json().timeline.flatMap((e: any) => e.photoRefs);
    expect(shown).toHaveLength(2);
    for (const pid of shown) expect((await get(`/appeals/track/${trackedWithPhotos}/photos/${pid}/thumb`)).statusCode).toBe(200);
  });
});

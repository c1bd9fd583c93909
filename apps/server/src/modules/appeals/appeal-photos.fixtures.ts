import sharp from 'sharp';

/** A phone-like JPEG whose EXIF carries a GPS position (23°N 113°E, Foshan) and a camera make. */
export async function jpegWithGps(opts: { width?: number; height?: number; orientation?: number } = {}): Promise<Buffer> {
  const width = opts.width ?? 1600;
  const height = opts.height ?? 1200;
  const mark = Buffer.from(`<svg width="${width}" height="${height}"><rect x="${width / 8}" y="${height / 8}" width="${width / 2}" height="${height / 2}" fill="#2a6"/></svg>`);
  let img = sharp({ create: { width, height, channels: 3, background: { r: 190, g: 70, b: 40 } } })
    .composite([{ input: mark }])
    .withExif({ IFD0: { Make: 'ShurenTestCam', Model: 'Phone 1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '23/1 2/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '113/1 9/1 0/1' } });
  if (opts.orientation) img = img.withMetadata({ orientation: opts.orientation });
  return img.jpeg({ quality: 95 }).toBuffer();
}

/** Tags of IFD0 in an EXIF block (as sharp's metadata().exif returns it); 0x8825 is the pointer to the GPS IFD. */
export function exifTags(exif: Buffer | undefined): number[] {
  if (!exif) return [];
  const t = exif.subarray(exif.toString('latin1', 0, 4) === 'Exif' ? 6 : 0);
  const le = t.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? t.readUInt16LE(o) : t.readUInt16BE(o));
  const u32 = (o: number) => (le ? t.readUInt32LE(o) : t.readUInt32BE(o));
  const ifd = u32(4);
  return Array.from({ length: u16(ifd) }, (_, i) => u16(ifd + 2 + i * 12));
}

export const GPS_IFD_POINTER = 0x8825;

/** Everything a served image may carry besides pixels: none of it should be there. */
export async function metadataOf(buf: Buffer) {
  const m = await sharp(buf).metadata();
  return { format: m.format, width: m.width, height: m.height, exif: m.exif, xmp: m.xmp, orientation: m.orientation };
}

/** A minimal PDF, the kind a resident might rename to .jpg. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

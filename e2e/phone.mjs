/* global document, window, NodeFilter, getComputedStyle -- the page.evaluate callbacks run in the browser */
// Helpers shared by the phone journeys (the resident and 楼长 pages under /r): screenshots from the top, the
// ergonomics check every phone screen must pass, and a real photo to upload.

import sharp from 'sharp';

/** Full-page screenshot from the top (the sticky header would otherwise sit over the middle of the picture). */
export async function snap(ctx, name) {
  await ctx.page.evaluate(() => window.scrollTo(0, 0));
  return ctx.shot(name);
}

/**
 * Every tap target (link, button, disclosure, field) ≥ 48×48 px and every text ≥ 18 px on the current phone
 * screen. Visually hidden elements are passed over (a file input behind its big label, screen-reader text).
 */
export async function checkPhoneErgonomics({ page, check }) {
  const problems = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('.r-app a, .r-app button, .r-app summary, .r-app input, .r-app textarea')) {
      if (el.closest('.r-visually-hidden')) continue;
      const r = el.getBoundingClientRect();
      if (r.width && (r.height < 48 || r.width < 48)) out.push(`tap target ${Math.round(r.width)}×${Math.round(r.height)}: ${el.textContent.trim().slice(0, 30)}`);
    }
    const walker = document.createTreeWalker(document.querySelector('.r-app') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent.trim() || !n.parentElement || n.parentElement.closest('.r-visually-hidden')) continue;
      const size = parseFloat(getComputedStyle(n.parentElement).fontSize);
      if (size < 18) out.push(`text ${size}px: ${n.textContent.trim().slice(0, 30)}`);
    }
    return out;
  });
  check(problems.length === 0, `phone ergonomics on ${page.url()}: ${problems.slice(0, 8).join('; ')}`);
}

/** A real photo (the server checks the bytes and re-encodes it): a plain colour block with a dark stripe. */
export async function photo(name, colour) {
  const buffer = await sharp({ create: { width: 640, height: 480, channels: 3, background: colour } })
    .composite([{ input: { create: { width: 640, height: 80, channels: 3, background: '#222222' } }, top: 200, left: 0 }])
    .jpeg()
    .toBuffer();
  return { name, mimeType: 'image/jpeg', buffer };
}

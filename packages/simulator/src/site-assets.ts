import { crc32, deflateSync } from 'node:zlib';

/**
 * What a real league page loads besides its scorecard: club crests, a sponsors' strip and
 * a web font. The scraper blocks all of it; the simulated site serves it so that the
 * scraper benchmark can measure what blocking saves.
 */

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA PNG of a diagonal gradient: small to send, but `width × height × 4` bytes once decoded. */
export function gradientPng(width: number, height: number, hue: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const row = width * 4 + 1;
  const pixels = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * row + 1 + x * 4;
      pixels[at] = (hue + x) & 0xff;
      pixels[at + 1] = (y * 2) & 0xff;
      pixels[at + 2] = (x + y) & 0xff;
      pixels[at + 3] = 0xff;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

interface Asset {
  type: string;
  body: () => Buffer;
}

const cached = (make: () => Buffer): (() => Buffer) => {
  let value: Buffer | undefined;
  return () => (value ??= make());
};

/** The site's assets by path. */
export const SITE_ASSETS: Record<string, Asset> = {
  '/assets/crest-home.png': { type: 'image/png', body: cached(() => gradientPng(512, 512, 20)) },
  '/assets/crest-away.png': { type: 'image/png', body: cached(() => gradientPng(512, 512, 140)) },
  ...Object.fromEntries(
    [1, 2, 3, 4].map((n) => [
      `/assets/sponsor-${n}.png`,
      { type: 'image/png', body: cached(() => gradientPng(1600, 400, n * 50)) },
    ]),
  ),
  '/assets/site-font.woff2': { type: 'font/woff2', body: cached(() => Buffer.alloc(48 * 1024, 0x2a)) },
};

/** The markup that loads them, as a league page's header and footer would. */
export const ASSET_MARKUP =
  '<div class="site-branding"><img src="/assets/crest-home.png" alt="" width="64" height="64">' +
  '<img src="/assets/crest-away.png" alt="" width="64" height="64"></div>' +
  '<div class="sponsors">' +
  [1, 2, 3, 4].map((n) => `<img src="/assets/sponsor-${n}.png" alt="" width="400" height="100">`).join('') +
  '</div>';

export const ASSET_STYLE =
  "@font-face { font-family: 'SiteFont'; src: url('/assets/site-font.woff2') format('woff2'); }\n" +
  "body { font-family: 'SiteFont', sans-serif; }\n";

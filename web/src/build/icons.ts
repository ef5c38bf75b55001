import { encodePng } from './png.ts';

type Rgba = readonly [number, number, number, number];

const GREEN: Rgba = [0x0a, 0x5c, 0x1f, 255];
const RED: Rgba = [0xc8, 0x10, 0x2e, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Stitch positions of the ball's two seams, on the same 512-unit grid as icons/icon.svg. */
function seamStitches(): [number, number][] {
  const stitches: [number, number][] = [];
  for (const [x0, cx] of [
    [170, 256],
    [342, 256],
  ] as const) {
    for (let t = 0.04; t < 1; t += 0.085) {
      // Quadratic Bézier from (x0, 150) through control (cx, 256) to (x0, 362).
      const x = (1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t ** 2 * x0;
      const y = (1 - t) ** 2 * 150 + 2 * (1 - t) * t * 256 + t ** 2 * 362;
      stitches.push([x, y]);
    }
  }
  return stitches;
}

/** A cricket ball on the club green: `paint` picks the colour of a point on the 512-unit grid. */
function render(size: number, paint: (x: number, y: number) => Rgba): Buffer {
  const samples = 3;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = paint(
            ((px + (sx + 0.5) / samples) * 512) / size,
            ((py + (sy + 0.5) / samples) * 512) / size,
          );
          for (let c = 0; c < 4; c++)
            sum[c] = (sum[c] as number) + colour[c]! * (c < 3 ? colour[3] / 255 : 1);
        }
      }
      const n = samples * samples;
      const alpha = (sum[3] as number) / n;
      for (let c = 0; c < 3; c++)
        rgba[(py * size + px) * 4 + c] = alpha ? Math.round((sum[c] as number) / n / (alpha / 255)) : 0;
      rgba[(py * size + px) * 4 + 3] = Math.round(alpha);
    }
  }
  return encodePng(size, size, rgba);
}

const stitches = seamStitches();
const near = (x: number, y: number, cx: number, cy: number, r: number) =>
  (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const onSeam = (x: number, y: number) => stitches.some(([sx, sy]) => near(x, y, sx, sy, 8));

/** The app icon (full-bleed, so it also serves as a maskable icon: the ball sits in the safe zone). */
export function appIcon(size: number): Buffer {
  return render(size, (x, y) => (!near(x, y, 256, 256, 150) ? GREEN : onSeam(x, y) ? WHITE : RED));
}

/** Android's status-bar badge: only the alpha channel counts, so a white ball with see-through seams. */
export function badgeIcon(size: number): Buffer {
  return render(size, (x, y) => (near(x, y, 256, 256, 200) && !onSeam(x, y) ? WHITE : CLEAR));
}

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PUBLIC_DIR, buildPublicFiles } from './bundles.ts';

/** `npm run build -w web`: regenerates the committed bundles and icons under web/public/. */
const files = await buildPublicFiles();
for (const file of files) {
  const target = `${PUBLIC_DIR}${file.path}`;
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, file.contents);
  console.log(
    `${file.path.padEnd(22)} ${String(file.contents.length).padStart(7)} B  ${String(gzipSync(file.contents).length).padStart(6)} B gzipped`,
  );
}

import type { Plugin } from 'esbuild';

/** Where a bundle that includes `@sparticuz/chromium` finds its brotli binaries: beside itself. */
export const CHROMIUM_BIN_DIR = 'chromium-bin';

/**
 * `@sparticuz/chromium` finds its binaries at `<its module>/../../bin`, which means nothing
 * once its code is inside a bundle. This rewrites that one lookup to `<bundle>/chromium-bin`,
 * so the JavaScript is bundled (tree-shaken with everything else) and the binaries ship
 * next to `index.mjs`.
 */
export const chromiumBinPlugin: Plugin = {
  name: 'sparticuz-chromium-bin',
  setup(build) {
    build.onLoad({ filter: /@sparticuz[\\/]chromium[\\/]build[\\/]esm[\\/]paths\.esm\.js$/ }, () => ({
      loader: 'js',
      contents: [
        "import { dirname, join } from 'node:path';",
        "import { fileURLToPath } from 'node:url';",
        `export function getBinPath() { return join(dirname(fileURLToPath(import.meta.url)), '${CHROMIUM_BIN_DIR}'); }`,
      ].join('\n'),
    }));
  },
};

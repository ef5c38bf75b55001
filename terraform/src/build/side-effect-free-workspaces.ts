import path from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * Marks the sources of the repository's library workspaces (`packages/<name>/src`) as free
 * of import-time side effects, which they are: their modules only declare functions,
 * classes and constants. esbuild can then drop a whole module none of whose exports a
 * bundle uses, and with it everything that module imports. Without this, a handler that
 * needs one function from `@live-scores/core` gets every module its index re-exports,
 * e.g. the HTML parser and cheerio in a function that only terminates instances.
 *
 * (The standard place for this is `"sideEffects": false` in each workspace's package.json;
 * this declares it once for all of them at the one place that bundles.)
 */
export function sideEffectFreeWorkspaces(packagesDir: string): Plugin {
  const root = path.resolve(packagesDir) + path.sep;
  const isWorkspaceSource = (file: string): boolean =>
    file.startsWith(root) && file.slice(root.length).split(path.sep)[1] === 'src';

  return {
    name: 'side-effect-free-workspaces',
    setup(build) {
      build.onResolve({ filter: /^(@live-scores\/|\.\.?\/)/ }, async (args) => {
        if (args.pluginData === 'resolving') return undefined;
        if (args.path.startsWith('.') && !isWorkspaceSource(args.importer)) return undefined;
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: 'resolving',
        });
        if (resolved.errors.length > 0 || !isWorkspaceSource(resolved.path)) return undefined;
        return { path: resolved.path, namespace: resolved.namespace, sideEffects: false };
      });
    },
  };
}

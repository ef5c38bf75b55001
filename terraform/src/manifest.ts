/**
 * The functions' manifest, the stack's single source of truth. Imported by path because
 * the functions workspace exports no modules of its own (its files are Lambda entries).
 */
export * from '../../functions/src/manifest.ts';

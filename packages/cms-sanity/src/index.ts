export * from './sanity-cms.ts';
export * from './sanity-stub.ts';

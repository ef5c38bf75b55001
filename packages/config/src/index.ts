export * from './load-config.ts';
export * from './demo-config.ts';

export * from './facts.ts';
export * from './template.ts';
export * from './check.ts';

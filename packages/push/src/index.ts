export * from './vapid-authorizer.ts';
export * from './pooled-http-client.ts';
export * from './outcome.ts';
export * from './web-push-sender.ts';
export * from './encryption-pool.ts';

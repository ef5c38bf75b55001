export * from './push-receiver.ts';
export * from './subscription-keys.ts';
export * from './self-signed.ts';
export * from './vapid-jwt.ts';

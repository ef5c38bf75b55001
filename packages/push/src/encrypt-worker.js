// Plain JavaScript on purpose: a worker thread starts without the TypeScript loader, under
// tsx, vitest and plain node alike.
import { parentPort } from 'node:worker_threads';
import webpush from 'web-push';

/** Encrypts push payloads off the main thread (RFC 8291 via web-push), one request at a time. */
parentPort?.on('message', ({ id, subscription, payload, options }) => {
  let response;
  try {
    const details = webpush.generateRequestDetails(subscription, payload, options);
    response = { id, headers: details.headers, body: details.body ?? null };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});

// Plain JavaScript on purpose: a worker thread starts without the TypeScript loader, under
// tsx, vitest and plain node alike.
import webpush from 'web-push';

/**
 * A piscina task: encrypts a batch of push payloads off the main thread (RFC 8291 via
 * web-push). One failure is that request's answer, not the batch's.
 */
export default function encryptBatch(requests) {
  return requests.map(({ subscription, payload, options }) => {
    try {
      const details = webpush.generateRequestDetails(subscription, payload, options);
      return { headers: details.headers, body: details.body ?? null };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });
}

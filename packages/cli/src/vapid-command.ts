import { generateVapidKeys } from '@live-scores/push';

/**
 * Prints a new VAPID key pair as environment assignments. Keep the private key secret:
 * on a server put it in the service's environment file; on AWS in SSM Parameter Store.
 */
export async function runVapidCommand(argv: string[]): Promise<number> {
  if (argv.length > 0 && argv[0] !== '--json') {
    console.error('Usage: live-scores vapid [--json]');
    return 2;
  }
  const keys = generateVapidKeys();
  if (argv[0] === '--json') console.log(JSON.stringify(keys));
  else console.log(`VAPID_PUBLIC_KEY=${keys.publicKey}\nVAPID_PRIVATE_KEY=${keys.privateKey}`);
  return 0;
}

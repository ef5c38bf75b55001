import type { Subscription, SubscriptionPreferences, TeamConfig } from '@live-scores/schema';
import type { Logger } from '../logger.ts';
import type { PushSender } from '../ports/push-sender.ts';
import { SubscriptionsFullError, type SubscriptionStore } from '../ports/subscriptions.ts';
import { pushTopic } from '../push-message.ts';

export interface ManageSubscriptionsDeps {
  subscriptions: SubscriptionStore;
  sender: PushSender;
  logger: Logger;
}

export interface ManageSubscriptionsSettings {
  teams: readonly Pick<TeamConfig, 'id' | 'label'>[];
  pageUrl: string;
  /** The confirmation is only useful now: keep it briefly. */
  confirmationTtlSeconds?: number;
}

/** "1st XI", "1st XI and 2nd XI", "1st XI, 2nd XI and Sunday XI". */
function joinLabels(labels: readonly string[]): string {
  if (labels.length <= 1) return labels[0] ?? '';
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** The confirmation line: "Subscribed to 1st XI and 2nd XI live scores". */
export function confirmationText(
  preferences: SubscriptionPreferences | undefined,
  teams: readonly Pick<TeamConfig, 'id' | 'label'>[],
): string {
  const chosen = preferences?.teams ? teams.filter((t) => preferences.teams?.includes(t.id)) : teams;
  return `Subscribed to ${joinLabels(chosen.map((t) => t.label))} live scores`;
}

export type SubscribeOutcome =
  | { kind: 'subscribed' }
  /** The push service says the endpoint does not exist; nothing is kept. */
  | { kind: 'endpoint-gone'; reason: string }
  /** The store holds as many subscriptions as it may. */
  | { kind: 'store-full'; reason: string };

/**
 * Creates or replaces the subscription and sends a confirmation push, so the supporter sees
 * at once that it works. A push service that says the endpoint does not exist undoes it.
 */
export async function subscribe(
  deps: ManageSubscriptionsDeps,
  subscription: Subscription,
  settings: ManageSubscriptionsSettings,
): Promise<SubscribeOutcome> {
  try {
    await deps.subscriptions.put(subscription);
  } catch (error) {
    if (!(error instanceof SubscriptionsFullError)) throw error;
    deps.logger.warn('subscription refused: store full', { max: error.max });
    return { kind: 'store-full', reason: 'not taking new subscriptions at the moment' };
  }
  const text = confirmationText(subscription.preferences, settings.teams);
  const outcome = await deps.sender.send(subscription, {
    payload: {
      title: text,
      body: '',
      tag: 'subscribed',
      url: settings.pageUrl,
      matchId: '',
      kind: 'subscribed',
    },
    ttlSeconds: settings.confirmationTtlSeconds ?? 300,
    urgency: 'normal',
    topic: pushTopic('0', 'subscribed'),
  });
  const host = new URL(subscription.endpoint).host;
  if (outcome.kind === 'gone') {
    await deps.subscriptions.delete(subscription.endpoint);
    return {
      kind: 'endpoint-gone',
      reason: 'endpoint: the push service says this subscription does not exist',
    };
  }
  if (outcome.kind !== 'delivered')
    deps.logger.warn('confirmation push not delivered', { host, outcome: outcome.kind });
  deps.logger.info('subscribed', { host, teams: subscription.preferences?.teams ?? 'all' });
  return { kind: 'subscribed' };
}

export type UpdatePreferencesOutcome = { kind: 'updated' } | { kind: 'no-such-subscription' };

export async function updatePreferences(
  deps: Pick<ManageSubscriptionsDeps, 'subscriptions'>,
  input: { endpoint: string; preferences?: SubscriptionPreferences },
): Promise<UpdatePreferencesOutcome> {
  return (await deps.subscriptions.updatePreferences(input.endpoint, input.preferences))
    ? { kind: 'updated' }
    : { kind: 'no-such-subscription' };
}

/** Unsubscribing twice is not an error: the subscription is gone either way. */
export async function unsubscribe(
  deps: Pick<ManageSubscriptionsDeps, 'subscriptions'>,
  input: { endpoint: string },
): Promise<{ kind: 'unsubscribed' }> {
  await deps.subscriptions.delete(input.endpoint);
  return { kind: 'unsubscribed' };
}

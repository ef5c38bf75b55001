import type { ConnectionState } from '../live/live-connection.ts';
import { updatedAgo } from '../live/freshness.ts';
import { h } from './dom.ts';

export interface StatusSnapshot {
  connection: ConnectionState;
  lastUpdateAt: number | null;
  stale: boolean;
  now: number;
}

/** What the indicator says, e.g. "Live · updated 12 s ago" or "Reconnecting in 8 s". */
export function statusText(s: StatusSnapshot): {
  label: string;
  detail: string;
  tone: 'live' | 'stale' | 'down';
} {
  const detail = s.lastUpdateAt == null ? '' : updatedAgo(s.lastUpdateAt, s.now);
  if (s.connection.kind === 'open') {
    return s.stale
      ? { label: 'Scores may be out of date', detail, tone: 'stale' }
      : { label: 'Live', detail, tone: 'live' };
  }
  if (s.connection.kind === 'waiting') {
    const seconds = Math.max(1, Math.ceil((s.connection.retryAt - s.now) / 1000));
    return { label: `Offline, retrying in ${seconds} s`, detail, tone: 'down' };
  }
  if (s.connection.kind === 'connecting') {
    return { label: s.connection.attempt === 0 ? 'Connecting' : 'Reconnecting', detail, tone: 'down' };
  }
  return { label: 'Not connected', detail, tone: 'down' };
}

/** The live indicator: a dot whose shape (not only colour) shows the state, and the age of the scores. */
export class StatusView {
  readonly #label: HTMLElement;
  readonly #detail: HTMLElement;

  constructor(readonly element: HTMLElement) {
    const doc = element.ownerDocument;
    this.#label = h(doc, 'span', { class: 'status-label' });
    this.#detail = h(doc, 'span', { class: 'status-detail' });
    element.classList.add('live-status');
    element.replaceChildren(
      h(doc, 'span', { class: 'status-dot', 'aria-hidden': 'true' }),
      this.#label,
      this.#detail,
    );
  }

  show(snapshot: StatusSnapshot): void {
    const { label, detail, tone } = statusText(snapshot);
    this.element.dataset.tone = tone;
    if (this.#label.textContent !== label) this.#label.textContent = label;
    if (this.#detail.textContent !== detail) this.#detail.textContent = detail;
  }
}

/**
 * Speaks wickets and results to screen-reader users through a polite live region; runs are not
 * announced, or the page would talk over itself every ball.
 */
export class Announcer {
  constructor(readonly element: HTMLElement) {
    element.setAttribute('aria-live', 'polite');
    element.setAttribute('aria-atomic', 'false');
    element.classList.add('visually-hidden');
  }

  say(messages: readonly string[]): void {
    const doc = this.element.ownerDocument;
    for (const message of messages) this.element.append(h(doc, 'p', {}, message));
    // Keep only the latest few so the region never grows without bound.
    while (this.element.childElementCount > 5) this.element.firstElementChild?.remove();
  }
}

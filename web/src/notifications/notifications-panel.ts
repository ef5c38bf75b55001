import type { TeamLabel } from '../config/page-config.ts';
import { h } from '../render/dom.ts';
import type { SubscriptionMode } from '@live-scores/schema';
import { KIND_GROUPS, MODES, groupsIn, preferencesFor, type KindGroupId } from './preferences.ts';
import type { PushSubscriptions } from './push-subscriptions.ts';
import type { PushSupport } from './push-support.ts';

const ADD_TO_HOME_SCREEN =
  'To get notifications on iPhone or iPad, tap the Share button, choose “Add to Home Screen”, then open Live scores from your home screen and turn notifications on there.';

/**
 * The notifications panel: explains when the browser cannot notify, otherwise lets the supporter
 * pick teams and kinds, turn notifications on, save changes or turn them off, and shows which it is.
 */
export class NotificationsPanel {
  readonly #doc: Document;
  readonly #state: HTMLElement;
  readonly #form: HTMLFormElement;
  readonly #submit: HTMLButtonElement;
  readonly #turnOff: HTMLButtonElement;
  #subscribed = false;

  constructor(
    readonly element: HTMLElement,
    readonly support: PushSupport,
    readonly teams: readonly TeamLabel[],
    readonly subscriptions: PushSubscriptions | null,
  ) {
    const doc = (this.#doc = element.ownerDocument);
    this.#state = h(doc, 'p', { class: 'notify-state', role: 'status' });
    this.#submit = h(doc, 'button', { type: 'submit', class: 'primary' });
    this.#turnOff = h(
      doc,
      'button',
      { type: 'button', class: 'secondary', hidden: true },
      'Turn off notifications',
    );
    this.#form = h(
      doc,
      'form',
      { class: 'notify-form' },
      teams.length > 1 &&
        this.#fieldset(
          'Teams',
          'team',
          teams.map((t) => ({ value: t.id, label: t.label })),
        ),
      this.#fieldset(
        'How often',
        'mode',
        MODES.map((m) => ({ value: m.id, label: m.label })),
        'radio',
      ),
      this.#fieldset(
        'Tell me about',
        'kind',
        KIND_GROUPS.map((g) => ({ value: g.id, label: g.label })),
      ),
      h(doc, 'div', { class: 'notify-actions' }, this.#submit, this.#turnOff),
    );
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#save();
    });
    this.#turnOff.addEventListener('click', () => void this.#run(() => this.#turnOffNotifications()));
  }

  async init(): Promise<void> {
    const doc = this.#doc;
    const heading = h(doc, 'h2', { id: 'notify-heading' }, 'Notifications');
    this.element.setAttribute('aria-labelledby', 'notify-heading');
    if (this.support.kind === 'add-to-home-screen') {
      this.element.replaceChildren(heading, h(doc, 'p', { class: 'notify-help' }, ADD_TO_HOME_SCREEN));
      return;
    }
    if (this.support.kind === 'unsupported' || !this.subscriptions) {
      const reason =
        this.support.kind === 'unsupported' ? this.support.reason : 'Notifications are unavailable.';
      this.element.replaceChildren(heading, h(doc, 'p', { class: 'notify-help' }, reason));
      return;
    }
    if (this.support.kind === 'denied') {
      this.element.replaceChildren(
        heading,
        h(
          doc,
          'p',
          { class: 'notify-help' },
          'Notifications are blocked for this site. Allow them in your browser’s site settings, then reload.',
        ),
      );
      return;
    }
    this.element.replaceChildren(heading, this.#state, this.#form);
    try {
      const state = await this.subscriptions.state();
      this.#show(
        state.subscribed,
        state.preferences ? groupsIn(state.preferences) : null,
        state.preferences?.teams,
        state.preferences?.mode,
      );
    } catch {
      this.#show(false, null, undefined);
    }
  }

  #fieldset(
    legend: string,
    name: string,
    options: { value: string; label: string }[],
    type: 'checkbox' | 'radio' = 'checkbox',
  ): HTMLFieldSetElement {
    const doc = this.#doc;
    return h(
      doc,
      'fieldset',
      {},
      h(doc, 'legend', {}, legend),
      ...options.map((o) =>
        h(
          doc,
          'label',
          {},
          h(doc, 'input', { type, name, value: o.value, checked: type === 'checkbox' || o === options[0] }),
          ` ${o.label}`,
        ),
      ),
    );
  }

  #checked(name: string): string[] {
    return [...this.#form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map(
      (i) => i.value,
    );
  }

  #show(
    subscribed: boolean,
    groups: KindGroupId[] | null,
    teams: string[] | undefined,
    mode?: SubscriptionMode,
  ): void {
    this.#subscribed = subscribed;
    this.#state.textContent = subscribed
      ? 'Notifications are on for this device.'
      : 'Notifications are off. Choose what you want to hear about.';
    this.#submit.textContent = subscribed ? 'Save changes' : 'Turn on notifications';
    this.#turnOff.hidden = !subscribed;
    for (const input of this.#form.querySelectorAll<HTMLInputElement>('input[name="kind"]')) {
      if (groups) input.checked = groups.includes(input.value as KindGroupId);
    }
    for (const input of this.#form.querySelectorAll<HTMLInputElement>('input[name="team"]')) {
      if (subscribed) input.checked = !teams || teams.includes(input.value);
    }
    // A subscription stored without a mode gets everything, and shows it.
    for (const input of this.#form.querySelectorAll<HTMLInputElement>('input[name="mode"]')) {
      if (subscribed) input.checked = input.value === (mode ?? 'everything');
    }
  }

  async #save(): Promise<void> {
    const groups = this.#checked('kind') as KindGroupId[];
    const teams = this.teams.length > 1 ? this.#checked('team') : null;
    if (groups.length === 0 || (teams && teams.length === 0)) {
      this.#state.textContent = 'Choose at least one team and one kind of notification.';
      return;
    }
    const mode = (this.#checked('mode')[0] ?? 'everything') as SubscriptionMode;
    const preferences = preferencesFor(teams, groups, mode);
    await this.#run(async () => {
      if (this.#subscribed) await this.subscriptions?.change(preferences);
      else await this.subscriptions?.subscribe(preferences);
      this.#show(true, groups, preferences.teams, mode);
    });
  }

  async #turnOffNotifications(): Promise<void> {
    await this.subscriptions?.unsubscribe();
    this.#show(false, null, undefined);
  }

  async #run(action: () => Promise<void>): Promise<void> {
    this.#submit.disabled = this.#turnOff.disabled = true;
    this.#state.textContent = 'Working…';
    try {
      await action();
    } catch (error) {
      this.#state.textContent = `Sorry: ${(error as Error).message}.`;
    } finally {
      this.#submit.disabled = this.#turnOff.disabled = false;
    }
  }
}

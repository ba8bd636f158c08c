/**
 * What a reply's "open the form" button carries, on every platform: the command, and the
 * reference of a server-side pre-fill when there is one (`report:3f9c0a1b2c4d`). Slack puts
 * it in the button's value, Discord after its custom_id prefix. The values themselves stay
 * in `Services.prefills`: a Discord custom_id holds 100 characters.
 */
import type { Services } from '../../core/services.js';
import type { Prefill } from '../../core/reporting-intent/prefills.js';

/** The text a form button carries for `command` (and its pre-fill reference). */
export function formButtonValue(command: string, prefill?: string): string {
  return prefill ? `${command}:${prefill}` : command;
}

/** The command and pre-fill reference a form button's text carries (`report`, `report:3f9c0a1b2c4d`). */
export function parseFormButton(value: string): { command: string; prefill?: string } {
  const at = value.indexOf(':');
  return at < 0 ? { command: value } : { command: value.slice(0, at), prefill: value.slice(at + 1) };
}

/**
 * What a click on a form button opens: the command and the values to pre-fill (none for a
 * plain button), or `expired` when its pre-fill is no longer kept (a restart, or older than
 * its time to live): the adapter then says so instead of opening an empty form.
 */
export function formButtonTarget(services: Pick<Services, 'prefills'>, button: { command: string; prefill?: string }): { command: string; values: Prefill['values'] } | 'expired' {
  if (button.prefill === undefined) return { command: button.command, values: {} };
  const prefill = services.prefills.get(button.prefill);
  if (!prefill) return 'expired';
  return { command: prefill.command, values: prefill.values };
}

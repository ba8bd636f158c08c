/**
 * The Discord form never asks Discord for more than it allows (issue 11 item 14): however much
 * a user gave as options, every pre-filled box holds at most its own max_length (≤ 4,000),
 * so the form opens, and what comes back on submit is what was given.
 */
import { describe, expect, it } from 'vitest';
import type { ModalSubmitInteraction } from 'discord.js';
import { commandModal, formCommandText } from '../../../src/adapters/discord/form.js';
import { commands } from '../../../src/core/commands/index.js';
import { reportCommand } from '../../../src/core/commands/report.js';
import { bindArgs } from '../../../src/core/commands/bind.js';
import { parseArgs, splitCommand } from '../../../src/core/commands/parse.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import path from 'node:path';

const kb = loadKnowledge(path.resolve(import.meta.dirname, '..', '..', '..', 'knowledge'));
/** Discord's own limit on a text input's value and max_length (components reference). */
const TEXT_INPUT_MAX = 4000;

/** Every text input of a modal, wherever it sits (in a label or an action row). */
function textInputs(modal: ReturnType<typeof commandModal>): { custom_id: string; value?: string; max_length?: number }[] {
  return (modal.components as unknown as { component?: { type: number }; components?: { type: number }[] }[])
    .flatMap((c) => [c.component, ...(c.components ?? [])])
    .filter((c): c is { type: number; custom_id: string } & Record<string, never> => c?.type === 4);
}

/** The submit Discord would send back for a modal, every box as it was pre-filled. */
function submitted(modal: ReturnType<typeof commandModal>): ModalSubmitInteraction {
  const values = new Map<string, { value?: string; values?: string[] }>();
  for (const c of modal.components as unknown as { component: { type: number; custom_id: string; value?: string; options?: { value: string; default?: boolean }[] } }[]) {
    const f = c.component;
    if (f.type === 4) values.set(f.custom_id, { value: f.value ?? '' });
    else values.set(f.custom_id, { values: (f.options ?? []).filter((o) => o.default).map((o) => o.value) });
  }
  return { fields: { fields: values } } as unknown as ModalSubmitInteraction;
}

/** The longest valid values of /report's optional fields (what its slash options accept). */
const MAXIMAL = {
  goal: 'companies',
  party: 'KAMK',
  date: '2024-05-01',
  link: `https://example.fi/${'a'.repeat(2000 - 'https://example.fi/'.length)}`,
  'business-id': '0112038-9',
  note: `${'Spun off from a university research group. '.repeat(60)}`.slice(0, 2000).trim(),
};

describe('the Discord report form at its fullest', () => {
  it('keeps every pre-filled box within its max_length, and max_length within Discord’s 4,000', () => {
    const modal = commandModal(reportCommand, kb, 'en', MAXIMAL);
    const inputs = textInputs(modal);
    expect(inputs.length).toBeGreaterThan(0);
    for (const input of inputs) {
      expect(input.max_length, input.custom_id).toBeLessThanOrEqual(TEXT_INPUT_MAX);
      expect((input.value ?? '').length, input.custom_id).toBeLessThanOrEqual(input.max_length!);
    }
    expect(modal.components.length).toBeLessThanOrEqual(5);
  });

  it('gives back on submit exactly what was pre-filled (title added), nothing cut or lost', () => {
    const prefill = { ...MAXIMAL, title: 'Acme Oy' };
    const line = formCommandText(reportCommand, submitted(commandModal(reportCommand, kb, 'en', prefill)));
    expect(bindArgs(reportCommand, parseArgs(splitCommand(line).rest)).record).toEqual(prefill);
  });

  it('holds for every command with a form, with every argument at its longest', () => {
    for (const command of commands.filter((c) => c.form)) {
      const prefill = Object.fromEntries(command.args.filter((a) => a.kind === 'text' || a.kind === 'url').map((a) => [a.name, 'x'.repeat(a.limits?.maxLength ?? 100)]));
      for (const input of textInputs(commandModal(command, kb, 'fi', prefill))) expect((input.value ?? '').length, `${command.name} ${input.custom_id}`).toBeLessThanOrEqual(Math.min(input.max_length!, TEXT_INPUT_MAX));
    }
  });
});

/** Reply → Block Kit and Slack text → core text: the pure parts of the Slack adapter. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reply } from '../../../src/core/reply.js';
import { renderReply } from '../../../src/adapters/slack/render.js';
import { escapeMrkdwn, slackTextToCore } from '../../../src/adapters/slack/text.js';
import { commandForm, formCommandText, formErrors } from '../../../src/adapters/slack/form.js';
import { reportCommand } from '../../../src/core/commands/report.js';
import { OUTCOME_ARGS } from '../../../src/core/outcomes/fields.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import { errorReply } from '../../../src/core/reply.js';
import { toCoreText } from '../../../src/adapters/shared/command-text.js';

describe('escaping', () => {
  it('turns every mention and link form into harmless text', () => {
    for (const evil of ['<!channel>', '<!here>', '<!everyone>', '<@U123>', '<#C1|x>', '<https://evil.example|click>', '<!subteam^S1>']) {
      const out = escapeMrkdwn(evil);
      expect(out).not.toMatch(/[<>]/);
    }
    expect(escapeMrkdwn('A & B <!channel>')).toBe('A &amp; B &lt;!channel&gt;');
  });

  it('escapes user text in every rendered part, the header included', () => {
    const r = reply('en', 'Title <!here>', {
      title: 'Acme <!channel>',
      sections: [{ heading: '<@U1>', lines: ['<!everyone>'] }],
      suggestions: ['<https://x.example|y>'],
      sources: [{ id: 's', title: 'T <!here>', url: 'https://example.fi/a|b>c' }],
    });
    const [m] = renderReply(r);
    const json = JSON.stringify(m);
    expect(json).not.toMatch(/<!(channel|here|everyone)>|<@U1>|<https:\/\/x/);
    expect(m!.text).toContain('&lt;!here&gt;');
    // A link is ours: its URL cannot close the link early or add a label.
    expect(json).toContain('<https://example.fi/a%7Cb%3Ec|T &lt;!here&gt;>');
  });
});

describe('limits', () => {
  it('splits a reply over 50 blocks into several messages, buttons on the last', () => {
    const r = reply('en', 'x', { sections: Array.from({ length: 120 }, (_, i) => ({ lines: [`line ${i}`] })) });
    const actions = [{ type: 'divider' as const }];
    const messages = renderReply(r, actions);
    expect(messages.length).toBe(3);
    expect(messages.every((m) => m.blocks.length <= 50)).toBe(true);
    expect(messages.at(-1)!.blocks.at(-1)).toEqual({ type: 'divider' });
    expect(messages.flatMap((m) => m.blocks).filter((b) => b.type === 'section')).toHaveLength(121);
  });

  it('cuts a reply beyond the message cap and says so', () => {
    const r = reply('fi', 'x', { sections: Array.from({ length: 300 }, (_, i) => ({ lines: [`rivi ${i}`] })) });
    const messages = renderReply(r, [], 2);
    expect(messages).toHaveLength(2);
    expect(JSON.stringify(messages[1]!.blocks.at(-1))).toMatch(/… ja \d+ muuta — rajaa tarkemmin\./);
  });
});

describe('inbound text', () => {
  it('resolves user mentions, drops the bot and special mentions, unwraps links and entities', () => {
    expect(slackTextToCore('<@UBOT> grant <@U999|bob> reporter', 'UBOT')).toBe('grant slack:U999 reporter');
    expect(slackTextToCore('see <https://a.fi/x|a.fi/x> in <#C1|general> &lt;3 &amp; <!here>')).toBe('see https://a.fi/x in #general <3 &');
  });

  it('makes a first word naming a command into a command, anything else a question', () => {
    expect(toCoreText('report companies "Acme Oy" party=KAMK')).toBe('/report companies "Acme Oy" party=KAMK');
    expect(toCoreText('Progress')).toBe('/Progress');
    expect(toCoreText('who are the parties?')).toBe('who are the parties?');
    expect(toCoreText('  ')).toBe('/help');
  });
});

describe('report form', () => {
  const kb = loadKnowledge(path.resolve(import.meta.dirname, '..', '..', '..', 'knowledge'));

  it('has one input per field of the /report spec, with its widget, limits and the date defaulting to today', () => {
    const view = commandForm(reportCommand, kb, 'fi', '2025-03-04', { lang: 'fi' });
    const blocks = view.blocks as unknown as { block_id: string; optional?: boolean; label: { text: string }; element: Record<string, unknown> }[];
    expect(blocks.map((b) => b.block_id)).toEqual(OUTCOME_ARGS.map((a) => a.name));
    const by = Object.fromEntries(blocks.map((b) => [b.block_id, b]));
    expect(by.goal!.element.type).toBe('static_select');
    expect((by.goal!.element.options as { value: string }[]).map((o) => o.value)).toEqual(kb.goals.map((g) => g.id));
    expect(by.title!.label.text).toBe('Otsikko');
    expect(by.title!.element).toMatchObject({ type: 'plain_text_input', max_length: 200 });
    expect(by.title!.optional).toBeUndefined();
    expect(by.party!.optional).toBe(true);
    expect(by.date!.element).toEqual({ type: 'datepicker', action_id: 'value', initial_date: '2025-03-04' });
    expect(by.link!.element.type).toBe('url_text_input');
    expect(by.note!.element).toMatchObject({ multiline: true, max_length: 2000 });
    expect(by.duplicate!.element.type).toBe('checkboxes');
    expect(view).toMatchObject({ callback_id: 'kajaani_report', title: { text: 'Ilmoita tulos' }, submit: { text: 'Ilmoita' } });
  });

  it('pre-fills the fields it is given', () => {
    const view = commandForm(reportCommand, kb, 'en', '2025-03-04', { lang: 'en' }, { goal: 'companies', title: 'Acme Oy', date: '2025-01-02' });
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('"initial_option":{"text":{"type":"plain_text","text":"new companies","emoji":false},"value":"companies"}');
    expect(json).toContain('"initial_value":"Acme Oy"');
    expect(json).toContain('"initial_date":"2025-01-02"');
  });

  it('builds the command line from the submitted values', () => {
    const v = (value: string | null) => ({ value: { value } });
    const text = formCommandText(reportCommand, {
      goal: { value: { selected_option: { value: 'companies' } } },
      title: v('Acme Oy'),
      party: { value: { selected_option: null } },
      date: { value: { selected_date: '2025-01-02' } },
      link: v(null),
      'business-id': v(' 1234567-8 '),
      note: v(''),
    });
    expect(text).toBe('/report companies "Acme Oy" date=2025-01-02 business-id=1234567-8');
  });

  it('puts a rejection on the field the core names, else on the title', () => {
    expect(formErrors(reportCommand, errorReply('en', 'bad date', { data: { field: 'date' } }))).toEqual({ date: 'bad date' });
    expect(formErrors(reportCommand, errorReply('en', 'bad', { data: { field: 'businessId' } }))).toEqual({ 'business-id': 'bad' });
    expect(formErrors(reportCommand, errorReply('en', 'not allowed'))).toEqual({ title: 'not allowed' });
    expect(formErrors(reportCommand, errorReply('en', 'twice', { data: { error: 'duplicate' } }))).toEqual({ duplicate: 'twice' });
  });
});

/**
 * The App Home tab: progress of every goal and the latest outcomes, built from the core's own
 * `/progress` and `/outcomes` replies (so it always says what the commands say), plus a
 * button that opens the report form. Published again each time the user opens the tab.
 */
import type { Lang, Reply } from '../../core/reply.js';
import type { HomeView, KnownBlock } from './blocks.js';
import { OPEN_REPORT_ACTION } from './buttons.js';
import { replyBlocks } from './render.js';
import { LIMITS } from './limits.js';

const T = {
  heading: { en: 'Kajaani ecosystem agreement', fi: 'Kajaanin ekosysteemisopimus' },
  report: { en: 'Report an outcome', fi: 'Ilmoita tulos' },
  updated: { en: 'Updated', fi: 'Päivitetty' },
} as const;

/** The Home tab for one user. `updatedAt` is shown so a stale view is recognisable. */
export function homeView(lang: Lang, parts: Reply[], updatedAt: string): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: T.heading[lang] } },
    {
      type: 'actions',
      block_id: 'home_actions',
      elements: [{ type: 'button', action_id: OPEN_REPORT_ACTION, style: 'primary', text: { type: 'plain_text', text: T.report[lang] }, value: 'home' }],
    },
  ];
  for (const part of parts) {
    blocks.push({ type: 'divider' }, ...replyBlocks(part));
  }
  const footer: KnownBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: `${T.updated[lang]} ${updatedAt}` }] };
  return { type: 'home', blocks: [...blocks.slice(0, LIMITS.blocksPerView - 1), footer] };
}

/** The time shown under the Home tab, e.g. `2025-03-04 12:30` in BOT_TIMEZONE. */
export function stamp(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(now);
}

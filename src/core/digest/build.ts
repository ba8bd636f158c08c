/**
 * The digest for a period from the live store, and its rendering for a subscription's
 * language (`fi`, `en` or `both`): replies, combined plain text and the chart.
 */
import type { KnowledgeBase } from '../knowledge/schema.js';
import { replyToPlainText, type Lang, type Reply } from '../reply.js';
import type { Store } from '../../store/store.js';
import { digestSnapshot, type DigestLang } from '../../store/digest.js';
import { composeDigest, type Digest } from './compose.js';
import { renderChart, type DigestChart } from './chart.js';
import { DEFAULT_LIMITS, renderDigest, type RenderLimits } from './render.js';
import type { DigestPeriod } from './period.js';

/** Rows fetched per list; the renderer shows at most `maxAdded` of them. */
const FETCH_LIMIT = 50;

/** Reads the period's snapshot and composes the digest. */
export function digestFor(store: Store, kb: KnowledgeBase, period: DigestPeriod): Digest {
  return composeDigest(kb, digestSnapshot(store, kb.goals.map((g) => g.id), period.startUtc, period.endUtc, FETCH_LIMIT), period);
}

/** A digest rendered for one subscription's language setting. */
export interface RenderedDigest {
  lang: DigestLang;
  /** One reply per language, Finnish first for `both`. */
  replies: Reply[];
  /** The replies as plain text, joined. */
  text: string;
  /** One chart, in every language of the setting (`both`: one bilingual chart). */
  chart: DigestChart;
  quiet: boolean;
  period: string;
}

/** The languages of a setting, in posting order. */
export function langsOf(lang: DigestLang): Lang[] {
  return lang === 'both' ? ['fi', 'en'] : [lang];
}

/** Renders the digest for `lang`. For `both`, one bilingual chart (Finnish first) with alt text in both languages. */
export function renderFor(kb: KnowledgeBase, digest: Digest, lang: DigestLang, limits: RenderLimits = DEFAULT_LIMITS): RenderedDigest {
  const langs = langsOf(lang);
  const replies = langs.map((l) => renderDigest(kb, digest, l, limits));
  return {
    lang,
    replies,
    text: replies.map(replyToPlainText).join('\n\n――――――――\n\n'),
    chart: renderChart(kb, digest, langs),
    quiet: digest.quiet,
    period: digest.period.label,
  };
}

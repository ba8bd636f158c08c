/**
 * The digest's chart: horizontal bars per quantitative goal (count against the number that
 * meets the target, this period's change highlighted), as an SVG rendered to PNG by resvg.
 * Only the Inter font files shipped through npm are used, never the machine's fonts, so the
 * image is the same on a fresh server as on a laptop.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as ResvgJs from '@resvg/resvg-js';
import type { KnowledgeBase } from '../knowledge/schema.js';
import type { Lang } from '../reply.js';
import { goalLabel } from '../outcomes/format.js';
import { goalById } from '../outcomes/resolve.js';
import { targetText } from '../outcomes/progress.js';
import { filledUnits } from '../percent.js';
import type { Digest } from './compose.js';
import { digestTitle, periodDates } from './render.js';

/** The chart as sent with a post. */
export interface DigestChart {
  png: Buffer;
  svg: string;
  alt: string;
  width: number;
  height: number;
  filename: string;
}

const WIDTH = 800;
const MARGIN = 32;
const HEADER = 96;
const ROW = 62;
const FOOTER = 40;
const BAR_H = 20;
const COUNT_W = 175;

const COLOURS = {
  background: '#ffffff',
  title: '#111827',
  text: '#374151',
  muted: '#6b7280',
  track: '#e5e7eb',
  base: '#2563eb',
  added: '#60a5fa',
  met: '#16a34a',
  behind: '#d97706',
};

const require = createRequire(import.meta.url);

/**
 * resvg-js, loaded on the first render: its native module takes ~15 ms to load (more on a
 * busy machine), which `ask`, the console and a bot that never renders a chart should not pay.
 */
let resvgModule: typeof ResvgJs | undefined;
function resvg(): typeof ResvgJs {
  resvgModule ??= require('@resvg/resvg-js') as typeof ResvgJs;
  return resvgModule;
}

/** Paths of the Inter TTF files from @expo-google-fonts/inter. */
export function interFontFiles(): string[] {
  const dir = path.dirname(require.resolve('@expo-google-fonts/inter/package.json'));
  return [path.join(dir, '400Regular', 'Inter_400Regular.ttf'), path.join(dir, '700Bold', 'Inter_700Bold.ttf')];
}

/** Escapes text for SVG content and attributes. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const TEXT = {
  title: { en: 'Progress per goal', fi: 'Edistyminen tavoitteittain' },
  legend: {
    en: 'Counted outcomes against target at the end of the week; lighter part = new this week',
    fi: 'Tulokset suhteessa tavoitteeseen viikon lopussa; vaaleampi osa = uudet tällä viikolla',
  },
  none: { en: 'No quantitative goals', fi: 'Ei määrällisiä tavoitteita' },
  met: { en: 'target met', fi: 'saavutettu' },
  onPace: { en: 'on pace', fi: 'tahti riittää' },
  behind: { en: 'behind pace', fi: 'tahti ei riitä' },
};

/** Extra height per added language: one more line of label, subtitle, status and legend. */
const LINE = 18;
const STATUS_LINE = 16;

/** A target without words, for the bilingual chart's count ("> 20", "≥ 2"); the alt text says it in words. */
function targetSymbol(goal: { target: number | null; comparator: string | null }): string {
  if (goal.comparator === 'more-than') return `> ${goal.target}`;
  if (goal.comparator === 'at-least') return `≥ ${goal.target}`;
  return String(goal.target);
}

/**
 * Builds the SVG (pure). With two languages (a `both` digest) it is one bilingual chart: the
 * title in both, and each label, subtitle, status and legend line once per language, the
 * first language first; the numbers are written once.
 */
export function chartSvg(kb: KnowledgeBase, d: Digest, langs: Lang | readonly Lang[]): { svg: string; width: number; height: number } {
  const ls: readonly Lang[] = typeof langs === 'string' ? [langs] : langs;
  const lang = ls[0]!;
  const extra = ls.length - 1;
  const header = HEADER + extra * LINE;
  const row = ROW + extra * (LINE + STATUS_LINE);
  const footer = FOOTER + extra * LINE;
  const goals = d.goals.filter((g) => g.kind === 'quantitative' && g.needed !== null);
  const height = header + Math.max(goals.length, 1) * row + footer;
  const barW = WIDTH - 2 * MARGIN - COUNT_W;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Inter">`,
    `<rect width="${WIDTH}" height="${height}" fill="${COLOURS.background}"/>`,
    `<text x="${MARGIN}" y="42" font-size="22" font-weight="700" fill="${COLOURS.title}">${escapeXml(ls.map((l) => TEXT.title[l]).join(' / '))}</text>`,
    ...ls.map((l, k) => `<text x="${MARGIN}" y="${68 + k * LINE}" font-size="14" fill="${COLOURS.muted}">${escapeXml(digestTitle(d.period, l))}</text>`),
  ];
  if (goals.length === 0) out.push(`<text x="${MARGIN}" y="${header + 24}" font-size="15" fill="${COLOURS.text}">${escapeXml(ls.map((l) => TEXT.none[l]).join(' / '))}</text>`);
  goals.forEach((g, i) => {
    const goal = goalById(kb, g.goalId);
    const y = header + i * row;
    const bar = y + 26 + extra * LINE;
    const needed = g.needed ?? 1;
    const scale = (n: number) => filledUnits(n, needed, barW);
    const before = g.count - Math.max(g.change, 0);
    const status = (l: Lang) => (g.met ? TEXT.met[l] : g.onTrack ? TEXT.onPace[l] : TEXT.behind[l]);
    const statusColour = g.met ? COLOURS.met : g.onTrack ? COLOURS.base : COLOURS.behind;
    const target = !goal ? String(g.target) : extra > 0 ? targetSymbol(goal) : targetText(goal, lang);
    const change = g.change > 0 ? ` (+${g.change})` : g.change < 0 ? ` (−${-g.change})` : '';
    out.push(
      ...ls.map((l, k) =>
        k === 0
          ? `<text x="${MARGIN}" y="${y + 16}" font-size="15" font-weight="700" fill="${COLOURS.text}">${escapeXml(capitalise(goalLabel(kb, g.goalId, l)))}</text>`
          : `<text x="${MARGIN}" y="${y + 16 + k * LINE}" font-size="14" fill="${COLOURS.muted}">${escapeXml(capitalise(goalLabel(kb, g.goalId, l)))}</text>`,
      ),
      `<rect x="${MARGIN}" y="${bar}" width="${barW}" height="${BAR_H}" rx="4" fill="${COLOURS.track}"/>`,
    );
    if (scale(g.count) > 0) {
      out.push(`<rect x="${MARGIN}" y="${bar}" width="${scale(g.count)}" height="${BAR_H}" rx="4" fill="${g.met ? COLOURS.met : COLOURS.added}"/>`);
      if (!g.met && scale(before) > 0) out.push(`<rect x="${MARGIN}" y="${bar}" width="${scale(before)}" height="${BAR_H}" rx="4" fill="${COLOURS.base}"/>`);
    }
    out.push(
      `<text x="${MARGIN + barW + 12}" y="${bar + 10}" font-size="15" font-weight="700" fill="${COLOURS.title}">${escapeXml(`${g.count} / ${target}${change}`)}</text>`,
      ...ls.map((l, k) => `<text x="${MARGIN + barW + 12}" y="${bar + 28 + k * STATUS_LINE}" font-size="12" fill="${statusColour}">${escapeXml(status(l))}</text>`),
    );
  });
  out.push(...ls.map((l, k) => `<text x="${MARGIN}" y="${height - 16 - (extra - k) * LINE}" font-size="12" fill="${COLOURS.muted}">${escapeXml(TEXT.legend[l])}</text>`), '</svg>');
  return { svg: out.join('\n'), width: WIDTH, height };
}

/** Alt text: the same figures in words, one paragraph per language (first language first). */
export function chartAlt(kb: KnowledgeBase, d: Digest, langs: Lang | readonly Lang[]): string {
  return (typeof langs === 'string' ? [langs] : langs).map((l) => chartAltIn(kb, d, l)).join('\n');
}

function chartAltIn(kb: KnowledgeBase, d: Digest, lang: Lang): string {
  const goals = d.goals.filter((g) => g.kind === 'quantitative');
  const parts = goals.map((g) => {
    const goal = goalById(kb, g.goalId);
    const target = goal ? targetText(goal, lang) : String(g.target);
    return lang === 'fi'
      ? `${capitalise(goalLabel(kb, g.goalId, lang))} ${g.count}/${target} (muutos ${g.change >= 0 ? '+' : ''}${g.change})`
      : `${capitalise(goalLabel(kb, g.goalId, lang))} ${g.count} of ${target} (change ${g.change >= 0 ? '+' : ''}${g.change})`;
  });
  const when = `${d.period.week}/${d.period.isoYear} (${periodDates(d.period, lang)})`;
  const head = lang === 'fi' ? `Pylväskaavio tavoitteiden edistymisestä viikon ${when} lopussa:` : `Bar chart of progress per goal at the end of week ${when}:`;
  return `${head} ${parts.join('; ')}.`;
}

/** How many rendered charts are kept (the same digest goes to several channels and previews). */
const PNG_CACHE_SIZE = 8;
/** Rendered PNGs by SVG text, least recently used first. */
const pngCache = new Map<string, Buffer>();

/**
 * The PNG of an SVG. Resvg parses the font files on every construction (most of the render
 * time, and resvg-js 2.6 takes no font buffers), so an identical SVG is rendered only once.
 */
function pngOf(svg: string): Buffer {
  const cached = pngCache.get(svg);
  if (cached !== undefined) {
    pngCache.delete(svg);
    pngCache.set(svg, cached);
    return cached;
  }
  const renderer = new (resvg().Resvg)(svg, {
    font: { fontFiles: interFontFiles(), loadSystemFonts: false, defaultFontFamily: 'Inter' },
    fitTo: { mode: 'original' },
    background: COLOURS.background,
  });
  const png = Buffer.from(renderer.render().asPng());
  pngCache.set(svg, png);
  if (pngCache.size > PNG_CACHE_SIZE) pngCache.delete(pngCache.keys().next().value!);
  return png;
}

/** Renders the chart to PNG with the bundled Inter fonts only (each caller gets its own Buffer); two languages make one bilingual chart. */
export function renderChart(kb: KnowledgeBase, d: Digest, langs: Lang | readonly Lang[]): DigestChart {
  const { svg, width, height } = chartSvg(kb, d, langs);
  return { png: Buffer.from(pngOf(svg)), svg, alt: chartAlt(kb, d, langs), width, height, filename: `digest-${d.period.label}.png` };
}

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

/** Builds the SVG (pure). */
export function chartSvg(kb: KnowledgeBase, d: Digest, lang: Lang): { svg: string; width: number; height: number } {
  const goals = d.goals.filter((g) => g.kind === 'quantitative' && g.needed !== null);
  const height = HEADER + Math.max(goals.length, 1) * ROW + FOOTER;
  const barW = WIDTH - 2 * MARGIN - COUNT_W;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Inter">`,
    `<rect width="${WIDTH}" height="${height}" fill="${COLOURS.background}"/>`,
    `<text x="${MARGIN}" y="42" font-size="22" font-weight="700" fill="${COLOURS.title}">${escapeXml(TEXT.title[lang])}</text>`,
    `<text x="${MARGIN}" y="68" font-size="14" fill="${COLOURS.muted}">${escapeXml(digestTitle(d.period, lang))}</text>`,
  ];
  if (goals.length === 0) out.push(`<text x="${MARGIN}" y="${HEADER + 24}" font-size="15" fill="${COLOURS.text}">${escapeXml(TEXT.none[lang])}</text>`);
  goals.forEach((g, i) => {
    const goal = goalById(kb, g.goalId);
    const y = HEADER + i * ROW;
    const needed = g.needed ?? 1;
    const scale = (n: number) => Math.round((Math.min(Math.max(n, 0), needed) / needed) * barW);
    const before = g.count - Math.max(g.change, 0);
    const status = g.met ? TEXT.met[lang] : g.onTrack ? TEXT.onPace[lang] : TEXT.behind[lang];
    const statusColour = g.met ? COLOURS.met : g.onTrack ? COLOURS.base : COLOURS.behind;
    const target = goal ? targetText(goal, lang) : String(g.target);
    const change = g.change > 0 ? ` (+${g.change})` : g.change < 0 ? ` (−${-g.change})` : '';
    out.push(
      `<text x="${MARGIN}" y="${y + 16}" font-size="15" font-weight="700" fill="${COLOURS.text}">${escapeXml(capitalise(goalLabel(kb, g.goalId, lang)))}</text>`,
      `<rect x="${MARGIN}" y="${y + 26}" width="${barW}" height="${BAR_H}" rx="4" fill="${COLOURS.track}"/>`,
    );
    if (scale(g.count) > 0) {
      out.push(`<rect x="${MARGIN}" y="${y + 26}" width="${scale(g.count)}" height="${BAR_H}" rx="4" fill="${g.met ? COLOURS.met : COLOURS.added}"/>`);
      if (!g.met && scale(before) > 0) out.push(`<rect x="${MARGIN}" y="${y + 26}" width="${scale(before)}" height="${BAR_H}" rx="4" fill="${COLOURS.base}"/>`);
    }
    out.push(
      `<text x="${MARGIN + barW + 12}" y="${y + 36}" font-size="15" font-weight="700" fill="${COLOURS.title}">${escapeXml(`${g.count} / ${target}${change}`)}</text>`,
      `<text x="${MARGIN + barW + 12}" y="${y + 54}" font-size="12" fill="${statusColour}">${escapeXml(status)}</text>`,
    );
  });
  out.push(`<text x="${MARGIN}" y="${height - 16}" font-size="12" fill="${COLOURS.muted}">${escapeXml(TEXT.legend[lang])}</text>`, '</svg>');
  return { svg: out.join('\n'), width: WIDTH, height };
}

/** Alt text: the same figures in words. */
export function chartAlt(kb: KnowledgeBase, d: Digest, lang: Lang): string {
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

/** Renders the chart to PNG with the bundled Inter fonts only (each caller gets its own Buffer). */
export function renderChart(kb: KnowledgeBase, d: Digest, lang: Lang): DigestChart {
  const { svg, width, height } = chartSvg(kb, d, lang);
  return { png: Buffer.from(pngOf(svg)), svg, alt: chartAlt(kb, d, lang), width, height, filename: `digest-${d.period.label}.png` };
}

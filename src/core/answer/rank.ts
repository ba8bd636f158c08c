/**
 * BM25 over feature bags. Entity and concept features come from the lexicon, so "yritysten",
 * "firms" and "startups" all reach `goal:companies`; BM25 weighs rare features (a party's
 * name) above common ones (`c:agreement`).
 */
import type { Candidate, Scored } from './types.js';

const K1 = 1.2;
const B = 0.5;

/** A BM25 index over candidates. */
export class Ranker {
  private readonly idf = new Map<string, number>();
  private readonly avgLength: number;

  constructor(private readonly candidates: Candidate[]) {
    const df = new Map<string, number>();
    let total = 0;
    for (const c of candidates) {
      total += c.length;
      for (const f of c.bag.keys()) df.set(f, (df.get(f) ?? 0) + 1);
    }
    const n = candidates.length;
    for (const [f, d] of df) this.idf.set(f, Math.log(1 + (n - d + 0.5) / (d + 0.5)));
    this.avgLength = total / Math.max(1, n);
  }

  /** Weight of a feature kind in a query: names of things say more than generic words. */
  private static queryWeight(f: string): number {
    if (f.startsWith('party:') || f.startsWith('goal:') || f.startsWith('focus:') || f.startsWith('place:') || f.startsWith('fact:')) return 1.6;
    if (f.startsWith('w:') || f.startsWith('n:')) return 0.6;
    return 1;
  }

  /** A candidate by its id (`party:KAMK`, `list:goals`), whatever a question says. */
  candidateById(id: string): Candidate | undefined {
    return this.candidates.find((c) => c.id === id);
  }

  /** Scores every candidate whose gate the query passes, best first. */
  rank(query: Set<string>): Scored[] {
    const out: Scored[] = [];
    for (const c of this.candidates) {
      if (c.gate.length > 0 && !c.gate.some((g) => query.has(g))) continue;
      let score = 0;
      for (const f of query) {
        const tf = c.bag.get(f);
        if (!tf) continue;
        const idf = this.idf.get(f) ?? 0;
        score += Ranker.queryWeight(f) * idf * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * c.length) / this.avgLength)));
      }
      if (score > 0) out.push({ candidate: c, score });
    }
    return out.sort((a, b) => b.score - a.score);
  }
}

/** The load checks shared by load.test.ts (40 + 40, in npm test) and load.rel.ts (200 + 200). */
import { describe, expect, it } from 'vitest';
import { runDiscordLoad, runSlackLoad, WINDOW_MS } from './load-run.js';

/** The load checks for N concurrent Slack slash commands and N Discord interactions. */
export function defineLoadSuite(label: string, N: number): void {
  describe(label, () => {
    it(`acknowledges ${N} concurrent Slack slash commands within 3 s and answers each exactly once`, async () => {
      const r = await runSlackLoad(N);
      console.info(`slack load ${N}: max ack ${r.maxAckMs.toFixed(0)} ms, p50 ${r.p50AckMs.toFixed(0)} ms, answered once ${r.answeredOnce}, duplicates ${r.duplicates.length}, missing ${r.missing.length}, all answered in ${r.wallMs} ms`);
      expect(r.statuses).toEqual({ 200: N });
      expect(r.maxAckMs).toBeLessThan(WINDOW_MS);
      expect(r.duplicates).toEqual([]);
      expect(r.missing).toEqual([]);
      expect(r.strays).toBe(0);
      expect(r.answeredOnce).toBe(N);
      expect(r.apologies).toBe(0);
      expect(r.reportsStored).toBe(r.reportsSent);
    });

    it(`answers ${N} Discord interactions exactly once, none expired`, async () => {
      const r = await runDiscordLoad(N);
      console.info(`discord load ${N}: max callback ${r.maxCallbackMs} ms, p50 ${r.p50CallbackMs} ms, answered once ${r.answeredOnce} (${r.deferred} deferred), duplicates ${r.duplicates.length}, missing ${r.missing.length}, all answered in ${r.wallMs} ms`);
      expect(r.missing).toEqual([]);
      expect(r.duplicates).toEqual([]);
      expect(r.expired).toEqual([]);
      expect(r.maxCallbackMs).toBeLessThan(WINDOW_MS);
      expect(r.answeredOnce).toBe(N);
      expect(r.apologies).toBe(0);
      expect(r.reportsStored).toBe(r.reportsSent);
    });
  });
}

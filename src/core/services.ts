/**
 * What commands can reach: configuration, the (reloadable) knowledge base with its search
 * index, the outcome store, the clock and the logger. Built once by the composition root.
 */
import { performance } from 'node:perf_hooks';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { KnowledgeBase } from './knowledge/schema.js';
import { loadKnowledge } from './knowledge/load.js';
import { buildAnswerer, type Answerer } from './answer/answerer.js';
import type { Store } from '../store/store.js';
import type { ShownAnswers } from './feedback/shown-answers.js';
import type { FormPrefills } from './reporting-intent/prefills.js';

/** Holds the current knowledge base and its index; `reload()` swaps both atomically. */
export class KnowledgeHolder {
  private kb: KnowledgeBase;
  private index: Answerer;

  constructor(private readonly dir: string) {
    this.kb = loadKnowledge(dir);
    performance.mark('kajaani:knowledge');
    this.index = buildAnswerer(this.kb);
    performance.mark('kajaani:index');
  }

  get current(): KnowledgeBase {
    return this.kb;
  }

  get answerer(): Answerer {
    return this.index;
  }

  /** Reloads from disk. On a broken file it throws and keeps serving the previous version. */
  reload(): KnowledgeBase {
    const kb = loadKnowledge(this.dir);
    const index = buildAnswerer(kb);
    this.kb = kb;
    this.index = index;
    return kb;
  }
}

export interface Services {
  config: Config;
  knowledge: KnowledgeHolder;
  store: Store;
  /** The clock; tests replace it. */
  now: () => Date;
  log: Logger;
  /** Answers recently shown, for the 👍/👎 votes on them. */
  shown: ShownAnswers;
  /** Form pre-fills behind the buttons of reporting suggestions (see `reporting-intent/`). */
  prefills: FormPrefills;
}

import type { Lang } from '../reply.js';
export function detectLanguage(text: string, fallback: Lang): Lang { return /[äö]/i.test(text) ? 'fi' : fallback; }

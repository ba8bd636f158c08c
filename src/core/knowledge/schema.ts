/**
 * The knowledge base's shape. Files under `knowledge/` are YAML, validated with these zod
 * schemas when loaded; a broken file stops start-up naming the file and the path inside it.
 */
import * as z from 'zod';

const nonEmpty = z.string().trim().min(1);

/**
 * Ids become Slack option values (≤ 75 characters: the Block Kit docs say 150, @slack/types
 * says 75) and Discord choice values (≤ 100); 64 stays under both with room for a prefix.
 */
export const MAX_ID_LENGTH = 64;
const TOO_LONG_ID = `at most ${MAX_ID_LENGTH} characters: ids become Slack and Discord option values`;

/** An entry id: a pattern, and the platforms' length limit. */
const idOf = (pattern: RegExp, message?: string) => z.string().max(MAX_ID_LENGTH, TOO_LONG_ID).regex(pattern, message);

/** A text in English and Finnish. */
export const localizedSchema = z.strictObject({ en: nonEmpty, fi: nonEmpty });

/** Words and phrases people use for an entry, per language (lower case not required). */
export const aliasesSchema = z.strictObject({
  en: z.array(nonEmpty).default([]),
  fi: z.array(nonEmpty).default([]),
});

/** Source ids, each defined in `sources.yaml`. */
const sourceRefs = z.array(nonEmpty).min(1, 'every entry needs at least one source');

export const sourceSchema = z.strictObject({
  id: nonEmpty.max(MAX_ID_LENGTH, TOO_LONG_ID),
  title: nonEmpty,
  url: z.url({ protocol: /^https?$/ }),
});

/** An agreement fact or an FAQ entry: questions people ask and the short answer. */
export const factSchema = z.strictObject({
  id: idOf(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes'),
  /** What the fact is about, e.g. "Programme". */
  label: localizedSchema,
  /** Example questions / key phrases in each language; used for matching, never shown. */
  questions: aliasesSchema,
  answer: localizedSchema,
  /** Answer with the structured list built from the entries (always up to date) instead of `answer`. */
  use: z.enum(['parties', 'goals', 'focus-areas']).optional(),
  sources: sourceRefs,
});

export const agreementSchema = z.strictObject({
  title: localizedSchema,
  shortTitle: localizedSchema,
  theme: localizedSchema,
  programme: localizedSchema,
  funding: localizedSchema,
  /** Period the goals cover. */
  period: z.strictObject({ from: z.number().int(), to: z.number().int() }),
  /** Last day the agreement is in force (ISO date). */
  inForceUntil: z.iso.date(),
  signedOn: z.iso.date(),
  sources: sourceRefs,
  facts: z.array(factSchema).min(1),
});

export const partySchema = z.strictObject({
  /** Short name used as the id, e.g. `KAMK`. */
  id: idOf(/^[A-Za-z][A-Za-z0-9-]*$/),
  name: localizedSchema,
  shortName: nonEmpty,
  aliases: aliasesSchema,
  kind: z.enum(['contracting', 'cooperation', 'regional-authority']),
  role: localizedSchema,
  cemis: z.boolean(),
  description: localizedSchema,
  sources: sourceRefs,
});

export const focusAreaSchema = z.strictObject({
  id: idOf(/^[a-z0-9-]+$/),
  number: z.number().int().positive(),
  name: localizedSchema,
  aliases: aliasesSchema,
  why: localizedSchema,
  sources: sourceRefs,
});

export const goalSchema = z
  .strictObject({
    id: idOf(/^[a-z0-9-]+$/),
    name: localizedSchema,
    aliases: aliasesSchema,
    kind: z.enum(['quantitative', 'qualitative']),
    target: z.number().int().positive().nullable(),
    comparator: z.enum(['exactly', 'at-least', 'more-than']).nullable(),
    period: z.strictObject({ from: z.number().int(), to: z.number().int() }),
    description: localizedSchema,
    sources: sourceRefs,
  })
  .refine((g) => (g.kind === 'quantitative') === (g.target !== null && g.comparator !== null), {
    message: 'a quantitative goal needs target and comparator; a qualitative goal has both null',
    path: ['target'],
  });

export const placeSchema = z.strictObject({
  id: idOf(/^[a-z0-9-]+$/),
  name: localizedSchema,
  aliases: aliasesSchema,
  description: localizedSchema,
  sources: sourceRefs,
});

/** A concept: a group of words (both languages) that mean the same thing for matching. */
export const conceptSchema = z.strictObject({
  id: idOf(/^[a-z0-9-]+$/),
  en: z.array(nonEmpty).min(1),
  fi: z.array(nonEmpty).min(1),
  /** Swedish words: Swedish questions are understood and answered in English. */
  sv: z.array(nonEmpty).default([]),
  /**
   * An attribute the knowledge base holds for no entity (a street address, a budget): what an
   * honest-gap answer says the sources don't do (en, with `{name}` for the entity: "give a
   * street address for {name}") or don't tell (fi, partitive: "katuosoitetta").
   */
  gap: localizedSchema.optional(),
});

export const sourcesFileSchema = z.strictObject({ sources: z.array(sourceSchema).min(1) });
export const partiesFileSchema = z.strictObject({ parties: z.array(partySchema).min(1) });
export const focusAreasFileSchema = z.strictObject({ focusAreas: z.array(focusAreaSchema).min(1) });
export const goalsFileSchema = z.strictObject({ goals: z.array(goalSchema).min(1) });
export const placesFileSchema = z.strictObject({ places: z.array(placeSchema).min(1) });
export const faqFileSchema = z.strictObject({ faq: z.array(factSchema).min(1) });
export const conceptsFileSchema = z.strictObject({ concepts: z.array(conceptSchema).min(1) });

export type SourceDef = z.infer<typeof sourceSchema>;
export type Fact = z.infer<typeof factSchema>;
export type Agreement = z.infer<typeof agreementSchema>;
export type Party = z.infer<typeof partySchema>;
export type FocusArea = z.infer<typeof focusAreaSchema>;
export type Goal = z.infer<typeof goalSchema>;
export type Place = z.infer<typeof placeSchema>;
export type Concept = z.infer<typeof conceptSchema>;

/** The whole validated knowledge base. */
export interface KnowledgeBase {
  agreement: Agreement;
  sources: Map<string, SourceDef>;
  parties: Party[];
  focusAreas: FocusArea[];
  goals: Goal[];
  places: Place[];
  faq: Fact[];
  concepts: Concept[];
}

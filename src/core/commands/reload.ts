/** `/reload`: an admin reloads the knowledge base from disk without restarting the bot. */
import type { Command } from './types.js';
import { errorReply, reply } from '../reply.js';
import { L } from '../i18n.js';
import { KnowledgeError } from '../knowledge/load.js';

export const reloadCommand: Command = {
  name: 'reload',
  aliases: ['lataa', 'lataa-uudelleen'],
  summary: L('Reload the knowledge base from its files (admins)', 'Lataa tietopohja uudelleen tiedostoista (ylläpitäjät)'),
  args: [],
  role: 'admin',
  roleAction: L('reload the knowledge base', 'tietopohjan uudelleenlataus'),
  writes: false,
  private: true,
  examples: { en: ['/reload', '/lataa'], fi: ['/lataa', '/reload'] },
  run(ctx) {
    const fi = ctx.lang === 'fi';
    try {
      const kb = ctx.services.knowledge.reload();
      ctx.services.log.info({ requestId: ctx.requestId, user: ctx.user }, 'knowledge reloaded');
      const counts = `${kb.parties.length} ${fi ? 'osapuolta' : 'parties'}, ${kb.goals.length} ${fi ? 'tavoitetta' : 'goals'}, ${kb.agreement.facts.length + kb.faq.length} ${fi ? 'kysymystä ja vastausta' : 'facts and FAQ entries'}`;
      return reply(ctx.lang, fi ? `Tietopohja ladattu uudelleen: ${counts}.` : `Knowledge base reloaded: ${counts}.`, { visibility: 'ephemeral' });
    } catch (err) {
      if (!(err instanceof KnowledgeError)) throw err;
      const lead = fi ? 'Tietopohjaa ei ladattu: tiedostossa on virhe. Vanha versio on yhä käytössä.' : 'The knowledge base was not reloaded: a file has an error. The previous version stays in use.';
      return errorReply(ctx.lang, `${lead}\n${err.message}`, { data: { error: 'knowledge' } });
    }
  },
};

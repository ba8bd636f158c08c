/** `/reload`: an admin reloads the knowledge base from disk without restarting the bot. */
import type { Command } from './types.js';
import { errorReply, reply } from '../reply.js';
import { isAdmin, notAllowed } from '../outcomes/authorize.js';
import { KnowledgeError } from '../knowledge/load.js';

export const reloadCommand: Command = {
  name: 'reload',
  aliases: ['lataa'],
  summary: { en: 'Reload the knowledge base from its files (admins)', fi: 'Lataa tietopohja uudelleen tiedostoista (ylläpitäjät)' },
  usage: '/reload',
  run(ctx) {
    if (!isAdmin(ctx)) return notAllowed(ctx, 'admin', { en: 'reload the knowledge base', fi: 'tietopohjan uudelleenlataus' });
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

/**
 * `/lang [fi|en|auto]`: the language the bot uses with you, stored per user. It answers your
 * commands, and questions whose words do not show their language; a question clearly in the
 * other language is still answered in that language. `auto` clears it (back to the platform's
 * locale); `/lang` alone shows the setting.
 */
import type { CheckedArgs, Command, CommandContext } from './types.js';
import { reply, type Lang, type Reply } from '../reply.js';
import { L } from '../i18n.js';
import { nowIso } from '../outcomes/guard.js';
import { setUserLanguage, userLanguage } from '../../store/user-settings.js';

const NAMES: Record<Lang, Record<Lang, string>> = { en: { en: 'English', fi: 'englanti' }, fi: { en: 'Finnish', fi: 'suomi' } };

function show(ctx: CommandContext): Reply {
  const set = userLanguage(ctx.services.store, ctx.user);
  const fi = ctx.lang === 'fi';
  const text = set
    ? fi
      ? `Kielesi on ${NAMES[set].fi} (asetettu komennolla /lang). Vaihda: /lang en tai /lang auto.`
      : `Your language is ${NAMES[set].en} (set with /lang). Change it with /lang fi, or /lang auto.`
    : fi
      ? `Et ole valinnut kieltä: käytän alustasi kieltä tai viestisi kieltä (nyt ${NAMES[ctx.lang].fi}). Valitse: /lang fi tai /lang en.`
      : `You have not chosen a language: I follow your platform's language or the language of your message (now ${NAMES[ctx.lang].en}). Choose one with /lang en or /lang fi.`;
  return reply(ctx.lang, text, { visibility: 'ephemeral', data: { language: set } });
}

function run(ctx: CommandContext, { values }: CheckedArgs): Reply {
  if (values.lang === undefined) return show(ctx);
  if (values.lang === 'auto') {
    setUserLanguage(ctx.services.store, ctx.user, null, nowIso(ctx));
    const text =
      ctx.lang === 'fi'
        ? 'Kielivalinta poistettu: käytän taas alustasi kieltä tai viestisi kieltä.'
        : "Language setting cleared: I follow your platform's language or the language of your message again.";
    return reply(ctx.lang, text, { visibility: 'ephemeral', data: { language: null } });
  }
  const chosen = values.lang as Lang;
  setUserLanguage(ctx.services.store, ctx.user, chosen, nowIso(ctx));
  // Confirmed in the language just chosen: it is what the user will get from now on.
  const text =
    chosen === 'fi'
      ? 'Kieleksi on asetettu suomi. Vastaan komentoihisi suomeksi, ja kysymyksiin suomeksi, ellei kysymys ole selvästi englantia.'
      : 'Your language is now English. I answer your commands in English, and questions too unless one is clearly in Finnish.';
  return reply(chosen, text, { visibility: 'ephemeral', data: { language: chosen } });
}

export const langCommand: Command = {
  name: 'lang',
  aliases: ['kieli'],
  summary: L('Choose the language I use with you (fi, en, or auto)', 'Valitse kieli, jota käytän kanssasi (fi, en tai auto)'),
  args: [
    {
      name: 'lang',
      nameFi: 'kieli',
      keyAliases: ['kieli', 'language'],
      kind: 'choice',
      choices: [
        { value: 'fi', label: L('Finnish', 'suomi'), aliases: ['suomi', 'finnish', 'suomeksi'] },
        { value: 'en', label: L('English', 'englanti'), aliases: ['englanti', 'english', 'englanniksi'] },
        { value: 'auto', label: L("Automatic (my platform's language)", 'Automaattinen (alustan kieli)'), aliases: ['automaattinen', 'oletus', 'default'] },
      ],
      position: 'positional',
      label: L('Language', 'Kieli'),
      description: L('fi, en, or auto to follow your platform language', 'fi, en tai auto (alustan kieli)'),
    },
  ],
  role: 'anyone',
  writes: true,
  private: true,
  examples: { en: ['/lang en', '/lang fi'], fi: ['/kieli fi', '/kieli en'] },
  run,
};

import { TIP_CATALOGUE, Tip } from '../../emails/tips/catalogue';
import { LETTER_LANGUAGES, LetterLanguage, WORDING } from '../../emails/letters/wording';
import { CATEGORIES, categoriesToMask, Category, Tier, TIER_SEVERITY, TIERS } from '../customers/tiers';
import { buildLetterView, formatLetterDate, LetterView } from '../letters/letter-view';
import { selectTips } from '../letters/select-tips';
import type { LetterWave } from '../letters/wave-view';
import { groupedToken, postalAddressLines } from './print-address';
import type { PrintLetterInput } from './print-letter';

/**
 * The longest letters the product can realistically print, one per variant (tier × language ×
 * wave × type size), for the two-page budget and its test: every category exposed, the tip set
 * with the most words that the selection rules can give at that age, a former customer, a long
 * company name ending in "B.V.", long names and addresses, and incident texts as long as a
 * communications team writes them (the CLI asks for one or two sentences; these are longer).
 * The texts are fictional.
 */
export type WaveKind = 'first' | 'follow-up' | 'update' | 'reminder';
export const WAVE_KINDS: readonly WaveKind[] = ['first', 'follow-up', 'update', 'reminder'];

export interface WorstCase {
  label: string;
  tier: Tier;
  language: LetterLanguage;
  wave: WaveKind;
  largePrint: boolean;
  view: LetterView;
  input: PrintLetterInput;
}

const SEND_DATE = new Date('2026-12-01T09:00:00Z');
const TOKEN = 'Wm8kQ2xZr7PbN4tVh9LcJd';

export const WORST_INCIDENT = {
  company: 'Polderstroom Energie en Warmte Nederland B.V.',
  hotlinePhone: '0800 765 4321',
  hotlineEmail: 'datalek-vragen@polderstroom-energie.example',
  discoveredAt: new Date('2026-11-20T09:00:00Z'),
  description:
    'Een medewerker van een bedrijf dat onze klantenservice deed, zocht klanten op zonder dat het voor zijn werk nodig was. Hij maakte foto’s van het scherm.\nDe politie onderzoekt de zaak. Twee mensen zijn opgepakt.',
  measuresTaken:
    'Wij hebben de toegang van dat bedrijf direct stopgezet.\nWij hebben het datalek gemeld bij de Autoriteit Persoonsgegevens en aangifte gedaan bij de politie.\nMedewerkers kunnen nu niet meer op leeftijd zoeken.',
  descriptionEn:
    'An employee of a company that ran our customer service looked up customers although his work did not need it. He took photos of the screen.\nThe police are investigating. Two people have been arrested.',
  measuresTakenEn:
    'We stopped that company’s access at once.\nWe reported the data breach to the Dutch Data Protection Authority and to the police.\nStaff can no longer search customers by age.',
};

const UPDATE = {
  nl: {
    subject: 'Nieuws over het onderzoek naar het datalek',
    body: 'De politie heeft het onderzoek afgerond. De twee verdachten moeten voor de rechter komen.\n\nUit het onderzoek blijkt dat de criminelen vooral mensen van boven de 80 belden. Zij deden zich voor als medewerker van de bank of als agent.\n\nWij hebben geen nieuwe gegevens gevonden die zijn doorgegeven. Wij blijven extra opletten.',
  },
  en: {
    subject: 'News about the investigation into the data breach',
    body: 'The police have finished their investigation. The two suspects will go to court.\n\nThe investigation shows that the criminals mostly called people over 80. They pretended to work for the bank or to be police officers.\n\nWe found no new details that were passed on. We keep a close watch.',
  },
};

const wordsIn = (s: string) => s.split(/\s+/).filter(Boolean).length;
const tipWords = (tips: readonly Tip[], language: LetterLanguage) => tips.reduce((n, t) => n + wordsIn(t.title[language]) + wordsIn(t.text[language]), 0);

/** Every subset of the categories, at the given ages: the selection with the most words. */
export function longestTips(tier: Tier, language: LetterLanguage, ages: readonly (number | null)[]): Tip[] {
  let best: Tip[] = [];
  for (const age of ages) {
    const birthDate = age === null ? null : `${SEND_DATE.getUTCFullYear() - age - 1}-06-15`;
    for (let mask = 1; mask < 1 << CATEGORIES.length; mask++) {
      const categories = CATEGORIES.filter((_, i) => mask & (1 << i));
      const tips = selectTips({ categories, tier, birthDate, sendDate: SEND_DATE }, TIP_CATALOGUE);
      if (tipWords(tips, language) > tipWords(best, language)) best = tips;
    }
  }
  return best;
}

function waveOf(kind: WaveKind): LetterWave | undefined {
  if (kind === 'first') return undefined;
  if (kind === 'update') return { kind: 'update', update: UPDATE };
  if (kind === 'reminder') return { kind: 'reminder', firstSentAt: new Date('2026-11-24T09:00:00Z') };
  // The longest opening: from the mildest tier, with only the name known then (every other category is new).
  return { kind: 'warning', follows: { severity: TIER_SEVERITY.searched, exposedMask: categoriesToMask(['name']) } };
}

/** Tiers only become more severe, so a follow-up of the mildest tier does not exist. */
export function waveExists(kind: WaveKind, tier: Tier): boolean {
  return !(kind === 'follow-up' && tier === 'searched');
}

export function worstCases(): WorstCase[] {
  const exposed: Category[] = [...CATEGORIES];
  const name = 'Mevrouw W.J.M. van den Berg-Hoekstra';
  const address = postalAddressLines({ name, street: 'Burgemeester van Roijensingel', houseNumber: '1234', houseNumberSuffix: 'bis', postcode: '3581 AB', city: "'s-Hertogenbosch" });
  const out: WorstCase[] = [];
  for (const largePrint of [false, true])
    for (const language of LETTER_LANGUAGES)
      for (const tier of TIERS)
        for (const wave of WAVE_KINDS) {
          if (!waveExists(wave, tier)) continue;
          // 16 pt is for 75 and older; the 80+ tips come with it. 14 pt: younger, or no birth date.
          const tips = longestTips(tier, language, largePrint ? [76, 85] : [null, 40]);
          const view = buildLetterView({
            incident: WORST_INCIDENT,
            customer: { name, language, formerCustomer: true, tier, exposed },
            tips,
            token: TOKEN,
            publicBaseUrl: 'https://datalek.polderstroom-energie.example',
            wave: waveOf(wave),
          });
          const words = WORDING[language];
          out.push({
            label: `${tier} ${language} ${wave} ${largePrint ? 16 : 14} pt`,
            tier,
            language,
            wave,
            largePrint,
            view,
            input: {
              view,
              address,
              returnLine: `${WORST_INCIDENT.company} · Postbus 12345 · 3500 AA  UTRECHT`,
              reference: '12345-004999',
              date: formatLetterDate(SEND_DATE, language),
              dateLabel: words.print.date,
              referenceLabel: words.print.reference,
              groupedCode: groupedToken(TOKEN),
              largePrint,
            },
          });
        }
  return out;
}

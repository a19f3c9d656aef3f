import type { Tier } from '../../src/customers/tiers';
import type { LetterLanguage } from './wording';

/**
 * The words of the later waves, kept apart from the first letter's wording: the opening of a
 * follow-up warning (the customer's tier became more severe), the frame around an update
 * campaign's own text, and the opening of a reminder. `{company}`, `{date}` and `{categories}` are
 * filled in by the view model.
 */
type Upgrade = 'searched>viewed' | 'searched>photographed' | 'viewed>photographed';

export interface WaveWording {
  followUpHeading: string;
  /** What the earlier letter said and what is known now, per tier pair that can happen (tiers only become more severe). */
  followUpChange: Record<Upgrade, string>;
  followUpNewData: string;
  followUpSameData: string;
  followUpSubjectPrefix: string;
  updateIntro: string;
  /** Put before the team's own subject when it does not say itself that it is about the data breach. */
  updateSubjectPrefix: string;
  reminderHeading: string;
  reminderText: string;
  reminderSubjectPrefix: string;
  /** Joins a list: "a, b en c". */
  and: string;
}

export const WAVE_WORDING: Record<LetterLanguage, WaveWording> = {
  nl: {
    followUpHeading: 'Een nieuwe brief: er is iets veranderd',
    followUpChange: {
      'searched>viewed': 'Eerder schreven wij dat uw gegevens misschien zichtbaar waren. Nu weten wij dat iemand ze echt heeft geopend, zonder reden.',
      'searched>photographed': 'Eerder schreven wij dat uw gegevens misschien zichtbaar waren. Nu weten wij dat ze zijn gefotografeerd en doorgegeven. Dat is ernstiger.',
      'viewed>photographed': 'Eerder schreven wij dat iemand uw gegevens zonder reden had geopend. Nu weten wij dat ze ook zijn gefotografeerd en doorgegeven.',
    },
    followUpNewData: 'Het gaat nu ook om {categories}.',
    followUpSameData: 'Het gaat om dezelfde gegevens als in onze eerste brief.',
    followUpSubjectPrefix: 'Nieuwe informatie. ',
    updateIntro: 'Dit is een vervolg op onze eerdere brief over het datalek bij {company}.',
    updateSubjectPrefix: 'Datalek bij {company}: ',
    reminderHeading: 'Herinnering: hebt u onze brief gelezen?',
    reminderText: 'Op {date} stuurden wij u een brief over het datalek bij {company}. Wij weten niet of u die hebt gelezen. Het is belangrijk, dus wij sturen hem nog een keer.',
    reminderSubjectPrefix: 'Herinnering. ',
    and: 'en',
  },
  en: {
    followUpHeading: 'A new letter: something has changed',
    followUpChange: {
      'searched>viewed': 'We wrote earlier that your details may have been visible. Now we know someone did open your details, without a reason.',
      'searched>photographed': 'We wrote earlier that your details may have been visible. Now we know that they were photographed and passed on. That is more serious.',
      'viewed>photographed': 'We wrote earlier that someone opened your details without a reason. Now we know that they were also photographed and passed on.',
    },
    followUpNewData: 'It is now also about {categories}.',
    followUpSameData: 'It is about the same details as in our first letter.',
    followUpSubjectPrefix: 'New information. ',
    updateIntro: 'This letter follows on from our earlier letter about the data breach at {company}.',
    updateSubjectPrefix: 'Data breach at {company}: ',
    reminderHeading: 'Reminder: have you read our letter?',
    reminderText: 'On {date} we sent you a letter about the data breach at {company}. We do not know whether you have read it. It matters, so we are sending it again.',
    reminderSubjectPrefix: 'Reminder. ',
    and: 'and',
  },
};

export function upgradeKey(from: Tier, to: Tier): Upgrade | undefined {
  const key = `${from}>${to}`;
  return key === 'searched>viewed' || key === 'searched>photographed' || key === 'viewed>photographed' ? key : undefined;
}

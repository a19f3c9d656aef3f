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
  followUpReadOn: string;
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
    followUpHeading: 'Dit is een nieuwe brief. Er is iets veranderd.',
    followUpChange: {
      'searched>viewed':
        'Eerder schreven wij u dat uw gegevens misschien zichtbaar waren voor iemand die dat niet mocht. Uit nieuw onderzoek blijkt nu dat iemand uw gegevens echt heeft geopend, zonder reden.',
      'searched>photographed':
        'Eerder schreven wij u dat uw gegevens misschien zichtbaar waren voor iemand die dat niet mocht. Uit nieuw onderzoek blijkt nu dat uw gegevens zijn gefotografeerd en doorgegeven. Dat is ernstiger dan wij eerst dachten.',
      'viewed>photographed':
        'Eerder schreven wij u dat iemand uw gegevens zonder reden had geopend. Uit nieuw onderzoek blijkt nu dat uw gegevens ook zijn gefotografeerd en doorgegeven. Dat is ernstiger dan wij eerst dachten.',
    },
    followUpNewData: 'Er zijn ook gegevens bij gekomen die wij in onze eerste brief nog niet noemden: {categories}.',
    followUpSameData: 'Het gaat om dezelfde gegevens als in onze eerste brief.',
    followUpReadOn: 'Hieronder leest u opnieuw wat er is gebeurd en wat u nu kunt doen.',
    followUpSubjectPrefix: 'Nieuwe informatie. ',
    updateIntro: 'Eerder stuurden wij u een brief over het datalek bij {company}. Dit is een vervolg daarop.',
    updateSubjectPrefix: 'Datalek bij {company}: ',
    reminderHeading: 'Herinnering: hebt u onze brief gelezen?',
    reminderText:
      'Op {date} stuurden wij u een brief over het datalek bij {company}. Wij weten niet of u die hebt gelezen. Omdat het belangrijk is, sturen wij de brief nog een keer.',
    reminderSubjectPrefix: 'Herinnering. ',
    and: 'en',
  },
  en: {
    followUpHeading: 'This is a new letter. Something has changed.',
    followUpChange: {
      'searched>viewed':
        'We wrote to you earlier that your details may have been visible to someone who was not allowed to see them. New research now shows that someone really did open your details, without a reason.',
      'searched>photographed':
        'We wrote to you earlier that your details may have been visible to someone who was not allowed to see them. New research now shows that your details were photographed and passed on. That is more serious than we first thought.',
      'viewed>photographed':
        'We wrote to you earlier that someone had opened your details without a reason. New research now shows that your details were also photographed and passed on. That is more serious than we first thought.',
    },
    followUpNewData: 'We also found details that our first letter did not mention yet: {categories}.',
    followUpSameData: 'It is about the same details as in our first letter.',
    followUpReadOn: 'Below you can read again what happened and what you can do now.',
    followUpSubjectPrefix: 'New information. ',
    updateIntro: 'We wrote to you earlier about the data breach at {company}. This letter follows on from that one.',
    updateSubjectPrefix: 'Data breach at {company}: ',
    reminderHeading: 'Reminder: have you read our letter?',
    reminderText: 'On {date} we sent you a letter about the data breach at {company}. We do not know whether you have read it. Because it matters, we are sending it again.',
    reminderSubjectPrefix: 'Reminder. ',
    and: 'and',
  },
};

export function upgradeKey(from: Tier, to: Tier): Upgrade | undefined {
  const key = `${from}>${to}`;
  return key === 'searched>viewed' || key === 'searched>photographed' || key === 'viewed>photographed' ? key : undefined;
}

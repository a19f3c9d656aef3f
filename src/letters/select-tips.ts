import { TIP_CATALOGUE, Tip, TipLanguage } from '../../emails/tips/catalogue';
import { Category, Tier, TIER_SEVERITY } from '../customers/tiers';

/** No letter gets more tips than this: more advice gets read less. */
export const MAX_TIPS = 5;
/** From this age (birth date known) a printed letter is set at 16 pt instead of 14. */
export const LARGE_PRINT_AGE = 75;
/**
 * Customers of LARGE_PRINT_AGE and older get one tip fewer, in the e-mail and on paper alike:
 * readers of 80 and older read less and remember a few tips better than many, and their 16 pt
 * letter must stay on one sheet. The tip left out is the least relevant of the five.
 */
export const MAX_TIPS_LARGE_PRINT = 4;

export interface TipSelectionInput {
  categories: readonly Category[];
  tier: Tier;
  /** `YYYY-MM-DD`, as stored; null when unknown. */
  birthDate: string | null;
  /** Ages are computed on this day, so a preview and the sent letter agree. */
  sendDate: Date;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whole years of age on `date` (UTC). Birthday-exact: the age goes up on the birthday itself; a
 * 29 February birthday counts from 1 March in other years. Null for a missing, malformed or
 * impossible birth date, or one after `date`.
 */
export function ageOn(birthDate: string | null | undefined, date: Date): number | null {
  const match = ISO_DATE.exec(birthDate ?? '');
  if (!match || Number.isNaN(date.getTime())) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  if (check.getTime() > date.getTime()) return null;
  const hadBirthday = date.getUTCMonth() + 1 > month || (date.getUTCMonth() + 1 === month && date.getUTCDate() >= day);
  return date.getUTCFullYear() - year - (hadBirthday ? 0 : 1);
}

function applies(tip: Tip, categories: ReadonlySet<Category>, tier: Tier, age: number | null): boolean {
  const rule = tip.rule;
  if (rule.core === true) return true;
  if (rule.categories && !rule.categories.some((c) => categories.has(c))) return false;
  if (rule.minTier && TIER_SEVERITY[tier] < TIER_SEVERITY[rule.minTier]) return false;
  if (rule.minAge !== undefined && (age === null || age < rule.minAge)) return false;
  return true;
}

/**
 * The tips for one letter, most important first, at most MAX_TIPS (MAX_TIPS_LARGE_PRINT from
 * LARGE_PRINT_AGE on): every core tip, then the tips for the customer's age, then the tips whose
 * rule matches this customer's exposed data and tier, each group by relevance (plus the tier's
 * boost); ties by id, so the same customer always gets the same letter. Age tips come before data
 * tips because with only four tips the warning about the fraud that targets people of 80 (fake
 * police at the door) would otherwise give way to a doorstep or phone tip.
 */
export function selectTips(input: TipSelectionInput, catalogue: readonly Tip[] = TIP_CATALOGUE): Tip[] {
  const categories = new Set(input.categories);
  const age = ageOn(input.birthDate, input.sendDate);
  const max = age !== null && age >= LARGE_PRINT_AGE ? MAX_TIPS_LARGE_PRINT : MAX_TIPS;
  return catalogue
    .filter((tip) => applies(tip, categories, input.tier, age))
    .map((tip) => ({ tip, core: tip.rule.core === true, forAge: tip.rule.core !== true && tip.rule.minAge !== undefined, score: tip.relevance + (tip.tierBoost?.[input.tier] ?? 0) }))
    .sort((a, b) => Number(b.core) - Number(a.core) || Number(b.forAge) - Number(a.forAge) || b.score - a.score || (a.tip.id < b.tip.id ? -1 : a.tip.id > b.tip.id ? 1 : 0))
    .slice(0, max)
    .map(({ tip }) => tip);
}

export function tipById(id: string, catalogue: readonly Tip[] = TIP_CATALOGUE): Tip | undefined {
  return catalogue.find((tip) => tip.id === id);
}

/** "Title: text" for each id (as stored on a letter), in that order and language; unknown ids are skipped. */
export function tipTexts(ids: readonly string[], language: TipLanguage, catalogue: readonly Tip[] = TIP_CATALOGUE): string[] {
  return ids.flatMap((id) => {
    const tip = tipById(id, catalogue);
    return tip ? [`${tip.title[language]}: ${tip.text[language]}`] : [];
  });
}

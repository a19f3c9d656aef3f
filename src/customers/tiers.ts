/** Tiers from most to least severe; `severity` orders them for "the most severe tier wins". */
export const TIERS = ['photographed', 'viewed', 'searched'] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_SEVERITY: Record<Tier, number> = { photographed: 3, viewed: 2, searched: 1 };

export function tierFromSeverity(severity: number): Tier {
  const tier = TIERS.find((t) => TIER_SEVERITY[t] === severity);
  if (!tier) throw new Error(`no tier has severity ${severity}`);
  return tier;
}

export function isTier(value: unknown): value is Tier {
  return typeof value === 'string' && (TIERS as readonly string[]).includes(value);
}

/** Kinds of personal data that can have been exposed. Stored as a bit mask (bit i = CATEGORIES[i]). */
export const CATEGORIES = ['name', 'email', 'address', 'phone', 'birthDate', 'customerNumber', 'iban'] as const;
export type Category = (typeof CATEGORIES)[number];

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

export function categoriesToMask(categories: Iterable<Category>): number {
  let mask = 0;
  for (const c of categories) mask |= 1 << CATEGORIES.indexOf(c);
  return mask;
}

export function maskToCategories(mask: number): Category[] {
  return CATEGORIES.filter((_, i) => (mask & (1 << i)) !== 0);
}

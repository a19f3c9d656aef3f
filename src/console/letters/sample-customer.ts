import type { AffectedCustomer } from '../../customers/affected-customer.entity';
import { categoriesToMask, Category, Tier, TIER_SEVERITY } from '../../customers/tiers';
import type { Lang } from '../layout/i18n';

/** What a typical customer of each tier had exposed, for the sample letters. */
const SAMPLE_EXPOSED: Record<Tier, Category[]> = {
  photographed: ['name', 'email', 'address', 'phone', 'birthDate', 'customerNumber', 'iban'],
  viewed: ['name', 'email', 'address', 'customerNumber'],
  searched: ['name', 'customerNumber'],
};

/**
 * A made-up customer (no real person: no audit needed) to show one sample letter per tier and
 * language before anyone's data is looked at.
 */
export function sampleCustomer(incidentId: number, tier: Tier, language: Lang): AffectedCustomer {
  return {
    id: '0',
    incidentId,
    customerNumber: 'VOORBEELD-0001',
    name: language === 'nl' ? 'Jan Voorbeeld' : 'Sam Example',
    email: 'voorbeeld@example.invalid',
    phone: null,
    street: 'Voorbeeldstraat',
    houseNumber: '1',
    houseNumberSuffix: '',
    postcode: '1234 AB',
    city: 'VOORBEELDSTAD',
    birthDate: '1960-01-01',
    language,
    formerCustomer: false,
    tierSeverity: TIER_SEVERITY[tier],
    exposedMask: categoriesToMask(SAMPLE_EXPOSED[tier]),
    lastImportId: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
  } as AffectedCustomer;
}

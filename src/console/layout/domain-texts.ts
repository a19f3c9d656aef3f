import type { Tier } from '../../customers/tiers';
import type { Texts } from './i18n';

/** Domain words as the pages show them. */
export const TIER_TEXTS: Texts<Record<Tier, { label: string; hint: string }>> = {
  nl: {
    photographed: { label: 'Gefotografeerd', hint: 'Gegevens zijn gefotografeerd en doorgegeven (het ernstigst)' },
    viewed: { label: 'Ingezien', hint: 'Het klantrecord is geopend en bekeken' },
    searched: { label: 'Opgezocht', hint: 'De klant kwam voor in zoekresultaten (het minst ernstig)' },
  },
  en: {
    photographed: { label: 'Photographed', hint: 'Records were photographed and passed on (most severe)' },
    viewed: { label: 'Viewed', hint: 'The customer record was opened and looked at' },
    searched: { label: 'Searched', hint: 'The customer appeared in search results (least severe)' },
  },
};

export const CAMPAIGN_STATUS_TEXTS: Texts<Record<string, string>> = {
  nl: { draft: 'Concept', approved: 'Goedgekeurd', sending: 'Wordt verzonden', paused: 'Gepauzeerd', completed: 'Klaar' },
  en: { draft: 'Draft', approved: 'Approved', sending: 'Sending', paused: 'Paused', completed: 'Completed' },
};

export const STATUS_TAG: Record<string, string> = { draft: 'tag-grey', approved: 'tag', sending: 'tag-yellow', paused: 'tag-red', completed: 'tag-green', queued: 'tag-grey', processing: 'tag-yellow', failed: 'tag-red' };

import type { PostedFigures } from './authority-report';

/**
 * How the register learns how many letters were posted. The postal module provides it under this
 * token once it records posted batches (`{ provide: POSTED_LETTERS, useExisting: ... }`); until
 * then the report says posting is not recorded instead of guessing.
 */
export const POSTED_LETTERS = 'POSTED_LETTERS';

export interface PostedLetters {
  postedForIncident(incidentId: number): Promise<PostedFigures>;
}

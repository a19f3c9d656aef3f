import type { EntityManager } from 'typeorm';

/** Customer ids per UPDATE: each statement is its own short transaction when `manager` is not in one. */
const ERASE_ID_RANGE = 5000;

/**
 * The one place that erases customers' personal data (the purge of a closed incident calls it):
 * the sealed personal value, its key id and both blind indexes of every customer of the incident,
 * and the notes of their hotline contacts. What the register and the counts need stays: tier,
 * exposed categories, language, former-customer flag, hasEmail, the letters and their states.
 * NULL blind indexes leave the
 * unique index valid (NULLs never clash) and the customer unfindable: hotline lookups miss.
 *
 * Works through the customer ids in ranges, so a million customers never sit in one transaction,
 * and running it again (after a crash) erases what is left and changes nothing else. Returns the
 * number of customers it erased in this run.
 */
export async function erasePersonalData(manager: EntityManager, incidentId: number): Promise<number> {
  const [span]: { first: string | null; last: string | null }[] = await manager.query('SELECT MIN(id) first, MAX(id) last FROM affected_customers WHERE incidentId = ?', [incidentId]);
  let erased = 0;
  if (span?.first !== null && span?.first !== undefined && span.last !== null) {
    const last = BigInt(span.last);
    for (let from = BigInt(span.first); from <= last; from += BigInt(ERASE_ID_RANGE)) {
      const res: { affectedRows: number } = await manager.query(
        `UPDATE affected_customers
            SET personal = NULL, dataKeyId = NULL, numberIndex = NULL, addressIndex = NULL
          WHERE id >= ? AND id < ? AND incidentId = ? AND (personal IS NOT NULL OR numberIndex IS NOT NULL OR addressIndex IS NOT NULL)`,
        [String(from), String(from + BigInt(ERASE_ID_RANGE)), incidentId],
      );
      erased += res.affectedRows;
    }
  }
  // Contact notes are free text about the caller; outcome, time and staff member stay for the counts.
  for (;;) {
    const res: { affectedRows: number } = await manager.query('UPDATE contacts SET notes = NULL, notesKeyId = NULL WHERE incidentId = ? AND notes IS NOT NULL LIMIT 5000', [incidentId]);
    if (res.affectedRows < 5000) break;
  }
  return erased;
}

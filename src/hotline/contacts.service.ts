import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AffectedCustomer } from '../customers/affected-customer.entity';
import { Keyring, keyringFor } from '../data-keys/keyring';
import { ContactCounts, countContacts } from './contact-counts';
import { Contact, ContactOutcome } from './contact.entity';
import type { ContactLine } from './customer-view';

/** A contact as logged, with its notes in the clear (they are stored sealed). */
export interface SavedContact {
  id: string;
  incidentId: number;
  customerId: string;
  staffId: number;
  outcome: ContactOutcome;
  notes: string | null;
  at: Date;
}

/** Owner of `contacts`: the hotline's conversations with customers. */
@Injectable()
export class ContactsService {
  private readonly keyring: Keyring;

  constructor(
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.keyring = keyringFor(config.dataKeys);
  }

  /** Logs a contact; its notes are sealed before they reach the database. Returns it with the notes as given. */
  async add(input: { incidentId: number; customerId: string; staffId: number; outcome: ContactOutcome; notes: string | null }): Promise<SavedContact> {
    const sealed = input.notes === null ? null : this.keyring.seal(input.notes);
    // The insert already re-reads the generated id and time; no second query needed.
    const result = await this.contacts.insert({ ...input, notes: sealed, notesKeyId: sealed ? this.keyring.newestId : null });
    const generated = result.generatedMaps[0] as { id: string | number; at: Date };
    return { ...input, id: String(generated.id), at: generated.at };
  }

  /** Earlier contacts with this customer, newest first, with the staff member's name. */
  async listForCustomer(customerId: string): Promise<ContactLine[]> {
    // Plain SQL: this runs on every lookup, and the entity machinery costs more than the query. The
    // names come by a read-only join on staff_members, so a customer with contacts costs one round trip, not two.
    const rows = await this.contacts.query<{ at: Date; staffId: number; staffName: string | null; outcome: ContactOutcome; notes: Buffer | null }[]>(
      `SELECT c.at, c.staffId, s.name AS staffName, c.outcome, c.notes
         FROM contacts c LEFT JOIN staff_members s ON s.id = c.staffId
        WHERE c.customerId = ? ORDER BY c.at DESC, c.id DESC LIMIT 100`,
      [customerId],
    );
    return rows.map((r) => ({ at: r.at.toISOString(), staff: r.staffName ?? `staff #${r.staffId}`, outcome: r.outcome, notes: r.notes ? this.keyring.open(r.notes) : null }));
  }

  /** Contact counts for the incident report (GET /api/incidents/:id). */
  async countsForIncident(incidentId: number): Promise<ContactCounts> {
    // The tier is read with a join on affected_customers (read-only) so the report is one query
    // instead of shipping every contacted customer id through CustomersService.
    const rows = await this.contacts
      .createQueryBuilder('ct')
      .innerJoin(AffectedCustomer, 'c', 'c.id = ct.customerId')
      .select('ct.customerId', 'customerId')
      .addSelect('ct.outcome', 'outcome')
      .addSelect('c.tierSeverity', 'tierSeverity')
      .addSelect('COUNT(*)', 'count')
      .where('ct.incidentId = :incidentId', { incidentId })
      .groupBy('ct.customerId')
      .addGroupBy('ct.outcome')
      .addGroupBy('c.tierSeverity')
      .getRawMany<{ customerId: string; outcome: string; tierSeverity: number | string; count: number | string }>();
    return countContacts(rows.map((r) => ({ customerId: String(r.customerId), outcome: r.outcome, tierSeverity: Number(r.tierSeverity), count: Number(r.count) })));
  }
}

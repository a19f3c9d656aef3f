import { BadRequestException, ConflictException, ForbiddenException, HttpException, HttpStatus, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { CampaignLettersService } from '../campaigns/campaign-letters.service';
import type { AffectedCustomer } from '../customers/affected-customer.entity';
import { CustomersService } from '../customers/customers.service';
import { IncidentStateService } from '../incidents/incident-state.service';
import { LettersService } from '../letters/letters.service';
import type { StaffMember } from '../staff/staff-member.entity';
import { TrackingService } from '../tracking/tracking.service';
import type { ContactOutcome } from './contact.entity';
import { BrowsingAlertsService } from './browsing-alerts.service';
import { ContactsService } from './contacts.service';
import { HotlineCustomer, hotlineCustomerView, tipIdsToRepeat } from './customer-view';
import { LimitVerdict, LookupLimiter } from './lookup-limiter';
import { LookupKind, LookupQuery, normaliseCustomerNumber, parseLookup, REASON_MAX } from './lookup-rules';

export type LookupResult = 'hit' | 'miss' | 'ambiguous' | 'rejected' | 'rate-limited' | 'suspended';

/** One message for "no such customer", "not in this incident" and "no such incident": they must look the same. */
export const NO_MATCH = 'No affected customer of this incident matches these details. Check them with the caller, or ask for the customer number printed on the letter.';
const ASK_BIRTH_DATE = 'More than one customer matches this address. Ask the caller for their date of birth and look up again with birthDate.';
const suspendedMessage = (alertId: number) =>
  `Your lookups are paused: your recent lookups raised an alert (#${alertId}) that an admin must look at first. Tell the caller you will call back, and ask an admin to look at alert #${alertId}.`;
const ASK_NUMBER = 'More than one customer matches this address and date of birth. Ask the caller for the customer number printed on the letter.';

export interface ContactCreated {
  id: string;
  at: string;
  incidentId: number;
  outcome: ContactOutcome;
  notes: string | null;
  staff: string;
}

export interface LookupsPerStaff {
  since: string;
  staff: { actorId: number | null; actor: string; count: number }[];
}

function sameDate(stored: unknown, wanted: string): boolean {
  if (stored instanceof Date) return stored.toISOString().slice(0, 10) === wanted;
  return typeof stored === 'string' && stored.slice(0, 10) === wanted;
}

/**
 * The hotline's only way into customer records: one exact lookup at a time, each audited and
 * counted against a per-staff-member limit shared by all API processes.
 */
@Injectable()
export class HotlineService {
  constructor(
    private readonly customers: CustomersService,
    private readonly campaignLetters: CampaignLettersService,
    private readonly tracking: TrackingService,
    private readonly letters: LettersService,
    private readonly contacts: ContactsService,
    private readonly limiter: LookupLimiter,
    private readonly audit: AuditService,
    private readonly alerts: BrowsingAlertsService,
    private readonly incidentState: IncidentStateService,
  ) {}

  async lookup(staff: StaffMember, body: unknown): Promise<{ customer: HotlineCustomer }> {
    const parsed = parseLookup(body);
    const reason = parsed.ok ? parsed.query.reason : typeof (body as { reason?: unknown } | null)?.reason === 'string' ? (body as { reason: string }).reason.slice(0, REASON_MAX) : null;
    await this.refuseIfSuspended(staff, parsed.ok ? parsed.query.kind : parsed.kind, reason, parsed.ok ? parsed.query.incidentId : null);
    if (!parsed.ok) {
      await this.recordLookup(staff, parsed.kind, 'rejected', reason, null, null);
      throw new BadRequestException(parsed.message);
    }
    const q = parsed.query;
    await this.takeOrRefuse(staff, q.kind, q.reason, q.incidentId);

    const found = await this.find(q);
    const observed = this.alerts.observe(staff, { result: found.result, kind: q.kind, ...(q.kind === 'customerNumber' ? {} : { postcode: q.postcode, houseNumber: q.houseNumber }) });
    if (found.result !== 'hit') {
      await Promise.all([this.recordLookup(staff, q.kind, found.result, q.reason, q.incidentId, null), observed]);
      if (found.result === 'ambiguous') throw new ConflictException(q.kind === 'address' ? ASK_BIRTH_DATE : ASK_NUMBER);
      throw new NotFoundException(NO_MATCH);
    }
    // Audited before anything is answered: if the audit cannot be written, nothing is shown.
    const [, customer] = await Promise.all([this.recordLookup(staff, q.kind, 'hit', q.reason, q.incidentId, found.customer), this.view(found.customer), observed]);
    return { customer };
  }

  async logContact(staff: StaffMember, input: { incidentId: number; customerNumber: string; outcome: ContactOutcome; notes?: string }): Promise<ContactCreated> {
    const customerNumber = normaliseCustomerNumber(input.customerNumber);
    if (customerNumber === null) throw new BadRequestException('customerNumber must be the complete customer number (no wildcards or partial values).');
    await this.refuseIfSuspended(staff, 'customerNumber', null, input.incidentId);
    const customer = (await this.incidentState.personalDataGone(input.incidentId)) ? null : await this.customers.findByNumber(input.incidentId, customerNumber);
    if (!customer) {
      // A miss here answers the same question as a lookup miss, so it is audited and counted the same way.
      await this.audit.record(staff, 'hotline.contact', null, { incidentId: input.incidentId, outcome: input.outcome, result: 'miss' });
      await this.takeOrRefuse(staff, 'customerNumber', null, input.incidentId);
      await this.alerts.observe(staff, { result: 'miss', kind: 'customerNumber' });
      throw new NotFoundException(NO_MATCH);
    }
    const notes = input.notes?.trim() || null;
    const saved = await this.contacts.add({ incidentId: input.incidentId, customerId: customer.id, staffId: staff.id, outcome: input.outcome, notes });
    await this.audit.record(staff, 'hotline.contact', `customer:${customer.id}`, { incidentId: input.incidentId, outcome: input.outcome });
    return { id: saved.id, at: saved.at.toISOString(), incidentId: saved.incidentId, outcome: saved.outcome, notes: saved.notes, staff: staff.name };
  }

  async lookupsPerStaff(since: Date): Promise<LookupsPerStaff> {
    return { since: since.toISOString(), staff: await this.audit.countByActor('hotline.lookup', since) };
  }

  /** While an alert about this member is open (and suspends), no lookup is answered; the attempt is audited. */
  private async refuseIfSuspended(staff: StaffMember, kind: LookupKind | null, reason: string | null, incidentId: number | null): Promise<void> {
    // A member authenticated by token arrives with this already read (see StaffService.authenticate).
    const alertId = staff.lookupsHeldBy !== undefined ? staff.lookupsHeldBy : await this.alerts.suspendingAlert(staff.id);
    if (alertId === null) return;
    await this.recordLookup(staff, kind, 'suspended', reason, incidentId, null);
    throw new ForbiddenException(suspendedMessage(alertId));
  }

  private async takeOrRefuse(staff: StaffMember, kind: LookupKind, reason: string | null, incidentId: number): Promise<void> {
    let verdict: LimitVerdict;
    try {
      verdict = await this.limiter.take(staff.id);
    } catch {
      // Without the shared counter the limit cannot be enforced, so no lookups rather than unlimited ones.
      throw new ServiceUnavailableException('Lookups are paused: the lookup counter (Redis) does not answer. Try again in a minute or tell the administrator.');
    }
    if (verdict.allowed) return;
    await this.recordLookup(staff, kind, 'rate-limited', reason, incidentId, null);
    const minutes = Math.max(1, Math.round(verdict.windowSeconds / 60));
    throw new HttpException(
      `You reached the limit of ${verdict.limit} lookups per ${minutes} minute${minutes === 1 ? '' : 's'}. Try again in ${verdict.retryAfterSeconds} seconds; if you need more, ask an admin.`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  private async find(q: LookupQuery): Promise<{ result: 'hit'; customer: AffectedCustomer } | { result: 'miss' | 'ambiguous' }> {
    // Side by side, so the lookup waits for one round trip as before.
    const [gone, found] = await Promise.all([this.incidentState.personalDataGoneForLookup(q.incidentId), this.match(q)]);
    // Purged (or its purge under way): nobody of this incident is on file any more, the same answer as "no such customer".
    return gone ? { result: 'miss' } : found;
  }

  private async match(q: LookupQuery): Promise<{ result: 'hit'; customer: AffectedCustomer } | { result: 'miss' | 'ambiguous' }> {
    if (q.kind === 'customerNumber') {
      const customer = await this.customers.findByNumber(q.incidentId, q.customerNumber);
      return customer ? { result: 'hit', customer } : { result: 'miss' };
    }
    let matches = await this.customers.findByAddress(q.incidentId, q.postcode, q.houseNumber, q.houseNumberSuffix);
    if (q.birthDate !== null) {
      const birthDate = q.birthDate;
      matches = matches.filter((c) => sameDate(c.birthDate, birthDate));
    }
    if (matches.length === 0) return { result: 'miss' };
    if (matches.length > 1) return { result: 'ambiguous' };
    return { result: 'hit', customer: matches[0] };
  }

  private async view(customer: AffectedCustomer): Promise<HotlineCustomer> {
    // A click this process has only buffered so far is shown too.
    await this.tracking.flush();
    const [letters, contacts] = await Promise.all([this.campaignLetters.timelineByCustomer(customer.id), this.contacts.listForCustomer(customer.id)]);
    const tips = this.letters.tipTexts(tipIdsToRepeat(letters), customer.language);
    return hotlineCustomerView(customer, letters, contacts, tips);
  }

  /** Which kind of identifier, never its value; the subject only on a hit. */
  private recordLookup(
    staff: StaffMember,
    kind: LookupKind | null,
    result: LookupResult,
    reason: string | null,
    incidentId: number | null,
    customer: AffectedCustomer | null,
  ): Promise<void> {
    return this.audit.record(staff, 'hotline.lookup', customer ? `customer:${customer.id}` : null, { identifier: kind, result, reason, incidentId });
  }
}

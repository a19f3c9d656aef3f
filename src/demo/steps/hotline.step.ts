import { DataSource } from 'typeorm';
import { CustomersService } from '../../customers/customers.service';
import type { IncidentView } from '../../incidents/incidents.service';
import type { HotlineCustomer } from '../../hotline/customer-view';
import type { ContactCreated, LookupsPerStaff } from '../../hotline/hotline.service';
import type { DemoContext, DemoStep } from '../demo-context';

/** A customer to play the caller: preferably one who got a letter in the demo campaign. */
async function pickCaller(ctx: DemoContext): Promise<string | undefined> {
  const db = ctx.app.get(DataSource);
  const rows: { id: string }[] = await db.query(
    `SELECT c.id FROM affected_customers c LEFT JOIN letters l ON l.customerId = c.id
      WHERE c.incidentId = ? ORDER BY (l.id IS NULL), (l.sentAt IS NULL), c.tierSeverity DESC, c.id LIMIT 1`,
    [ctx.incidentId],
  );
  // The number is sealed in the table: the customer is read through its owner.
  return rows[0] ? (await ctx.app.get(CustomersService).findById(String(rows[0].id)))?.customerNumber : undefined;
}

/** The hotline takes a call: one exact lookup (masked answer, audited), a refused search, and a logged contact. */
export const hotlineStep: DemoStep = async (ctx) => {
  ctx.say('');
  ctx.say('== Hotline: a caller on the line (Chantal Smit, hotline) ==');
  const customerNumber = await pickCaller(ctx);
  if (!customerNumber) {
    ctx.say('No affected customers in this incident, so no call to take.');
    return;
  }
  const reason = 'Caller received our letter and asks what it means for her';
  const { customer } = await ctx.api<{ customer: HotlineCustomer }>('POST', '/api/hotline/lookup', ctx.tokens.hotline, { incidentId: ctx.incidentId, reason, customerNumber });
  // Only masked and non-identifying facts are printed: this output ends up in terminals and CI logs.
  ctx.say('Lookup by customer number (exact; audited as hotline.lookup with the reason, not the number):');
  ctx.say(`  tier ${customer.tier}; exposed: ${customer.exposed.join(', ')}`);
  ctx.say(`  e-mail ${customer.emailMasked ?? '(none)'}; phone ${customer.phoneMasked ?? '(none)'}`);
  if (customer.letters.length === 0) ctx.say('  letters: none yet');
  for (const l of customer.letters) {
    const steps = [
      l.sentAt && `sent ${l.sentAt}`,
      l.deliveredAt && 'delivered',
      l.bouncedAt && 'bounced',
      l.clickedAt && 'clicked',
      l.acknowledgedAt && 'read confirmed',
    ].filter(Boolean);
    ctx.say(`  ${l.kind} letter (campaign #${l.campaignId}, ${l.channel}): ${l.state}${steps.length ? ` — ${steps.join(', ')}` : ''}`);
  }
  ctx.say(`  tips to repeat: ${customer.tips.length}${customer.tips[0] ? ` (first: "${customer.tips[0].split(':')[0]}")` : ''}`);

  const refused = await fetch(`${ctx.baseUrl}/api/hotline/lookup`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ctx.tokens.hotline}`, 'content-type': 'application/json' },
    body: JSON.stringify({ incidentId: ctx.incidentId, reason: 'Trying to browse', city: 'Zoetermeer', age: 80 }),
  });
  ctx.say(`A search by town and age is refused: ${refused.status} (audited as "rejected").`);

  const logged = await ctx.api<ContactCreated>('POST', '/api/hotline/contacts', ctx.tokens.hotline, {
    incidentId: ctx.incidentId,
    customerNumber,
    outcome: 'fraud-attempt',
    notes: 'Caller was phoned by someone posing as the bank who knew her customer number; advised to hang up and call the bank herself.',
  });
  ctx.say(`Contact #${logged.id} logged at ${logged.at} with outcome ${logged.outcome}.`);

  const incident = await ctx.api<IncidentView>('GET', `/api/incidents/${ctx.incidentId}`, ctx.tokens.comms);
  const c = incident.contacts;
  ctx.say(
    `Incident contacts: ${c.total} (${Object.entries(c.byOutcome)
      .filter(([, v]) => v > 0)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}); customers reporting a fraud attempt ${c.customersReportingFraudAttempt}, defrauded ${c.customersDefrauded}.`,
  );
  const perStaff = await ctx.api<LookupsPerStaff>('GET', '/api/hotline/lookups', ctx.tokens.admin);
  ctx.say(`Lookups per staff member in the last 24 hours (admin view): ${perStaff.staff.map((s) => `${s.actor}: ${s.count}`).join('; ')}`);
};

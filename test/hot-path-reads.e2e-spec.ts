import { DataSource } from 'typeorm';
import { AuditService } from '../src/audit/audit.service';
import { CampaignLettersService } from '../src/campaigns/campaign-letters.service';
import { Letter } from '../src/campaigns/letter.entity';
import { AffectedCustomer } from '../src/customers/affected-customer.entity';
import { CustomersService } from '../src/customers/customers.service';
import { StaffService } from '../src/staff/staff.service';
import { LetterEngagement } from '../src/tracking/letter-engagement.entity';
import { TrackingService } from '../src/tracking/tracking.service';
import { customerIdByNumber, seedCustomers, seedIncident } from './support/seed';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';

/**
 * The reads and writes on the hotline lookup path are plain SQL for speed. These tests hold them to
 * what TypeORM's own entity hydration gives for the same rows, so nothing downstream sees a
 * different shape (a DATE as a Date, a boolean as 0/1, a bigint as a number).
 */
describe('Plain-SQL reads on the lookup path', () => {
  let inst: TestInstallation;
  let t: TestApp;
  let orm: DataSource;
  let incidentId: number;

  beforeAll(async () => {
    inst = await createInstallation();
    t = await inst.startApp({ appRole: 'api' });
    orm = t.app.get(DataSource);
    incidentId = await seedIncident(inst.db);
    await seedCustomers(inst.db, incidentId, [
      {
        customerNumber: 'K1',
        name: 'Jan Jansen',
        email: 'jan@example.nl',
        phone: '+31612345678',
        street: 'Dorpsstraat',
        houseNumber: '12',
        houseNumberSuffix: 'A',
        postcode: '1234 AB',
        city: 'Testdorp',
        birthDate: '1950-03-07',
        language: 'en',
        formerCustomer: true,
        tier: 'photographed',
        exposed: ['name', 'email', 'birthDate', 'iban'],
      },
      { customerNumber: 'K2', name: 'Els Visser', street: 'Dorpsstraat', houseNumber: '12', houseNumberSuffix: 'A', postcode: '1234 AB', city: 'Testdorp' },
      { customerNumber: 'k3-lower', name: 'Zonder Adres' },
    ]);
  });

  afterAll(async () => {
    await inst.close();
  });

  /** The plain columns, as TypeORM's entity hydration gives them (the personal fields are sealed: only CustomersService opens them). */
  const plain = (c: AffectedCustomer) => ({
    id: c.id,
    incidentId: c.incidentId,
    dataKeyId: c.dataKeyId,
    hasEmail: c.hasEmail,
    language: c.language,
    formerCustomer: c.formerCustomer,
    tierSeverity: c.tierSeverity,
    exposedMask: c.exposedMask,
    lastImportId: c.lastImportId,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  });

  it('finds a customer by number with the plain columns exactly as the entity repository gives them, and the personal fields opened', async () => {
    const customers = t.app.get(CustomersService);
    for (const number of ['K1', 'K2', 'k3-lower']) {
      const expected = await orm.getRepository(AffectedCustomer).findOneByOrFail({ id: await customerIdByNumber(inst.db, number) });
      const found = await customers.findByNumber(incidentId, number);
      expect(found).toBeInstanceOf(AffectedCustomer);
      expect(plain(found!)).toEqual(plain(expected));
      expect(found!.customerNumber).toBe(number);
      expect(found!.tier).toBe(expected.tier);
      expect(found!.exposed).toEqual(expected.exposed);
      expect(await customers.findById(found!.id)).toEqual(found);
    }
    expect(await customers.findByNumber(incidentId, 'K1')).toMatchObject({
      name: 'Jan Jansen',
      email: 'jan@example.nl',
      phone: '+31612345678',
      street: 'Dorpsstraat',
      houseNumber: '12',
      houseNumberSuffix: 'A',
      postcode: '1234 AB',
      city: 'Testdorp',
      birthDate: '1950-03-07',
      hasEmail: true,
      formerCustomer: true,
      language: 'en',
    });
    expect(await customers.findByNumber(incidentId, 'k3-lower')).toMatchObject({ email: null, postcode: null, houseNumberSuffix: '', hasEmail: false });
  });

  it('matches customer numbers case-sensitively and only within the incident', async () => {
    const customers = t.app.get(CustomersService);
    expect(await customers.findByNumber(incidentId, 'k1')).toBeNull();
    expect(await customers.findByNumber(incidentId, 'K3-LOWER')).toBeNull();
    expect(await customers.findByNumber(incidentId + 1, 'K1')).toBeNull();
  });

  it('finds everyone at an address exactly as the entity repository does', async () => {
    const found = await t.app.get(CustomersService).findByAddress(incidentId, '1234 AB', '12', 'A');
    expect(found.map((c) => c.customerNumber)).toEqual(['K1', 'K2']);
    expect(found.map(plain)).toEqual((await orm.getRepository(AffectedCustomer).find({ where: { incidentId }, order: { id: 'ASC' } })).slice(0, 2).map(plain));
    expect(await t.app.get(CustomersService).findByAddress(incidentId, '1234 AB', '12', '')).toEqual([]);
  });

  it('reads letter timelines and engagement with the same values as the entities', async () => {
    const customerId = await customerIdByNumber(inst.db, 'K1');
    const campaign: { insertId: number } = await inst.db.query("INSERT INTO campaigns (incidentId, tiers, status, createdBy) VALUES (?, '[\"photographed\"]', 'completed', 1)", [incidentId]);
    await inst.db.query(
      "INSERT INTO letters (campaignId, customerId, channel, state, token, sentAt, deliveredAt, tipIds) VALUES (?, ?, 'email', 'sent', 'BBBBBBBBBBBBBBBBBBBBBB', '2026-11-21 10:00:00.123', '2026-11-21 10:00:05.000', '[\"a\",\"b\"]'), (?, ?, 'post', 'pending', 'CCCCCCCCCCCCCCCCCCCCCC', NULL, NULL, NULL)",
      [campaign.insertId, customerId, campaign.insertId + 1000, customerId],
    );
    const letters = await t.app.get(CampaignLettersService).timelineByCustomer(String(customerId));
    const entities = await orm.getRepository(Letter).find({ where: { customerId: String(customerId) }, order: { id: 'ASC' } });
    expect(letters).toEqual(
      entities.map(({ id, campaignId, channel, state, sentAt, deliveredAt, bouncedAt, printedAt, postedAt, returnedAt, tipIds, kind, followsSeverity }) => ({
        ...{ id, campaignId, channel, state, sentAt, deliveredAt, bouncedAt, printedAt, postedAt, returnedAt, tipIds, kind, followsSeverity },
        firstClickAt: null,
        acknowledgedAt: null,
      })),
    );
    expect(letters[0].sentAt).toEqual(new Date('2026-11-21T10:00:00.123Z'));
    expect(letters[0].tipIds).toEqual(['a', 'b']);
    expect(letters[1].tipIds).toBeNull();

    await inst.db.query("INSERT INTO letter_engagements (letterId, campaignId, firstClickAt, clickCount, acknowledgedAt) VALUES (?, ?, '2026-11-21 12:30:00.000', 2, '2026-11-21 12:31:00.000')", [
      letters[0].id,
      campaign.insertId,
    ]);
    const engagement = await t.app.get(TrackingService).engagementFor(letters.map((l) => l.id));
    const expected = await orm.getRepository(LetterEngagement).findOneByOrFail({ letterId: letters[0].id });
    expect([...engagement.keys()]).toEqual([letters[0].id]);
    expect(engagement.get(letters[0].id)).toEqual({ ...expected });
    expect(engagement.get(letters[0].id)!.acknowledgedAt).toEqual(new Date('2026-11-21T12:31:00.000Z'));
    // The timeline carries the same two moments, joined in its one query.
    const joined = await t.app.get(CampaignLettersService).timelineByCustomer(String(customerId));
    expect(joined.map((l) => [l.firstClickAt, l.acknowledgedAt])).toEqual([
      [expected.firstClickAt, expected.acknowledgedAt],
      [null, null],
    ]);
    expect(joined[0].firstClickAt).toEqual(new Date('2026-11-21T12:30:00.000Z'));
  });

  it('authenticates an active staff member and refuses a disabled one', async () => {
    const staff = t.app.get(StaffService);
    const { id, token } = await inst.staffToken('hotline', 'Chantal Smit');
    const member = await staff.authenticate(token);
    expect(member).toMatchObject({ id, name: 'Chantal Smit', role: 'hotline', disabledAt: null });
    // The same member as entity hydration gives, less the console's sign-in secrets, which a
    // bearer-token request has no use for and so never loads.
    const full = await staff.findById(id);
    const signInOnly = ['passwordHash', 'setupExpiresAt', 'setupTokenHash', 'signInEnabledAt', 'totpLastStep', 'totpSecret'];
    expect(member).toEqual({ ...Object.fromEntries(Object.entries(full ?? {}).filter(([k]) => !signInOnly.includes(k))), lookupsHeldBy: null });
    // An open alert that suspends arrives with the member; one that does not suspend, or a resolved one, does not.
    await inst.db.query("INSERT INTO hotline_alerts (staffId, openFor, rule, findings, suspends, raisedAt) VALUES (?, ?, 'burst', '[]', 0, NOW(3))", [id, id]);
    expect((await staff.authenticate(token))?.lookupsHeldBy).toBeNull();
    await inst.db.query('UPDATE hotline_alerts SET suspends = 1 WHERE openFor = ?', [id]);
    const [alert]: { id: number }[] = await inst.db.query('SELECT id FROM hotline_alerts WHERE openFor = ?', [id]);
    expect((await staff.authenticate(token))?.lookupsHeldBy).toBe(Number(alert.id));
    await inst.db.query('UPDATE hotline_alerts SET openFor = NULL, resolvedAt = NOW(3) WHERE id = ?', [alert.id]);
    expect((await staff.authenticate(token))?.lookupsHeldBy).toBeNull();
    await inst.db.query('UPDATE staff_members SET disabledAt = NOW(3) WHERE id = ?', [id]);
    expect(await staff.authenticate(token)).toBeNull();
    expect(await staff.authenticate(`${token}x`)).toBeNull();
  });

  it('writes audit events that read back with their time, actor and detail', async () => {
    const before = Date.now();
    await t.app.get(AuditService).record({ id: 7, name: 'Chantal Smit', role: 'hotline' }, 'hotline.lookup', 'customer:1', { identifier: 'customerNumber', result: 'hit', reason: 'Caller’s “question” \\ ok' });
    const [event] = await t.app.get(AuditService).list({ action: 'hotline.lookup' });
    expect(event).toMatchObject({ actor: 'Chantal Smit (hotline, #7)', actorId: 7, subject: 'customer:1', detail: { identifier: 'customerNumber', result: 'hit', reason: 'Caller’s “question” \\ ok' } });
    expect(Math.abs(new Date(event.at).getTime() - before)).toBeLessThan(60_000);
  });
});

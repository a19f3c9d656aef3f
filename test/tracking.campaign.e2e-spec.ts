import request from 'supertest';
import { LettersService } from '../src/letters/letters.service';
import { escapeHtml } from '../src/tracking/pages/pages';
import { seedCustomers } from './support/seed';
import { startSmtpSink } from './support/smtp-sink';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';
import { letterLinks } from './tracking.seed';

const BROWSER_UA = 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const PERSON = {
  customerNumber: 'KN-55443322',
  name: 'Cornelia Hoogendijk',
  email: 'c.hoogendijk@voorbeeld.example',
  street: 'Lindenhof',
  houseNumber: '12',
  postcode: '2514 EA',
  city: 'Wierdum',
  birthDate: '1939-07-03',
  tier: 'photographed' as const,
};
const OTHER = { customerNumber: 'KN-55443323', name: 'Pieter Dekkers', email: 'p.dekkers@voorbeeld.example', tier: 'searched' as const, language: 'en' as const };

describe('Tracked links in letters sent by a real campaign', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let inst: TestInstallation;
  let t: TestApp;
  let comms: string;
  let campaignId: number;

  beforeAll(async () => {
    sink = await startSmtpSink();
    inst = await createInstallation({ smtpUrl: sink.url });
    t = await inst.startApp();
    comms = (await inst.staffToken('comms', 'Comms One')).token;
    const approver = (await inst.staffToken('comms', 'Comms Two')).token;
    const incident = await request(t.http)
      .post('/api/incidents')
      .set('Authorization', `Bearer ${comms}`)
      .send({ title: 'Records photographed at a service desk', company: 'Polderstroom Energie', hotlinePhone: '0800 765 4321', hotlineEmail: 'datalek@polderstroom.example', discoveredAt: '2026-11-20T09:30:00Z', description: 'Een medewerker van een dienstverlener heeft zonder reden klantgegevens opgezocht.', descriptionEn: 'An employee of a service provider looked up customer records without a reason.' })
      .expect(201);
    await seedCustomers(inst.db, incident.body.id as number, [PERSON, OTHER]);
    const campaign = await request(t.http)
      .post(`/api/incidents/${incident.body.id}/campaigns`)
      .set('Authorization', `Bearer ${comms}`)
      .send({ tiers: ['photographed', 'viewed', 'searched'] })
      .expect(201);
    campaignId = campaign.body.id as number;
    await request(t.http).post(`/api/campaigns/${campaignId}/approve`).set('Authorization', `Bearer ${approver}`).expect(200);
    await request(t.http).post(`/api/campaigns/${campaignId}/start`).set('Authorization', `Bearer ${comms}`).expect(202);
    while (sink.messages.length < 2) await new Promise((r) => setTimeout(r, 50));
  });
  afterAll(async () => {
    await inst.close();
    await sink.close();
  });

  const counts = async () => (await request(t.http).get(`/api/campaigns/${campaignId}`).set('Authorization', `Bearer ${comms}`).expect(200)).body.counts as { clicked: number; acknowledged: number };

  it('counts a link taken from a received letter once per real visit, not for HEAD or a scanner, and one acknowledgement', async () => {
    const message = sink.messages.find((m) => m.to.includes(PERSON.email))!;
    const links = letterLinks(message.parsed.text ?? '');
    expect(links.length).toBeGreaterThan(0);
    expect(new Set(links.map((l) => l.token)).size).toBe(1);
    expect(links[0].url.startsWith('http://fw.test/l/')).toBe(true);
    const { path } = links[0];

    expect(await counts()).toMatchObject({ clicked: 0, acknowledged: 0 });
    await request(t.http).head(path).set('User-Agent', BROWSER_UA).expect(200);
    await request(t.http).get(path).set('User-Agent', 'Mozilla/5.0 (compatible; BingPreview/1.0b)').expect(200);
    expect(await counts()).toMatchObject({ clicked: 0, acknowledged: 0 });

    const page = await request(t.http).get(path).set('User-Agent', BROWSER_UA).expect(200);
    expect(page.text).toContain('<html lang="nl">');
    expect(page.text).toContain('Polderstroom Energie');
    expect(page.text).toContain('gefotografeerd');
    expect(page.text).toContain('Een medewerker van een dienstverlener heeft zonder reden klantgegevens opgezocht.');
    for (const value of [PERSON.name, 'Hoogendijk', PERSON.email, PERSON.street, PERSON.postcode, PERSON.city, PERSON.customerNumber, '1939']) expect(page.text).not.toContain(value);
    // The tips the letter gave are the tips on the page, and every section the letter links to exists.
    const [letter] = await inst.db.query<Array<{ tipIds: string }>>('SELECT tipIds FROM letters WHERE token = ?', [links[0].token]);
    const tips = t.app.get(LettersService).tipTexts(JSON.parse(letter.tipIds) as string[], 'nl');
    expect(tips.length).toBeGreaterThan(0);
    for (const tip of tips) expect(page.text).toContain(escapeHtml(tip.split(': ')[0]));
    const html = typeof message.parsed.html === 'string' ? message.parsed.html : '';
    for (const l of [...links, ...letterLinks(html)]) {
      expect(l.token).toBe(links[0].token);
      const fragment = l.url.split('#')[1];
      if (fragment) expect(page.text).toContain(`id="${fragment}"`);
    }
    await request(t.http).get(path).set('User-Agent', BROWSER_UA).expect(200);
    expect(await counts()).toMatchObject({ clicked: 1, acknowledged: 0 });

    await request(t.http).post(`${path}/ack`).type('form').send('').set('User-Agent', BROWSER_UA).expect(200);
    await request(t.http).post(`${path}/ack`).type('form').send('').set('User-Agent', BROWSER_UA).expect(200);
    expect(await counts()).toMatchObject({ clicked: 1, acknowledged: 1 });
  });

  it('gives the other customer their own page, in their language, and the 404 page for a tampered link', async () => {
    const message = sink.messages.find((m) => m.to.includes(OTHER.email))!;
    const [link] = letterLinks(message.parsed.text ?? '');
    const page = await request(t.http).get(link.path).set('User-Agent', BROWSER_UA).expect(200);
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toContain('An employee of a service provider looked up customer records without a reason.');
    expect(page.text).not.toContain('Een medewerker van een dienstverlener');
    expect(page.text).not.toContain(OTHER.name);
    const tampered = link.token.slice(0, 21) + (link.token.endsWith('A') ? 'B' : 'A');
    const notFound = await request(t.http).get(`/l/${tampered}`).expect(404);
    expect(notFound.text).toContain('Deze link werkt niet');
  });
});

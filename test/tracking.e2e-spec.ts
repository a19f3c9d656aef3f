import request from 'supertest';
import { TrackingService } from '../src/tracking/tracking.service';
import { tcpProxy } from './support/tcp-proxy';
import { seedCustomers, seedIncident } from './support/seed';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';
import { seedCampaign, seedSentLetters } from './tracking.seed';

const PERSON = {
  customerNumber: 'KN-99887766',
  name: 'Wilhelmina van Oosterhout',
  email: 'w.oosterhout@voorbeeld.example',
  phone: '+31612345678',
  street: 'Kastanjelaan',
  houseNumber: '47',
  postcode: '3512 XK',
  city: 'Zuiderveen',
  birthDate: '1938-02-14',
  tier: 'photographed' as const,
  language: 'nl' as const,
};
const ENGLISH = { customerNumber: 'KN-11223344', name: 'Harold Whitcombe', email: 'h.whitcombe@voorbeeld.example', street: 'Beukenweg', houseNumber: '3', postcode: '1234 AB', city: 'Testdorp', tier: 'searched' as const, language: 'en' as const };

const BROWSER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

describe('Tracked links (TrackingController)', () => {
  let inst: TestInstallation;
  let t: TestApp;
  let incidentId: number;
  let campaignId: number;
  let dutch: { letterId: string; token: string };
  let english: { letterId: string; token: string };

  const engagement = async (letterId: string) => {
    await t.app.get(TrackingService).flush();
    const rows: Array<{ clickCount: number; firstClickAt: Date | null; acknowledgedAt: Date | null; openedAt: Date | null }> = await inst.db.query(
      'SELECT clickCount, firstClickAt, acknowledgedAt, openedAt FROM letter_engagements WHERE letterId = ?',
      [letterId],
    );
    return rows[0] ?? { clickCount: 0, firstClickAt: null, acknowledgedAt: null, openedAt: null };
  };

  beforeAll(async () => {
    inst = await createInstallation();
    t = await inst.startApp({ appRole: 'api' });
    incidentId = await seedIncident(inst.db, { company: 'Polderstroom Energie', hotlinePhone: '0800 765 4321', hotlineEmail: 'datalek@polderstroom.example' });
    await seedCustomers(inst.db, incidentId, [PERSON, ENGLISH]);
    campaignId = await seedCampaign(inst.db, incidentId);
    const letters = await seedSentLetters(inst.db, campaignId, incidentId, ['hang-up-call-back', 'payment-requests']);
    [dutch, english] = letters;
  });
  afterAll(() => inst.close());

  it('shows the landing page of the letter: its language, tier, incident and hotline, with the form to confirm', async () => {
    const res = await request(t.http).get(`/l/${dutch.token}`).set('User-Agent', BROWSER_UA).expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<html lang="nl">');
    expect(res.text).toContain('Polderstroom Energie');
    expect(res.text).toContain('gefotografeerd');
    expect(res.text).toContain('A contractor looked up records without a reason.');
    expect(res.text).toContain('href="tel:08007654321"');
    expect(res.text).toContain('href="mailto:datalek@polderstroom.example"');
    expect(res.text).toContain(`<form method="post" action="/l/${dutch.token}/ack">`);
    expect(res.text).toContain('Ik heb dit gelezen');
    // The tips the letter gave, in the letter's words (not the general advice).
    expect(res.text).toContain('Hang op en bel zelf terug');
    expect(res.text).not.toContain('Hang dan meteen op');
    for (const id of ['what-happened', 'what-it-means', 'never-ask', 'what-to-do', 'contact', 'confirm']) expect(res.text).toContain(`id="${id}"`);

    const en = await request(t.http).get(`/l/${english.token}`).expect(200);
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toContain('came up in searches');
    expect(en.text).toContain('I have read this');
    // This incident has no English texts, so English readers get the Dutch ones, as in the letter.
    expect(en.text).toContain('A contractor looked up records without a reason.');
    expect(en.text).toContain(`action="/l/${english.token}/ack"`);
  });

  it('shows no personal data of the customer in any page', async () => {
    const pages = [
      (await request(t.http).get(`/l/${dutch.token}`)).text,
      (await request(t.http).post(`/l/${dutch.token}/ack`).type('form').send('')).text,
    ];
    for (const html of pages) {
      for (const value of [PERSON.name, 'Wilhelmina', 'Oosterhout', PERSON.email, PERSON.phone, '0612345678', PERSON.street, PERSON.postcode, '3512', PERSON.city, PERSON.customerNumber, '99887766', '1938', '14-02']) {
        expect(html).not.toContain(value);
      }
    }
  });

  it('sends strict security headers and no cookie', async () => {
    const res = await request(t.http).get(`/l/${english.token}`).expect(200);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.text).not.toMatch(/(src|href)="https?:/);
    expect(res.text).not.toMatch(/<script/i);
  });

  it('counts each real GET once, and neither HEAD, link scanners nor prefetches', async () => {
    const [, , third] = await seedMoreLetters();
    const before = await engagement(third.letterId);
    expect(before.clickCount).toBe(0);

    await request(t.http).head(`/l/${third.token}`).set('User-Agent', BROWSER_UA).expect(200);
    for (const ua of [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) BingPreview/1.0b',
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      'facebookexternalhit/1.1',
      'WhatsApp/2.23.20.0',
      'Mozilla/5.0 (compatible; Proofpoint URL Defense)',
    ]) {
      await request(t.http).get(`/l/${third.token}`).set('User-Agent', ua).expect(200);
    }
    await request(t.http).get(`/l/${third.token}`).set('User-Agent', BROWSER_UA).set('Sec-Purpose', 'prefetch;prerender').expect(200);
    await request(t.http).get(`/l/${third.token}`).set('User-Agent', BROWSER_UA).set('Purpose', 'prefetch').expect(200);
    expect((await engagement(third.letterId)).clickCount).toBe(0);

    await request(t.http).get(`/l/${third.token}`).set('User-Agent', BROWSER_UA).expect(200);
    const once = await engagement(third.letterId);
    expect(once.clickCount).toBe(1);
    expect(once.firstClickAt).toBeInstanceOf(Date);

    await request(t.http).get(`/l/${third.token}`).set('User-Agent', BROWSER_UA).expect(200);
    const twice = await engagement(third.letterId);
    expect(twice.clickCount).toBe(2);
    expect(twice.firstClickAt!.getTime()).toBe(once.firstClickAt!.getTime());
  });

  it('answers HEAD with the same headers as GET but no body', async () => {
    const head = await request(t.http).head(`/l/${english.token}`).expect(200);
    const get = await request(t.http).get(`/l/${english.token}`).expect(200);
    expect(head.text ?? '').toBe('');
    for (const h of ['content-type', 'content-security-policy', 'cache-control', 'content-length']) expect(head.headers[h]).toBe(get.headers[h]);
  });

  it('records one acknowledgement however often the button is pressed, and counts the letter as clicked', async () => {
    const [fresh] = await seedMoreLetters();
    const first = await request(t.http).post(`/l/${fresh.token}/ack`).type('form').send('').expect(200);
    expect(first.text).toContain('Bedankt');
    expect(first.headers['content-security-policy']).toContain("default-src 'none'");
    const recorded = await engagement(fresh.letterId);
    expect(recorded.acknowledgedAt).toBeInstanceOf(Date);
    expect(recorded.clickCount).toBe(1);

    await new Promise((r) => setTimeout(r, 20));
    const again = await request(t.http).post(`/l/${fresh.token}/ack`).type('form').send('').expect(200);
    expect(again.text).toBe(first.text);
    const after = await engagement(fresh.letterId);
    expect(after.acknowledgedAt!.getTime()).toBe(recorded.acknowledgedAt!.getTime());
    expect(after.clickCount).toBe(1);
  });

  it('reports clicked and acknowledged letters in the campaign counts', async () => {
    const campaign = await seedCampaign(inst.db, incidentId);
    const letters = await seedSentLetters(inst.db, campaign, incidentId);
    const tracking = t.app.get(TrackingService);
    expect(await tracking.countsForCampaign(campaign)).toEqual({ clicked: 0, acknowledged: 0 });
    await request(t.http).get(`/l/${letters[0].token}`).set('User-Agent', BROWSER_UA).expect(200);
    await request(t.http).get(`/l/${letters[0].token}`).set('User-Agent', BROWSER_UA).expect(200);
    await request(t.http).get(`/l/${letters[1].token}`).set('User-Agent', BROWSER_UA).expect(200);
    await request(t.http).post(`/l/${letters[1].token}/ack`).type('form').send('').expect(200);
    await request(t.http).post(`/l/${letters[1].token}/ack`).type('form').send('').expect(200);
    expect(await tracking.countsForCampaign(campaign)).toEqual({ clicked: 2, acknowledged: 1 });
    const timeline = await tracking.engagementFor([letters[0].letterId, letters[1].letterId]);
    expect(timeline.get(letters[0].letterId)).toMatchObject({ clickCount: 2, acknowledgedAt: null });
    expect(timeline.get(letters[1].letterId)?.acknowledgedAt).toBeInstanceOf(Date);
  });

  it('answers the same 404 page for every unknown or malformed token and records nothing', async () => {
    const unknown = ['AAAAAAAAAAAAAAAAAAAAAA', 'zzzzzzzzzzzzzzzzzzzzz_', 'short', dutch.token.slice(0, 21), `${dutch.token}x`, '%3Cscript%3E', 'a'.repeat(500)];
    const bodies = new Set<string>();
    for (const token of unknown) {
      const res = await request(t.http).get(`/l/${token}`).set('User-Agent', BROWSER_UA).expect(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      bodies.add(res.text);
      const ack = await request(t.http).post(`/l/${token}/ack`).type('form').send('').expect(404);
      bodies.add(ack.text);
    }
    expect(bodies.size).toBe(1);
    const [body] = [...bodies];
    expect(body).toContain('<html lang="nl">');
    expect(body).toContain('lang="en"');
    expect(body).toContain('0800 765 4321');
    expect(body).not.toContain('AAAAAAAAAAAAAAAAAAAAAA');
    const rows: Array<{ n: string }> = await inst.db.query('SELECT COUNT(*) AS n FROM letter_engagements WHERE letterId NOT IN (SELECT id FROM letters)');
    expect(Number(rows[0].n)).toBe(0);
  });

  describe('open pixel', () => {
    it('always answers a 1×1 GIF that is not cached, and records nothing while the incident does not track opens', async () => {
      for (const path of [`/o/${dutch.token}.gif`, '/o/AAAAAAAAAAAAAAAAAAAAAA.gif', '/o/nonsense.gif']) {
        const res = await request(t.http).get(path).expect(200);
        expect(res.headers['content-type']).toBe('image/gif');
        expect(res.headers['cache-control']).toContain('no-store');
        expect(res.body).toBeInstanceOf(Buffer);
        expect((res.body as Buffer).subarray(0, 6).toString('ascii')).toBe('GIF89a');
      }
      expect((await engagement(dutch.letterId)).openedAt).toBeNull();
    });

    it('records the first open when the incident turns open tracking on', async () => {
      const tracked = await seedIncident(inst.db, { trackOpens: true });
      await seedCustomers(inst.db, tracked, [{ customerNumber: 'KN-1', name: 'Open Tracked', email: 'o@voorbeeld.example', tier: 'viewed' }]);
      const campaign = await seedCampaign(inst.db, tracked);
      const [letter] = await seedSentLetters(inst.db, campaign, tracked);
      await request(t.http).head(`/o/${letter.token}.gif`).expect(200);
      expect((await engagement(letter.letterId)).openedAt).toBeNull();
      await request(t.http).get(`/o/${letter.token}.gif`).expect(200);
      const first = await engagement(letter.letterId);
      expect(first.openedAt).toBeInstanceOf(Date);
      expect(first.clickCount).toBe(0);
      await new Promise((r) => setTimeout(r, 20));
      await request(t.http).get(`/o/${letter.token}.gif`).expect(200);
      expect((await engagement(letter.letterId)).openedAt!.getTime()).toBe(first.openedAt!.getTime());
    });
  });

  it('writes buffered clicks before the application shuts down', async () => {
    const [letter] = await seedMoreLetters();
    const other = await inst.startApp({ appRole: 'api' });
    await request(other.http).get(`/l/${letter.token}`).set('User-Agent', BROWSER_UA).expect(200);
    await request(other.http).get(`/l/${letter.token}`).set('User-Agent', BROWSER_UA).expect(200);
    await other.close();
    const rows: Array<{ clickCount: number }> = await inst.db.query('SELECT clickCount FROM letter_engagements WHERE letterId = ?', [letter.letterId]);
    expect(rows[0]?.clickCount).toBe(2);
  });

  it('answers a page in the same style, not a JSON error, when the database is unreachable; the pixel still answers', async () => {
    const [known, other] = await seedMoreLetters();
    const db = new URL(inst.config.databaseUrl);
    const proxy = await tcpProxy(db.hostname, Number(db.port || 3306));
    db.port = String(proxy.port);
    const cut = await inst.startApp({ appRole: 'api', databaseUrl: db.toString() });
    try {
      await request(cut.http).get(`/l/${known.token}`).expect(200);
      await proxy.cut();
      const res = await request(cut.http).get(`/l/${other.token}`).set('User-Agent', BROWSER_UA).expect(503);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.text).toContain('<html lang="nl">');
      expect(res.text).toContain('niet beschikbaar');
      await request(cut.http).post(`/l/${other.token}/ack`).type('form').send('').expect(503);
      const gif = await request(cut.http).get(`/o/${other.token}.gif`).expect(200);
      expect(gif.headers['content-type']).toBe('image/gif');
    } finally {
      await cut.close();
    }
  });

  /** Fresh letters (a new campaign to the same two customers plus one more) so each test starts from zero. */
  async function seedMoreLetters() {
    const campaign = await seedCampaign(inst.db, incidentId);
    const letters = await seedSentLetters(inst.db, campaign, incidentId);
    return [...letters, ...letters];
  }
});

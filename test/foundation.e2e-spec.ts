import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import request from 'supertest';
import { createInstallation, TestApp, TestInstallation } from './support/test-app';
import { tcpProxy } from './support/tcp-proxy';

const run = promisify(execFile);

const incidentBody = {
  title: 'Records viewed at a service desk',
  company: 'Zonnedal Water',
  hotlinePhone: '0800 111 2222',
  hotlineEmail: 'datalek@zonnedal.example',
  discoveredAt: '2026-11-20T09:30:00Z',
};

describe('Foundation', () => {
  let inst: TestInstallation;
  let t: TestApp;
  let tokens: Record<'comms' | 'hotline' | 'admin', string>;

  beforeAll(async () => {
    inst = await createInstallation();
    t = await inst.startApp();
    tokens = {
      comms: (await inst.staffToken('comms')).token,
      hotline: (await inst.staffToken('hotline')).token,
      admin: (await inst.staffToken('admin')).token,
    };
  });
  afterAll(() => inst.close());

  describe('authentication and roles', () => {
    it('answers 401 without a token and with a bad or malformed one', async () => {
      await request(t.http).get('/api/incidents/1').expect(401);
      await request(t.http).get('/api/incidents/1').set('Authorization', 'Bearer fws_not-a-real-token').expect(401);
      await request(t.http).get('/api/incidents/1').set('Authorization', 'Basic abc').expect(401);
      const res = await request(t.http).get('/api/audit').set('Authorization', 'Bearer ').expect(401);
      expect(typeof res.body.message).toBe('string');
    });

    it.each([
      ['POST', '/api/incidents', ['comms', 'admin'], ['hotline']],
      ['GET', '/api/audit', ['admin'], ['comms', 'hotline']],
    ] as const)('%s %s allows %p and forbids %p', async (method, path, allowed, forbidden) => {
      for (const role of forbidden) {
        const req = method === 'POST' ? request(t.http).post(path).send(incidentBody) : request(t.http).get(path);
        const res = await req.set('Authorization', `Bearer ${tokens[role]}`);
        expect(res.status).toBe(403);
        expect(res.body.message).toContain(role);
      }
      for (const role of allowed) {
        const req = method === 'POST' ? request(t.http).post(path).send(incidentBody) : request(t.http).get(path);
        const res = await req.set('Authorization', `Bearer ${tokens[role]}`);
        expect([200, 201]).toContain(res.status);
      }
    });
  });

  describe('incidents', () => {
    it('creates an incident and reads it back with zero customers per tier', async () => {
      const created = await request(t.http).post('/api/incidents').set('Authorization', `Bearer ${tokens.comms}`).send(incidentBody).expect(201);
      expect(created.body).toMatchObject({ id: expect.any(Number), company: 'Zonnedal Water', hotlineEmail: 'datalek@zonnedal.example', senderEmail: 'datalek@zonnedal.example' });
      const read = await request(t.http).get(`/api/incidents/${created.body.id}`).set('Authorization', `Bearer ${tokens.admin}`).expect(200);
      expect(read.body).toMatchObject({ id: created.body.id, title: incidentBody.title, discoveredAt: '2026-11-20T09:30:00.000Z', customers: { photographed: 0, viewed: 0, searched: 0 } });
      expect(read.body.deadlines.notifyAuthority).toBe('2026-11-23T09:30:00.000Z');
    });

    it('rejects invalid fields with a message per field and no echo of values', async () => {
      const res = await request(t.http)
        .post('/api/incidents')
        .set('Authorization', `Bearer ${tokens.comms}`)
        .send({ ...incidentBody, hotlineEmail: 'not-an-email', discoveredAt: 'yesterday', unexpected: 1 })
        .expect(400);
      expect(res.body.message).toEqual(expect.arrayContaining([expect.stringContaining('hotlineEmail'), expect.stringContaining('discoveredAt'), expect.stringContaining('unexpected')]));
      expect(JSON.stringify(res.body)).not.toContain('not-an-email');
    });

    it('answers 404 with the id for an unknown incident', async () => {
      const res = await request(t.http).get('/api/incidents/999999').set('Authorization', `Bearer ${tokens.comms}`).expect(404);
      expect(res.body.message).toContain('999999');
    });
  });

  describe('audit', () => {
    it('records staff creation and incident creation, and lists them to admins', async () => {
      await request(t.http).post('/api/incidents').set('Authorization', `Bearer ${tokens.comms}`).send(incidentBody).expect(201);
      const res = await request(t.http).get('/api/audit?action=incident.create&limit=5').set('Authorization', `Bearer ${tokens.admin}`).expect(200);
      expect(res.body.length).toBeGreaterThan(0);
      expect(res.body[0]).toMatchObject({ action: 'incident.create', actor: expect.stringContaining('comms'), subject: expect.stringMatching(/^incident:\d+$/) });
      const staff = await request(t.http).get('/api/audit?action=staff.create').set('Authorization', `Bearer ${tokens.admin}`).expect(200);
      expect(staff.body).toHaveLength(3);
      await request(t.http).get('/api/audit?action=DROP TABLE').set('Authorization', `Bearer ${tokens.admin}`).expect(400);
    });

    it('never stores the staff token, only its hash', async () => {
      const rows: { tokenHash: string }[] = await inst.db.query('SELECT tokenHash FROM staff_members');
      for (const r of rows) expect(Object.values(tokens)).not.toContain(r.tokenHash);
      const dump = JSON.stringify(await inst.db.query('SELECT * FROM audit_events'));
      for (const token of Object.values(tokens)) expect(dump).not.toContain(token);
    });
  });

  describe('health and docs', () => {
    it('answers unknown routes without echoing the query string', async () => {
      const res = await request(t.http).get('/api/customers?name=Jansen&postcode=1234AB').expect(404);
      expect(res.body.message).toContain('/api/customers');
      expect(JSON.stringify(res.body)).not.toMatch(/Jansen|1234AB/);
    });

    it('serves OpenAPI docs', async () => {
      const res = await request(t.http).get('/api/docs-json').expect(200);
      expect(res.body.paths['/api/incidents']).toBeDefined();
    });

    it('is 200 while MySQL and Redis answer and 503 once Redis is unreachable', async () => {
      const proxy = await tcpProxy('127.0.0.1', Number(new URL(inst.config.redisUrl).port || 6379));
      const app = await inst.startApp({ redisUrl: `redis://127.0.0.1:${proxy.port}`, appRole: 'api' });
      try {
        await request(app.http).get('/health').expect(200, { status: 'ok' });
        await proxy.cut();
        const res = await request(app.http).get('/health').expect(503);
        expect(res.body).toMatchObject({ redis: 'down', mysql: 'ok' });
      } finally {
        await app.close();
      }
    });
  });

  describe('start-up', () => {
    const main = ['-r', 'ts-node/register/transpile-only', 'src/main.ts'];
    const env = (extra: Record<string, string>) => ({ ...process.env, TS_NODE_TRANSPILE_ONLY: '1', ...extra });

    it('stops with one readable line when MySQL is unreachable', async () => {
      const err = await run('node', main, { env: env({ DATABASE_URL: 'mysql://root@127.0.0.1:1/x' }) }).catch((e: { code: number; stderr: string }) => e);
      expect('code' in err && err.code).toBe(1);
      const lines = (err as { stderr: string }).stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/Cannot reach MySQL at mysql:\/\/root@127\.0\.0\.1:1\/x/);
    });

    it('stops with one readable line for an invalid value', async () => {
      const err = await run('node', main, { env: env({ APP_ROLE: 'both' }) }).catch((e: { code: number; stderr: string }) => e);
      expect((err as { stderr: string }).stderr.trim()).toBe('fraud-warning: APP_ROLE="both" is not allowed; use one of: all, api, worker.');
    });
  });
});

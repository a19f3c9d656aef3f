import type { AddressInfo } from 'node:net';
import { CLI_ACTOR } from '../audit/audit.service';
import { createApp } from '../bootstrap';
import { JsonLogger } from '../common/json-logger';
import type { AppConfig } from '../config/config';
import { IncidentsService } from '../incidents/incidents.service';
import { StaffService } from '../staff/staff.service';
import type { DemoContext, DemoStep } from './demo-context';
import { importsStep } from './steps/imports.step';
import { lettersStep } from './steps/letters.step';
import { campaignStep } from './steps/campaign.step';
import { trackingStep } from './steps/tracking.step';
import { hotlineStep } from './steps/hotline.step';
import { wavesStep } from './steps/waves.step';

/** The steps of the scenario, in order; each feature adds its own. */
const STEPS: DemoStep[] = [importsStep, lettersStep, campaignStep, trackingStep, wavesStep, hotlineStep];

/**
 * The whole scenario for a fictional company: starts the full application (HTTP + workers) in this
 * process on a free port and drives it the way the teams would.
 */
export async function runDemo(config: AppConfig): Promise<{ incidentId: number; tokens: DemoContext['tokens'] }> {
  const say = (line = '') => process.stdout.write(line + '\n');
  const app = await createApp({ ...config, appRole: 'all' }, new JsonLogger('warn', process.stderr));
  try {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;

    const staff = app.get(StaffService);
    const ada = await staff.create({ name: 'Ada Vermeulen', role: 'comms', email: 'ada.vermeulen@polderstroom.example' }, CLI_ACTOR);
    const bram = await staff.create({ name: 'Bram Hoekstra', role: 'comms', email: 'bram.hoekstra@polderstroom.example' }, CLI_ACTOR);
    const chantal = await staff.create({ name: 'Chantal Smit', role: 'hotline' }, CLI_ACTOR);
    const admin = await staff.create({ name: 'Dirk Jansen', role: 'admin' }, CLI_ACTOR);
    const incident = await app.get(IncidentsService).create(
      {
        title: 'Customer records photographed at an external service desk',
        company: 'Polderstroom Energie',
        senderEmail: 'klantenservice@polderstroom.example',
        hotlinePhone: '0800 765 4321',
        hotlineEmail: 'datalek@polderstroom.example',
        discoveredAt: new Date(Date.now() - 36 * 3600_000).toISOString(),
        description:
          'Een medewerker van een bedrijf dat voor ons de klantenservice deed, heeft zonder reden klantgegevens bekeken. Van een deel van die gegevens maakte hij foto’s, die bij criminelen terechtkwamen.',
        measuresTaken:
          'We hebben de toegang van dat bedrijf beëindigd, het datalek gemeld bij de Autoriteit Persoonsgegevens en aangifte gedaan bij de politie. Een servicedesk kan nu veel minder gegevens opzoeken.',
        descriptionEn:
          'An employee of a company that ran our customer service looked at customer records without a reason. He took photos of some of them, and those photos reached criminals.',
        measuresTakenEn:
          'We ended that company’s access, reported the breach to the Autoriteit Persoonsgegevens and to the police, and limited what a service desk can look up.',
      },
      CLI_ACTOR,
    );
    const ctx: DemoContext = {
      app,
      config,
      baseUrl,
      tokens: { comms: ada.token, comms2: bram.token, hotline: chantal.token, admin: admin.token },
      incidentId: incident.id,
      say,
      async api<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
        const res = await fetch(baseUrl + path, {
          method,
          headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
          body: body !== undefined ? JSON.stringify(body) : undefined,
        });
        const text = await res.text();
        if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
        return (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T;
      },
    };

    say('Fraud-warning mailer demo (fictional company: Polderstroom Energie)');
    say('');
    say(`Incident #${incident.id} "${incident.title}" created; report to the Autoriteit Persoonsgegevens due ${incident.deadlines.notifyAuthority}.`);
    say('Staff tokens (shown once; send as "Authorization: Bearer <token>"):');
    say(`  comms    Ada Vermeulen   ${ada.token}`);
    say(`  comms    Bram Hoekstra   ${bram.token}`);
    say(`  hotline  Chantal Smit    ${chantal.token}`);
    say(`  admin    Dirk Jansen     ${admin.token}`);
    say('');
    for (const step of STEPS) await step(ctx);
    say('');
    say('What to try next (in another terminal: npm start, then):');
    say(`  curl -H "Authorization: Bearer ${ada.token}" http://localhost:${config.port}/api/incidents/${incident.id}`);
    say(`  curl -H "Authorization: Bearer ${admin.token}" "http://localhost:${config.port}/api/audit?limit=20"`);
    say(`  open http://localhost:${config.port}/api/docs for the whole API`);
    say('');
    say(`Staff console: ${config.publicBaseUrl}/console (start the server first: npm start)`);
    say('Two comms members can sign in there. Each opens their one-time set-up link (valid 72 h), chooses a');
    say('password and links an authenticator app (QR code or set-up key), then signs in at /console/sign-in:');
    say(`  Ada Vermeulen  ada.vermeulen@polderstroom.example  ${ada.setupUrl ?? ''}`);
    say(`  Bram Hoekstra  bram.hoekstra@polderstroom.example  ${bram.setupUrl ?? ''}`);
    say('One creates a campaign, the other approves it; new links: node dist/cli.js staff:create --name … --role comms --email …');
    return { incidentId: incident.id, tokens: ctx.tokens };
  } finally {
    await app.close();
  }
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoContext, DemoStep } from '../demo-context';
import { followCampaign } from './campaign.step';

const ALL_TIERS = ['photographed', 'viewed', 'searched'];

/** The mails of a later wave: nobody is warned twice, and the team sends its own news to those warned. */
export const wavesStep: DemoStep = async (ctx: DemoContext) => {
  ctx.say('Waves');
  const plan = await ctx.api<{ recipients: number; alreadyWarned: number }>('POST', `/api/incidents/${ctx.incidentId}/campaign-plans`, ctx.tokens.comms, { tiers: ALL_TIERS });
  ctx.say(`  A second warning campaign for all tiers would reach ${plan.recipients} customers: ${plan.alreadyWarned} were already warned at their tier.`);
  try {
    await ctx.api('POST', `/api/incidents/${ctx.incidentId}/campaigns`, ctx.tokens.comms, { tiers: ALL_TIERS });
  } catch (err) {
    ctx.say(`  Creating it anyway: ${err instanceof Error ? (/"message":"([^"]*)"/.exec(err.message)?.[1] ?? err.message) : String(err)}`);
  }
  const update = {
    nl: {
      subject: 'Nieuws over het datalek: het onderzoek is klaar',
      body: 'Het onderzoek naar het datalek is klaar. De foto’s van de gegevens zijn bij de politie.\n\nWij hebben geen aanwijzingen dat iemand uw gegevens al heeft gebruikt. Blijf wel alert op telefoontjes en berichten die vreemd zijn.',
    },
    en: {
      subject: 'News about the data breach: the investigation is finished',
      body: 'The investigation into the data breach is finished. The photos of the details are with the police.\n\nWe have no sign that anyone has used your details yet. Do stay alert to calls and messages that seem odd.',
    },
  };
  const created = await ctx.api<{ id: number; recipients: number; email: number; post: number }>('POST', `/api/incidents/${ctx.incidentId}/campaigns`, ctx.tokens.comms, {
    tiers: ['photographed'],
    kind: 'update',
    update,
  });
  ctx.say(`  Ada created update campaign #${created.id} for the photographed tier: ${created.recipients} letters (${created.email} by e-mail, ${created.post} by post).`);
  const dir = join(ctx.config.outboxDir, 'previews');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'update.nl.html'), await ctx.api<string>('GET', `/api/campaigns/${created.id}/sample-letter?language=nl`, ctx.tokens.comms));
  ctx.say('  Preview of the update letter → previews/update.nl.html');
  await ctx.api('POST', `/api/campaigns/${created.id}/approve`, ctx.tokens.comms2);
  await ctx.api('POST', `/api/campaigns/${created.id}/start`, ctx.tokens.comms);
  ctx.say('  Bram approved it (the approval covers the text too); started.');
  const state = await followCampaign(ctx, created.id);
  ctx.say(`  Update campaign #${created.id} ${state.status}: ${state.counts.sent} sent, ${state.counts.post} by post.`);
  ctx.say('');
};

import type { DemoContext, DemoStep } from '../demo-context';

interface CampaignState {
  id: number;
  status: string;
  pausedReason: string | null;
  counts: Record<'total' | 'email' | 'post' | 'pending' | 'queued' | 'sending' | 'sent' | 'retrying' | 'failed' | 'unknown' | 'delivered' | 'bounced' | 'clicked' | 'acknowledged', number>;
}

function bar(done: number, total: number, width = 30): string {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%`;
}

/** Polls a started campaign, drawing a progress bar, until it completed or paused. */
export async function followCampaign(ctx: DemoContext, id: number): Promise<CampaignState> {
  let state: CampaignState;
  const tty = process.stderr.isTTY;
  let lastLine = '';
  for (;;) {
    state = await ctx.api<CampaignState>('GET', `/api/campaigns/${id}`, ctx.tokens.comms);
    const c = state.counts;
    const finished = c.sent + c.failed + c.unknown;
    const line = `  ${bar(finished, c.email)} ${finished}/${c.email} e-mails done (${c.retrying} retrying) · ${state.status}`;
    if (line !== lastLine) {
      process.stderr.write(tty ? `\r${line}` : `${line}\n`);
      lastLine = line;
    }
    if (state.status === 'completed' || state.status === 'paused') break;
    await new Promise((r) => setTimeout(r, 250));
  }
  if (tty) process.stderr.write('\n');
  return state;
}

/** Creates the campaign for all tiers (Ada), has it approved by a colleague (Bram), starts it and follows it until done. */
export const campaignStep: DemoStep = async (ctx: DemoContext) => {
  ctx.say('Campaign');
  const created = await ctx.api<{ id: number; recipients: number; email: number; post: number }>('POST', `/api/incidents/${ctx.incidentId}/campaigns`, ctx.tokens.comms, {
    tiers: ['photographed', 'viewed', 'searched'],
  });
  ctx.campaignId = created.id;
  ctx.say(`  Ada created campaign #${created.id} for all tiers: ${created.recipients} letters (${created.email} by e-mail, ${created.post} by post).`);
  try {
    await ctx.api('POST', `/api/campaigns/${created.id}/approve`, ctx.tokens.comms);
  } catch (err) {
    ctx.say(`  Ada cannot approve her own campaign: ${err instanceof Error ? (/"message":"([^"]*)"/.exec(err.message)?.[1] ?? err.message) : String(err)}`);
  }
  await ctx.api('POST', `/api/campaigns/${created.id}/approve`, ctx.tokens.comms2);
  ctx.say('  Bram approved it (the approval covers this recipient set and template version).');
  await ctx.api('POST', `/api/campaigns/${created.id}/start`, ctx.tokens.comms);
  ctx.say(`  Started; sending at most ${ctx.config.sendRate} letters per second ${ctx.config.smtpUrl ? 'over SMTP' : `into ${ctx.config.outboxDir}/ as .eml files`}.`);

  const state = await followCampaign(ctx, created.id);
  const c = state.counts;
  if (state.status === 'paused') ctx.say(`  The campaign paused itself: ${state.pausedReason}`);
  ctx.say(`  Campaign #${created.id} ${state.status}: ${c.sent} sent, ${c.failed} failed, ${c.unknown} unknown, ${c.post} by post (${c.total} letters in total).`);
  ctx.say(`  Counts: ${JSON.stringify(c)}`);
  ctx.say(`  Postal list for the print house: GET /api/campaigns/${created.id}/postal`);
  ctx.say('');
};

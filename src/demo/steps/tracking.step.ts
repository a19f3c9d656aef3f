import { CampaignLettersService } from '../../campaigns/campaign-letters.service';
import type { DemoStep } from '../demo-context';

const BROWSER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const SCANNER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) BingPreview/1.0b';

/** Customers follow the links of a few sent letters; some press "I have read this"; a mail scanner visits too and is not counted. */
export const trackingStep: DemoStep = async (ctx) => {
  ctx.say('');
  ctx.say('Tracked links');
  if (ctx.campaignId === undefined) {
    ctx.say('  no campaign was sent, so there are no links to follow.');
    return;
  }
  const letters = await ctx.app.get(CampaignLettersService).findSentByCampaign(ctx.campaignId, 6);
  if (letters.length === 0) {
    ctx.say(`  campaign #${ctx.campaignId} has no sent e-mail letters yet, so there are no links to follow.`);
    return;
  }
  const visit = async (path: string, method: 'GET' | 'POST' | 'HEAD', ua = BROWSER_UA): Promise<number> => {
    const res = await fetch(ctx.baseUrl + path, {
      method,
      headers: { 'user-agent': ua, ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: method === 'POST' ? '' : undefined,
    });
    await res.arrayBuffer();
    return res.status;
  };

  const readers = letters.slice(0, Math.max(1, letters.length - 1));
  for (const letter of letters) await visit(`/l/${letter.token}`, 'GET', SCANNER_UA);
  for (const letter of readers) await visit(`/l/${letter.token}`, 'HEAD');
  for (const letter of readers) await visit(`/l/${letter.token}`, 'GET');
  await visit(`/l/${readers[0].token}`, 'GET');
  const acknowledgers = readers.slice(0, Math.ceil(readers.length / 2));
  for (const letter of acknowledgers) {
    await visit(`/l/${letter.token}/ack`, 'POST');
    await visit(`/l/${letter.token}/ack`, 'POST');
  }
  const unknown = await visit('/l/AAAAAAAAAAAAAAAAAAAAAA', 'GET');

  ctx.say(`  a mail scanner (BingPreview) opened all ${letters.length} links first, and HEAD requests checked ${readers.length}: neither counts`);
  ctx.say(`  ${readers.length} customers opened their letter's page (one of them twice); ${acknowledgers.length} pressed "I have read this" (twice each)`);
  ctx.say(`  an unknown link answers ${unknown} with general advice and the hotline`);
  const { counts } = await ctx.api<{ counts: { sent: number; clicked: number; acknowledged: number } }>('GET', `/api/campaigns/${ctx.campaignId}`, ctx.tokens.comms);
  ctx.say(`  GET /api/campaigns/${ctx.campaignId}: sent ${counts.sent}, clicked ${counts.clicked}, acknowledged ${counts.acknowledged}`);
  ctx.say(`  a letter's page (no personal data on it; with npm start): http://localhost:${ctx.config.port}/l/${readers[readers.length - 1].token}`);
};

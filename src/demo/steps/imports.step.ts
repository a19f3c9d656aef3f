import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fromRoot } from '../../common/project-root';
import type { ImportSummary } from '../../imports/imports.dto';
import type { DemoContext, DemoStep } from '../demo-context';

const SAMPLES: { tier: 'photographed' | 'viewed' | 'searched'; file: string }[] = [
  { tier: 'photographed', file: 'imports/samples/photographed.csv' },
  { tier: 'viewed', file: 'imports/samples/viewed.csv' },
  { tier: 'searched', file: 'imports/samples/searched.csv' },
];

/** Uploads a CSV like the communications team would (multipart over HTTP) and waits for the worker. */
async function upload(ctx: DemoContext, file: string, tier: string, dryRun = false): Promise<ImportSummary> {
  const form = new FormData();
  form.append('tier', tier);
  if (dryRun) form.append('dryRun', 'true');
  form.append('file', new Blob([readFileSync(fromRoot(file))], { type: 'text/csv' }), basename(file));
  const res = await fetch(`${ctx.baseUrl}/api/incidents/${ctx.incidentId}/imports`, { method: 'POST', headers: { authorization: `Bearer ${ctx.tokens.comms}` }, body: form });
  const accepted = (await res.json()) as { id: number; status: string; message?: string };
  if (res.status !== 202) throw new Error(`upload of ${file} answered ${res.status}: ${accepted.message}`);
  for (;;) {
    const summary = await ctx.api<ImportSummary>('GET', `/api/imports/${accepted.id}`, ctx.tokens.comms);
    if (summary.status === 'completed' || summary.status === 'failed') return summary;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const n = (v: number) => v.toLocaleString('en-US');

export const importsStep: DemoStep = async (ctx) => {
  ctx.say('== Import: three CSV exports, one per tier (uploaded over HTTP, processed by the imports queue) ==');
  const head = ['file', 'tier', 'encoding', 'sep', 'rows', 'rejected', 'warnings', 'new', 'updated', 'unchanged'];
  const lines: string[][] = [];
  for (const { tier, file } of SAMPLES) {
    const s = await upload(ctx, file, tier);
    if (s.status !== 'completed') throw new Error(`import of ${file} ${s.status}: ${s.message}`);
    lines.push([basename(file), tier, s.encoding ?? '', s.delimiter === '\t' ? 'tab' : (s.delimiter ?? ''), n(s.rowsRead), n(s.rowsRejected), n(s.warnings), n(s.customersCreated), n(s.customersUpdated), n(s.customersUnchanged)]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => '  ' + cells.map((c, i) => (i < 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  ctx.say(fmt(head));
  for (const l of lines) ctx.say(fmt(l));
  ctx.say('  (customers listed in two files count once, in their most severe tier; see imports/README.md)');

  const incident = await ctx.api<{ customers: { photographed: number; viewed: number; searched: number; total: number } }>('GET', `/api/incidents/${ctx.incidentId}`, ctx.tokens.comms);
  const c = incident.customers;
  ctx.say('');
  ctx.say('  Affected customers per tier');
  ctx.say(`    photographed  ${n(c.photographed).padStart(6)}`);
  ctx.say(`    viewed        ${n(c.viewed).padStart(6)}`);
  ctx.say(`    searched      ${n(c.searched).padStart(6)}`);
  ctx.say(`    total         ${n(c.total).padStart(6)}`);

  const again = await upload(ctx, 'imports/samples/viewed.csv', 'viewed');
  ctx.say('');
  ctx.say(`  Uploading viewed.csv again changes nothing: ${n(again.customersUnchanged)} unchanged, ${again.customersCreated} new, ${again.customersUpdated} updated.`);

  const dry = await upload(ctx, 'imports/samples/mistakes.csv', 'searched', true);
  ctx.say(`  Dry run of mistakes.csv: ${dry.rowsRead} rows, ${dry.rowsRejected} rejected, ${dry.warnings} warnings, nothing written. Rejects report (${dry.rejectsUrl.replace(/^https?:\/\/[^/]+/, '')}):`);
  const report = await ctx.api<string>('GET', `/api/imports/${dry.id}/rejects`, ctx.tokens.comms);
  for (const line of report.trim().split(/\r?\n/).slice(0, 9)) ctx.say(`    ${line}`);
  ctx.say('    …');
  ctx.say('');
};

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CustomersService } from '../../customers/customers.service';
import { fromRoot } from '../../common/project-root';
import { AffectedCustomer } from '../../customers/affected-customer.entity';
import { categoriesToMask, Category, Tier, TIER_SEVERITY, TIERS } from '../../customers/tiers';
import { Incident } from '../../incidents/incident.entity';
import { LettersService, PREVIEW_TOKEN } from '../../letters/letters.service';
import { LETTER_LANGUAGES, LetterLanguage } from '../../../emails/letters/wording';
import type { DemoStep } from '../demo-context';

/** Fictional people, one per tier, so each preview shows that tier's typical data and tips. */
const SAMPLES: Record<Tier, { name: string; birthDate: string; formerCustomer: boolean; exposed: Category[] }> = {
  photographed: { name: 'Wilhelmina de Groot', birthDate: '1941-03-12', formerCustomer: false, exposed: ['name', 'email', 'address', 'phone', 'birthDate', 'customerNumber', 'iban'] },
  viewed: { name: 'Hendrik van Dam', birthDate: '1944-08-30', formerCustomer: false, exposed: ['name', 'address', 'phone', 'birthDate', 'customerNumber'] },
  searched: { name: 'Fatima El Idrissi', birthDate: '1962-01-05', formerCustomer: true, exposed: ['name', 'address', 'customerNumber'] },
};

function sample(tier: Tier, language: LetterLanguage, incidentId: number): AffectedCustomer {
  const s = SAMPLES[tier];
  return Object.assign(new AffectedCustomer(), {
    id: '0',
    incidentId,
    customerNumber: 'PREVIEW',
    name: s.name,
    birthDate: s.birthDate,
    language,
    formerCustomer: s.formerCustomer,
    tierSeverity: TIER_SEVERITY[tier],
    exposedMask: categoriesToMask(s.exposed),
  });
}

/**
 * Writes one preview per tier and language (HTML and text, exactly as the sending code renders
 * them, with a placeholder link token) to <outbox>/previews/, then asks the preview API for the
 * letter of an imported customer the way the communications team would.
 */
export const lettersStep: DemoStep = async (ctx) => {
  const letters = ctx.app.get(LettersService);
  const db = ctx.app.get(DataSource);
  const incident = await db.getRepository(Incident).findOneByOrFail({ id: ctx.incidentId });
  const outbox = ctx.config.outboxDir.startsWith('/') ? ctx.config.outboxDir : fromRoot(ctx.config.outboxDir);
  const dir = join(outbox, 'previews');
  mkdirSync(dir, { recursive: true });

  ctx.say(`Letters (template version ${letters.templateVersion()}): previews in ${dir}`);
  for (const tier of TIERS) {
    for (const language of LETTER_LANGUAGES) {
      const letter = letters.render(incident, sample(tier, language, incident.id), { token: PREVIEW_TOKEN, sendDate: new Date() });
      writeFileSync(join(dir, `${tier}.${language}.html`), letter.html);
      writeFileSync(join(dir, `${tier}.${language}.txt`), `Subject: ${letter.subject}\n\n${letter.text}`);
      ctx.say(`  ${tier.padEnd(12)} ${language}  ${letter.tipIds.length} tips  "${letter.subject}"`);
    }
  }

  // The number is sealed in the table: pick the row, then read the customer through its owner.
  const [row] = await db.query<{ id: string }[]>('SELECT id FROM affected_customers WHERE incidentId = ? ORDER BY tierSeverity DESC, id LIMIT 1', [incident.id]);
  const first = row ? await ctx.app.get(CustomersService).findById(String(row.id)) : null;
  if (first) {
    const html = await ctx.api<string>('GET', `/api/incidents/${incident.id}/customers/${encodeURIComponent(first.customerNumber)}/letter`, ctx.tokens.comms);
    writeFileSync(join(dir, 'imported-customer.html'), html);
    ctx.say(`  preview API: the letter of the first imported customer (audited as letter.preview) → previews/imported-customer.html`);
  }
  ctx.say('');
};

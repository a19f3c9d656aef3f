/**
 * Letter rendering: 100,000 letters for varied customers with the compiled templates (one
 * Handlebars call per part), against compiling the MJML for every letter (measured on a sample in
 * the same run). Runs on one thread. Usage: npm run bench:render [-- <letters> <mjml-sample>]
 */
import Handlebars from 'handlebars';
import { loadConfig } from '../src/config/config';
import { AffectedCustomer } from '../src/customers/affected-customer.entity';
import { categoriesToMask, CATEGORIES, Category, TIER_SEVERITY, TIERS } from '../src/customers/tiers';
import { Incident } from '../src/incidents/incident.entity';
import { compileMjml, letterMjml } from '../src/letters/letter-templates';
import { LettersService } from '../src/letters/letters.service';
import { LETTER_LANGUAGES } from '../emails/letters/wording';

const LETTERS = Number(process.argv[2] ?? 100_000);
const MJML_SAMPLE = Number(process.argv[3] ?? 200);

const FIRST = ['Greet', 'Jan', 'Anneke', 'Mohamed', 'Wilhelmina', 'Pieter', 'Fatima', 'Kees', 'Ria', 'Henk'];
const LAST = ['de Vries', 'Jansen', 'van den Berg', 'El Amrani', 'Bakker-<b>Smit</b>', 'Visser', 'O’Brien', 'Mulder & Zn', 'Yılmaz', 'de Boer'];

function customers(n: number): AffectedCustomer[] {
  return Array.from({ length: n }, (_, i) => {
    // Every subset of categories (always the customer number), every tier, ages either side of 80.
    const exposed: Category[] = CATEGORIES.filter((c, bit) => c === 'customerNumber' || ((i * 37) >> bit) % 2 === 1);
    return Object.assign(new AffectedCustomer(), {
      id: String(i + 1),
      incidentId: 1,
      customerNumber: `K${String(i).padStart(7, '0')}`,
      name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`,
      email: `klant${i}@example.test`,
      birthDate: `${1925 + (i % 70)}-0${1 + (i % 9)}-1${i % 10}`,
      language: LETTER_LANGUAGES[i % 3 === 0 ? 1 : 0],
      formerCustomer: i % 11 === 0,
      tierSeverity: TIER_SEVERITY[TIERS[i % 3]],
      exposedMask: categoriesToMask(exposed),
    });
  });
}

async function main(): Promise<void> {
  const letters = new LettersService(loadConfig({ PUBLIC_BASE_URL: 'https://datalek.polderstroom.example' }));
  const compileStart = process.hrtime.bigint();
  await letters.onModuleInit();
  const compileMs = Number(process.hrtime.bigint() - compileStart) / 1e6;
  const incident = Object.assign(new Incident(), {
    id: 1,
    company: 'Polderstroom Energie',
    senderEmail: 'klantenservice@polderstroom.example',
    hotlinePhone: '0800 765 4321',
    hotlineEmail: 'datalek@polderstroom.example',
    discoveredAt: new Date('2026-11-20T09:00:00Z'),
    description: 'An employee of a contractor looked up customer records without a reason, photographed some of them and passed them on to criminals.',
    measuresTaken: 'We ended the contractor’s access.\nWe reported the breach to the Autoriteit Persoonsgegevens and the police.',
  });
  const people = customers(LETTERS);
  const sendDate = new Date('2026-11-24T08:00:00Z');
  const token = 'AbCdEfGhIjKlMnOpQrStUv';

  for (let i = 0; i < 2000; i++) letters.render(incident, people[i % people.length], { token, sendDate });

  let bytes = 0;
  const start = process.hrtime.bigint();
  for (const customer of people) {
    const letter = letters.render(incident, customer, { token, sendDate });
    bytes += letter.html.length + letter.text.length;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rate = LETTERS / seconds;

  // The slow way: fill the MJML source, then compile it, for every letter.
  const mjmlTemplates = new Map<string, HandlebarsTemplateDelegate>();
  const sample = people.slice(0, MJML_SAMPLE);
  const slowStart = process.hrtime.bigint();
  for (const customer of sample) {
    const view = letters.view(incident, customer, { token, sendDate });
    const key = `${view.tier}/${view.language}`;
    let template = mjmlTemplates.get(key);
    if (!template) {
      template = Handlebars.compile(letterMjml(view.tier, view.language));
      mjmlTemplates.set(key, template);
    }
    await compileMjml(template(view));
  }
  const slowSeconds = Number(process.hrtime.bigint() - slowStart) / 1e9;
  const slowRate = MJML_SAMPLE / slowSeconds;

  console.log(`templates compiled once in ${compileMs.toFixed(0)} ms (6 templates: 3 tiers x 2 languages)`);
  console.log(`compiled templates: ${LETTERS} letters (HTML + text) in ${seconds.toFixed(2)} s = ${Math.round(rate)} letters/s, avg ${Math.round(bytes / LETTERS)} chars per letter`);
  console.log(`MJML per letter:    ${MJML_SAMPLE} letters in ${slowSeconds.toFixed(2)} s = ${slowRate.toFixed(1)} letters/s`);
  console.log(`ratio: ${(rate / slowRate).toFixed(0)}x (targets: >= 20000 letters/s and >= 50x)`);
  console.log(JSON.stringify({ letters: LETTERS, lettersPerSecond: Math.round(rate), mjmlSample: MJML_SAMPLE, mjmlLettersPerSecond: Number(slowRate.toFixed(1)), ratio: Math.round(rate / slowRate) }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { AffectedCustomer } from '../customers/affected-customer.entity';
import { maskToCategories, tierFromSeverity } from '../customers/tiers';
import type { Incident } from '../incidents/incident.entity';
import { compileAllLetters, CompiledLetters, templatesHash } from './letter-templates';
import { buildLetterView, IncidentFacts, incidentFacts, LetterView, letterLanguage } from './letter-view';
import { selectTips, tipTexts } from './select-tips';
import type { LetterWave } from './wave-view';

export interface RenderedLetter {
  subject: string;
  html: string;
  text: string;
  /** Ids of the tips chosen for this letter, in order. */
  tipIds: string[];
}

export interface RenderOptions {
  /** The letter's link token; previews use a placeholder. */
  token: string;
  /** Ages are computed on this day. */
  sendDate: Date;
  /** A later wave's letter: follow-up, update or reminder. Absent: a first warning. */
  wave?: LetterWave;
}

/** Token shown in previews: the shape of a real one, obviously not one. */
export const PREVIEW_TOKEN = 'PREVIEW_PLACEHOLDER_00';

// Compiling takes a moment; several app instances in one process (tests, demo) share the result.
let compiled: Promise<CompiledLetters> | undefined;
let version: string | undefined;

/**
 * Public face of the letters module, used by campaigns (sending), tracking (landing page) and the
 * hotline (tips to repeat). Templates are compiled once at start-up; `render` is then synchronous
 * and cheap: one Handlebars call per part.
 */
@Injectable()
export class LettersService implements OnModuleInit {
  private templates: CompiledLetters | undefined;
  // A campaign renders thousands of letters from one incident object; its facts are worked out once.
  private readonly facts = new WeakMap<Incident, Partial<Record<'nl' | 'en', IncidentFacts>>>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.compileLetters) return;
    compiled ??= compileAllLetters();
    try {
      this.templates = await compiled;
    } catch (e) {
      compiled = undefined;
      throw e;
    }
  }

  /** The view model of a letter, as the templates get it. */
  view(incident: Incident, customer: AffectedCustomer, options: RenderOptions): LetterView {
    const tier = tierFromSeverity(customer.tierSeverity);
    const exposed = maskToCategories(customer.exposedMask);
    const tips = selectTips({ categories: exposed, tier, birthDate: customer.birthDate, sendDate: options.sendDate });
    const language = letterLanguage(customer.language);
    let perLanguage = this.facts.get(incident);
    if (!perLanguage) this.facts.set(incident, (perLanguage = {}));
    const facts = (perLanguage[language] ??= incidentFacts(incident, language));
    return buildLetterView(
      {
        incident,
        customer: { name: customer.name, language, formerCustomer: Boolean(customer.formerCustomer), tier, exposed },
        tips,
        token: options.token,
        publicBaseUrl: this.config.publicBaseUrl,
        wave: options.wave,
      },
      facts,
    );
  }

  render(incident: Incident, customer: AffectedCustomer, options: RenderOptions): RenderedLetter {
    if (!this.templates) throw new Error('letter templates are not compiled yet (LettersService.onModuleInit has not run)');
    const view = this.view(incident, customer, options);
    const template = this.templates[view.language][view.update ? 'update' : view.tier];
    return { subject: view.subject, html: template.html(view), text: template.text(view), tipIds: view.tips.map((t) => t.id) };
  }

  /** Changes whenever a template or the tip catalogue changes (part of what an approval covers). */
  templateVersion(): string {
    version ??= templatesHash();
    return version;
  }

  /** The tip texts for ids (as stored on a letter), in that order, in the given language. Unknown ids are skipped. */
  tipTexts(tipIds: string[], language: 'nl' | 'en'): string[] {
    return tipTexts(tipIds, letterLanguage(language));
  }
}

import { Injectable } from '@nestjs/common';
import type { AffectedCustomer } from '../customers/affected-customer.entity';
import type { Incident } from '../incidents/incident.entity';

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
}

/**
 * Public face of the letters module, used by campaigns (sending), tracking (landing page) and the
 * hotline (tips to repeat). PLACEHOLDER implementation until the letters issue lands: signatures
 * are the agreement, the bodies are not.
 */
@Injectable()
export class LettersService {
  render(incident: Incident, _customer: AffectedCustomer, options: RenderOptions): RenderedLetter {
    const subject = `Data breach at ${incident.company}: your details`;
    const text = `Placeholder letter ${options.token}`;
    return { subject, html: `<p>${text}</p>`, text, tipIds: [] };
  }

  /** Changes whenever a template or the tip catalogue changes (part of what an approval covers). */
  templateVersion(): string {
    return 'placeholder';
  }

  /** The tip texts for ids (as stored on a letter), in that order, in the given language. */
  tipTexts(tipIds: string[], language: 'nl' | 'en'): string[] {
    void language;
    return tipIds;
  }
}

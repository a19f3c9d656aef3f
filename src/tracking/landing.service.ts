import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CampaignLettersService } from '../campaigns/campaign-letters.service';
import { describeError } from '../common/json-logger';
import { CustomersService } from '../customers/customers.service';
import { Tier, tierFromSeverity } from '../customers/tiers';
import { Incident } from '../incidents/incident.entity';
import { LettersService } from '../letters/letters.service';
import { isHumanVisit, RequestSignals } from './link-scanners';
import { LINK_TOKEN_PATTERN } from './link-token';
import { Hotline, PAGE_HEADERS, PIXEL_GIF, PIXEL_HEADERS, renderLandingPage, renderNotFoundPage, renderThanksPage, renderUnavailablePage } from './pages/pages';
import type { PageLanguage } from './pages/texts';
import { TrackingService } from './tracking.service';

/** What the HTTP layer writes out as is. */
export interface PageResponse {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: Buffer;
}

/** The non-personal facts of one letter that its pages need. */
interface LetterFacts {
  letterId: string;
  campaignId: number;
  incidentId: number;
  tier: Tier;
  language: PageLanguage;
  tipIds: string[];
}

interface CachedIncident {
  incident: Incident;
  expires: number;
  /** Landing pages split around the token, per tier, language and tips. */
  pages: Map<string, [Buffer, Buffer]>;
  thanks: Map<PageLanguage, Buffer>;
}

/**
 * Letter facts change only when a letter is sent (its tips) and never afterwards; incident texts can
 * be edited, so they are re-read after INCIDENT_TTL_MS. Both caches only save reads: every process
 * can rebuild them from the database.
 */
const LETTER_TTL_MS = 10 * 60_000;
const LETTER_CACHE_MAX = 200_000;
const INCIDENT_TTL_MS = 60_000;
const MAX_LOADS_IN_FLIGHT = 3;
const TOKENS_PER_LOAD = 500;
const TOKEN_SLOT = '\u0000token\u0000';
const UNAVAILABLE = Buffer.from(renderUnavailablePage());

/** The customer's side of a letter: landing page, read confirmation and the opt-in open pixel. */
@Injectable()
export class LandingService {
  private readonly logger = new Logger(LandingService.name);
  private readonly letters = new Map<string, { facts: LetterFacts; expires: number }>();
  private readonly loading = new Map<string, Promise<LetterFacts | null>>();
  private readonly waiting = new Map<string, Array<{ resolve: (f: LetterFacts | null) => void; reject: (err: unknown) => void }>>();
  private loadsInFlight = 0;
  private readonly incidentCache = new Map<number, CachedIncident>();
  private notFound: { body: Buffer; expires: number } | null = null;

  constructor(
    private readonly campaignLetters: CampaignLettersService,
    private readonly customers: CustomersService,
    private readonly lettersService: LettersService,
    private readonly tracking: TrackingService,
    @InjectRepository(Incident) private readonly incidents: Repository<Incident>,
  ) {}

  /** GET (and HEAD) /l/:token: the page; a person's GET is counted as a click. */
  visit(token: string, signals: RequestSignals, isHead: boolean): Promise<PageResponse> {
    return this.orUnavailable(() => this.landingPage(token, signals, isHead));
  }

  /** POST /l/:token/ack: records the first read confirmation; repeats answer the same page. */
  acknowledge(token: string, signals: RequestSignals): Promise<PageResponse> {
    return this.orUnavailable(() => this.acknowledgePage(token, signals));
  }

  private async landingPage(token: string, signals: RequestSignals, isHead: boolean): Promise<PageResponse> {
    const facts = await this.factsFor(token);
    if (!facts) return this.notFoundPage();
    const incident = await this.incident(facts.incidentId);
    if (!incident) return this.notFoundPage();
    if (!isHead && isHumanVisit(signals)) await this.tracking.recordClick(facts.letterId, facts.campaignId);
    const [before, after] = this.landingParts(incident, facts);
    return { status: 200, headers: PAGE_HEADERS, body: Buffer.concat([before, Buffer.from(token, 'ascii'), after]) };
  }

  private async acknowledgePage(token: string, signals: RequestSignals): Promise<PageResponse> {
    const facts = await this.factsFor(token);
    if (!facts) return this.notFoundPage();
    const incident = await this.incident(facts.incidentId);
    if (!incident) return this.notFoundPage();
    if (isHumanVisit(signals)) await this.tracking.acknowledge(facts.letterId, facts.campaignId);
    let body = incident.thanks.get(facts.language);
    if (!body) {
      body = Buffer.from(renderThanksPage(facts.language, hotlineOf(incident.incident)));
      incident.thanks.set(facts.language, body);
    }
    return { status: 200, headers: PAGE_HEADERS, body };
  }

  /** GET /o/<token>.gif: always the image; the first open is recorded only when the incident tracks opens. */
  async pixel(file: string, signals: RequestSignals, isHead: boolean): Promise<PageResponse> {
    const token = file.endsWith('.gif') ? file.slice(0, -4) : file;
    try {
      const facts = await this.factsFor(token);
      const incident = facts && (await this.incident(facts.incidentId));
      if (facts && incident?.incident.trackOpens && !isHead && isHumanVisit(signals)) await this.tracking.recordOpen(facts.letterId, facts.campaignId);
    } catch (err) {
      // The image is answered regardless; an open is not worth an error in someone's mail client.
      this.logger.warn({ msg: 'open not recorded', ...describeError(err) });
    }
    return { status: 200, headers: PIXEL_HEADERS, body: PIXEL_GIF };
  }

  /** A customer gets a page in the same style, never a JSON error, when the database is away. */
  private async orUnavailable(work: () => Promise<PageResponse>): Promise<PageResponse> {
    try {
      return await work();
    } catch (err) {
      this.logger.error({ msg: 'customer page unavailable', ...describeError(err) });
      return { status: 503, headers: { ...PAGE_HEADERS, 'Retry-After': '60' }, body: UNAVAILABLE };
    }
  }

  private async factsFor(token: string): Promise<LetterFacts | null> {
    if (!LINK_TOKEN_PATTERN.test(token)) return null;
    const now = Date.now();
    const cached = this.letters.get(token);
    if (cached && cached.expires > now) return cached.facts;
    let pending = this.loading.get(token);
    if (!pending) {
      pending = this.loadFacts(token).finally(() => this.loading.delete(token));
      this.loading.set(token, pending);
    }
    const facts = await pending;
    if (facts) {
      if (this.letters.size >= LETTER_CACHE_MAX) this.letters.delete(this.letters.keys().next().value as string);
      this.letters.set(token, { facts, expires: now + LETTER_TTL_MS });
    }
    return facts;
  }

  /**
   * Resolves tokens in batches: while up to MAX_LOADS_IN_FLIGHT batches are being read, newly
   * requested tokens wait and then go together in the next one. Idle, a token is read at once;
   * under a burst of first clicks, hundreds share three queries.
   */
  private loadFacts(token: string): Promise<LetterFacts | null> {
    return new Promise((resolve, reject) => {
      const waiters = this.waiting.get(token);
      if (waiters) waiters.push({ resolve, reject });
      else this.waiting.set(token, [{ resolve, reject }]);
      this.startLoads();
    });
  }

  private startLoads(): void {
    while (this.loadsInFlight < MAX_LOADS_IN_FLIGHT && this.waiting.size > 0) {
      const batch = [...this.waiting].slice(0, TOKENS_PER_LOAD);
      for (const [token] of batch) this.waiting.delete(token);
      this.loadsInFlight++;
      this.loadBatch(batch.map(([token]) => token))
        .then(
          (found) => batch.forEach(([token, waiters]) => waiters.forEach((w) => w.resolve(found.get(token) ?? null))),
          (err: unknown) => batch.forEach(([, waiters]) => waiters.forEach((w) => w.reject(err))),
        )
        .finally(() => {
          this.loadsInFlight--;
          this.startLoads();
        });
    }
  }

  private async loadBatch(tokens: string[]): Promise<Map<string, LetterFacts>> {
    const found = await this.campaignLetters.findByTokens(tokens);
    // Only the tier and language are taken from the customer row; nothing else is kept.
    const customers = new Map((await this.customers.findByIds([...new Set(found.map((f) => f.letter.customerId))])).map((c) => [c.id, c]));
    const facts = new Map<string, LetterFacts>();
    for (const { letter, campaign } of found) {
      const customer = customers.get(letter.customerId);
      if (!customer) continue;
      facts.set(letter.token, {
        letterId: letter.id,
        campaignId: letter.campaignId,
        incidentId: campaign.incidentId,
        tier: tierFromSeverity(customer.tierSeverity),
        language: customer.language === 'en' ? 'en' : 'nl',
        tipIds: letter.tipIds ?? [],
      });
    }
    return facts;
  }

  private async incident(id: number): Promise<CachedIncident | null> {
    const now = Date.now();
    const cached = this.incidentCache.get(id);
    if (cached && cached.expires > now) return cached;
    const incident = await this.incidents.findOne({ where: { id } });
    if (!incident) return null;
    const entry: CachedIncident = { incident, expires: now + INCIDENT_TTL_MS, pages: new Map(), thanks: new Map() };
    this.incidentCache.set(id, entry);
    return entry;
  }

  private landingParts(cached: CachedIncident, facts: LetterFacts): [Buffer, Buffer] {
    const key = `${facts.tier}|${facts.language}|${facts.tipIds.join(',')}`;
    let parts = cached.pages.get(key);
    if (!parts) {
      const { incident } = cached;
      const html = renderLandingPage(
        {
          language: facts.language,
          company: incident.company,
          tier: facts.tier,
          // The same words as the letter: the English texts for English readers when the incident has them.
          description: (facts.language === 'en' && incident.descriptionEn) || incident.description,
          measuresTaken: (facts.language === 'en' && incident.measuresTakenEn) || incident.measuresTaken,
          discoveredAt: incident.discoveredAt,
          tips: this.tipTexts(facts),
          hotline: hotlineOf(incident),
        },
        `/l/${TOKEN_SLOT}/ack`,
      );
      const at = html.indexOf(TOKEN_SLOT);
      parts = [Buffer.from(html.slice(0, at)), Buffer.from(html.slice(at + TOKEN_SLOT.length))];
      cached.pages.set(key, parts);
    }
    return parts;
  }

  private tipTexts(facts: LetterFacts): string[] {
    if (facts.tipIds.length === 0) return [];
    try {
      return this.lettersService.tipTexts(facts.tipIds, facts.language);
    } catch (err) {
      this.logger.warn({ msg: 'tip texts unavailable; showing the general advice', letterId: facts.letterId, ...describeError(err) });
      return [];
    }
  }

  /**
   * One page for every unknown token, so an answer reveals nothing about which tokens exist. It
   * names the hotline of the most recent incident (an installation serves one company's breach at
   * a time); with no incident at all it explains how to find the company's number.
   */
  private async notFoundPage(): Promise<PageResponse> {
    const now = Date.now();
    if (!this.notFound || this.notFound.expires <= now) {
      const latest = await this.incidents.find({ order: { id: 'DESC' }, take: 1 });
      this.notFound = { body: Buffer.from(renderNotFoundPage(latest[0] ? hotlineOf(latest[0]) : null)), expires: now + INCIDENT_TTL_MS };
    }
    return { status: 404, headers: PAGE_HEADERS, body: this.notFound.body };
  }
}

function hotlineOf(incident: Incident): Hotline {
  return { company: incident.company, phone: incident.hotlinePhone, email: incident.hotlineEmail };
}

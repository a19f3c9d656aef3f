import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LetterState } from '../campaigns/letter.entity';
import { PRINTABLE } from './print-batches.service';

/** How a returned envelope is identified: the letter id, or the reference printed on it (`<batch>-<sequence>`). */
export type PostalReference = { kind: 'letter'; letterId: string } | { kind: 'sequence'; batchId: number; sequence: number };

/** What the console shows about a letter before it is recorded as returned: no name, no address. */
export interface ReturnCandidate {
  letterId: string;
  campaignId: number;
  batchId: number | null;
  sequence: number | null;
  printedAt: Date | null;
  postedAt: Date | null;
  returnedAt: Date | null;
}

/** An e-mail letter that failed, bounced or has an unknown outcome, and where it stands for print. */
export interface LetterNeedingPerson {
  id: string;
  outcome: 'failed' | 'unknown' | 'bounced';
  at: Date;
  batchId: number | null;
  sequence: number | null;
  printedAt: Date | null;
}

type CandidateRow = { letterId: string; campaignId: number; batchId: number | null; sequence: number | null; printedAt: Date | null; postedAt: Date | null; returnedAt: Date | null };
const CANDIDATE = 'SELECT l.id letterId, l.campaignId, i.batchId, i.sequence, l.printedAt, l.postedAt, l.returnedAt FROM letters l LEFT JOIN print_items i ON i.letterId = l.id';

/**
 * The letters' side of printing, as the console needs it: what still waits for a print batch,
 * which e-mails need a person, and which letter a returned envelope's reference means. Reads
 * letter ids, states and moments only; nothing of the customer.
 */
@Injectable()
export class PostalLettersService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Letters the next `Make print batch` would take: post letters, and e-mails that did not arrive. */
  async awaiting(campaignId: number): Promise<{ total: number; post: number; email: number }> {
    const [r]: { post: string | null; email: string | null }[] = await this.db.query(
      `SELECT SUM(l.channel = 'post') post, SUM(l.channel = 'email') email FROM letters l
        WHERE l.campaignId = ? AND ${PRINTABLE} AND NOT EXISTS (SELECT 1 FROM print_items i WHERE i.letterId = l.id)`,
      [campaignId],
    );
    const post = Number(r?.post ?? 0);
    const email = Number(r?.email ?? 0);
    return { total: post + email, post, email };
  }

  /** The first `limit` e-mail letters that failed, bounced or are unknown (oldest first), and how many there are. */
  async needingPerson(campaignId: number, limit: number): Promise<{ letters: LetterNeedingPerson[]; total: number }> {
    const where = "l.campaignId = ? AND l.channel = 'email' AND (l.state IN ('failed','unknown') OR l.bouncedAt IS NOT NULL)";
    type Row = { id: string; state: LetterState; bouncedAt: Date | null; updatedAt: Date; batchId: number | null; sequence: number | null; printedAt: Date | null };
    const [rows, [count]] = await Promise.all([
      this.db.query<Row[]>(`SELECT l.id, l.state, l.bouncedAt, l.updatedAt, i.batchId, i.sequence, l.printedAt FROM letters l LEFT JOIN print_items i ON i.letterId = l.id WHERE ${where} ORDER BY l.id LIMIT ?`, [campaignId, limit]),
      this.db.query<{ n: string }[]>(`SELECT COUNT(*) n FROM letters l WHERE ${where}`, [campaignId]),
    ]);
    return {
      total: Number(count?.n ?? 0),
      letters: rows.map((r) => ({
        id: String(r.id),
        // A bounce is reported after the server accepted the e-mail, so the letter's state stays `sent`.
        outcome: r.bouncedAt ? 'bounced' : r.state === 'unknown' ? 'unknown' : 'failed',
        at: r.bouncedAt ?? r.updatedAt,
        batchId: r.batchId === null ? null : Number(r.batchId),
        sequence: r.sequence === null ? null : Number(r.sequence),
        printedAt: r.printedAt,
      })),
    };
  }

  /** The letter each reference means, in the references' order; `null` where there is none. */
  async lookUp(refs: PostalReference[]): Promise<(ReturnCandidate | null)[]> {
    const ids = refs.flatMap((r) => (r.kind === 'letter' ? [r.letterId] : []));
    const pairs = refs.flatMap((r) => (r.kind === 'sequence' ? [[r.batchId, r.sequence]] : []));
    const none: CandidateRow[] = [];
    const [byId, bySequence] = await Promise.all([
      ids.length ? this.db.query<CandidateRow[]>(`${CANDIDATE} WHERE l.id IN (?)`, [ids]) : none,
      pairs.length ? this.db.query<CandidateRow[]>(`${CANDIDATE} WHERE (i.batchId, i.sequence) IN (?)`, [pairs]) : none,
    ]);
    const view = (r: CandidateRow): ReturnCandidate => ({
      ...r,
      letterId: String(r.letterId),
      campaignId: Number(r.campaignId),
      batchId: r.batchId === null ? null : Number(r.batchId),
      sequence: r.sequence === null ? null : Number(r.sequence),
    });
    const letters = new Map(byId.map((r) => [String(r.letterId), view(r)]));
    const seqs = new Map(bySequence.map((r) => [`${Number(r.batchId)}-${Number(r.sequence)}`, view(r)]));
    return refs.map((r) => (r.kind === 'letter' ? (letters.get(r.letterId) ?? null) : (seqs.get(`${r.batchId}-${r.sequence}`) ?? null)));
  }
}

/** The reference printed next to the address and in the manifest: batch and sequence, as print-render writes it. */
export function printReference(batchId: number, sequence: number): string {
  return `${batchId}-${String(sequence).padStart(6, '0')}`;
}

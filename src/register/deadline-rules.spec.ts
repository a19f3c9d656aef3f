import { awareAtLocked, computeDeadlines, DeadlineFacts, needsDelayReason, reminderDue, Submission } from './deadline-rules';

const controller = (awareAt: string, extra: Partial<DeadlineFacts> = {}): DeadlineFacts => ({ role: 'controller', awareAt: new Date(awareAt), controllerDeadlineHours: 48, riskLevel: 'high', ...extra });
const at = (iso: string) => new Date(iso);
const submission = (recipient: Submission['recipient'], submittedAt: string, delayReason: string | null = null, phase: Submission['phase'] = 'initial'): Submission => ({ recipient, phase, submittedAt: at(submittedAt), delayReason });

/** Wall-clock time in Amsterdam, to see what a person there reads on their clock. */
const amsterdam = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' }).format(d);

describe('computeDeadlines', () => {
  it('gives a controller the authority 72 hours from awareness and no controller deadline', () => {
    const d = computeDeadlines(controller('2026-11-20T09:30:00Z'), [], null, at('2026-11-21T00:00:00Z'));
    expect(d.map((x) => x.recipient)).toEqual(['authority', 'dataSubjects']);
    expect(d[0]).toEqual({ recipient: 'authority', dueAt: at('2026-11-23T09:30:00Z'), status: 'open', submittedAt: null, delayReason: null });
  });

  it('has no authority deadline when the risk is unlikely', () => {
    const d = computeDeadlines(controller('2026-11-20T09:30:00Z', { riskLevel: 'unlikely' }), [], null, at('2026-11-21T00:00:00Z'));
    expect(d.map((x) => x.recipient)).toEqual(['dataSubjects']);
  });

  it('counts 72 real hours across the end of summer time (the wall clock shows 71 hours later)', () => {
    // Summer time ends in the Netherlands on Sunday 25 October 2026 at 03:00 CEST → 02:00 CET.
    const d = computeDeadlines(controller('2026-10-23T10:00:00+02:00'), [], null, at('2026-10-23T12:00:00Z'));
    expect(d[0].dueAt).toEqual(at('2026-10-26T08:00:00Z'));
    expect(amsterdam(d[0].dueAt!)).toBe('26/10/2026, 09:00');
  });

  it('counts 72 real hours across the start of summer time (the wall clock shows 73 hours later)', () => {
    // Summer time starts on Sunday 29 March 2026 at 02:00 CET → 03:00 CEST.
    const d = computeDeadlines(controller('2026-03-27T10:00:00+01:00'), [], null, at('2026-03-27T12:00:00Z'));
    expect(amsterdam(d[0].dueAt!)).toBe('30/03/2026, 11:00');
  });

  it('gives the same instant whatever time zone awareAt was written in', () => {
    const a = computeDeadlines(controller('2026-11-20T15:00:00+05:30'), [], null, at('2026-11-20T12:00:00Z'));
    const b = computeDeadlines(controller('2026-11-20T09:30:00Z'), [], null, at('2026-11-20T12:00:00Z'));
    expect(a[0].dueAt).toEqual(b[0].dueAt);
  });

  it('gives a processor the contract term to tell the controller, before the authority deadline', () => {
    const facts = controller('2026-11-20T09:30:00Z', { role: 'processor', controllerDeadlineHours: 24 });
    const d = computeDeadlines(facts, [], null, at('2026-11-20T10:00:00Z'));
    expect(d.map((x) => [x.recipient, x.dueAt?.toISOString() ?? null, x.status])).toEqual([
      ['authority', '2026-11-23T09:30:00.000Z', 'open'],
      ['controller', '2026-11-21T09:30:00.000Z', 'open'],
      ['dataSubjects', null, 'open'],
    ]);
  });

  it('processor chain: the controller told in time is met while the authority deadline stays open', () => {
    const facts = controller('2026-11-20T09:30:00Z', { role: 'processor' });
    const d = computeDeadlines(facts, [submission('controller', '2026-11-21T08:00:00Z')], null, at('2026-11-22T20:00:00Z'));
    expect(d.find((x) => x.recipient === 'controller')).toMatchObject({ status: 'met', submittedAt: at('2026-11-21T08:00:00Z') });
    expect(d.find((x) => x.recipient === 'authority')).toMatchObject({ status: 'open', submittedAt: null });
  });

  it('is late when the due time passed without a submission', () => {
    const d = computeDeadlines(controller('2026-11-20T09:30:00Z'), [], null, at('2026-11-23T09:30:01Z'));
    expect(d[0].status).toBe('late');
  });

  it('is met when submitted late with a reason, and late when submitted late without one', () => {
    const late = '2026-11-24T10:00:00Z';
    expect(computeDeadlines(controller('2026-11-20T09:30:00Z'), [submission('authority', late, 'Scope unclear until the forensic report')], null, at(late))[0].status).toBe('met');
    expect(computeDeadlines(controller('2026-11-20T09:30:00Z'), [submission('authority', late)], null, at(late))[0].status).toBe('late');
  });

  it('takes the first submission; a supplement later does not change it', () => {
    const subs = [submission('authority', '2026-11-25T00:00:00Z', null, 'supplement'), submission('authority', '2026-11-21T00:00:00Z')];
    const d = computeDeadlines(controller('2026-11-20T09:30:00Z'), subs, null, at('2026-11-26T00:00:00Z'));
    expect(d[0]).toMatchObject({ status: 'met', submittedAt: at('2026-11-21T00:00:00Z') });
  });

  it('meets the data subjects deadline with the first warning letter sent', () => {
    const d = computeDeadlines(controller('2026-11-20T09:30:00Z'), [], at('2026-11-21T07:00:00Z'), at('2026-11-22T00:00:00Z'));
    expect(d.at(-1)).toEqual({ recipient: 'dataSubjects', dueAt: null, status: 'met', submittedAt: at('2026-11-21T07:00:00Z'), delayReason: null });
  });
});

describe('needsDelayReason and awareAtLocked', () => {
  it('asks for a reason only after the due time', () => {
    expect(needsDelayReason(at('2026-11-23T09:30:00Z'), at('2026-11-23T09:30:00Z'))).toBe(false);
    expect(needsDelayReason(at('2026-11-23T09:30:00Z'), at('2026-11-23T09:30:00.001Z'))).toBe(true);
    expect(needsDelayReason(null, at('2030-01-01T00:00:00Z'))).toBe(false);
  });

  it('locks awareAt once any deadline has a submission', () => {
    const facts = controller('2026-11-20T09:30:00Z');
    expect(awareAtLocked(computeDeadlines(facts, [], null, at('2026-11-21T00:00:00Z')))).toBe(false);
    expect(awareAtLocked(computeDeadlines(facts, [submission('authority', '2026-11-21T00:00:00Z')], null, at('2026-11-21T00:00:00Z')))).toBe(true);
    expect(awareAtLocked(computeDeadlines(facts, [], at('2026-11-21T00:00:00Z'), at('2026-11-21T00:00:00Z')))).toBe(true);
  });
});

describe('reminderDue', () => {
  const open = (due: string) => computeDeadlines(controller(new Date(at(due).getTime() - 72 * 3600_000).toISOString()), [], null, at('2000-01-01T00:00:00Z'))[0];
  const due = '2026-11-23T09:30:00Z';

  it('gives nothing more than 24 hours before', () => {
    expect(reminderDue({ ...open(due), status: 'open' }, at('2026-11-22T09:29:59Z'))).toBeNull();
  });

  it('gives the 24-hour reminder from 24 hours before, and the 4-hour one in the last 4 hours', () => {
    expect(reminderDue(open(due), at('2026-11-22T09:30:00Z'))).toBe('24h');
    expect(reminderDue(open(due), at('2026-11-23T05:29:59Z'))).toBe('24h');
    expect(reminderDue(open(due), at('2026-11-23T05:30:00Z'))).toBe('4h');
    expect(reminderDue(open(due), at('2026-11-23T09:29:59Z'))).toBe('4h');
  });

  it('gives nothing after the due time or for a deadline that was met', () => {
    expect(reminderDue(open(due), at('2026-11-23T09:30:00Z'))).toBeNull();
    expect(reminderDue({ ...open(due), status: 'met' }, at('2026-11-23T08:00:00Z'))).toBeNull();
  });
});

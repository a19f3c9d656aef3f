/**
 * The `Look up a caller` form as plain functions: what was typed, the problems to show next to the
 * fields, and the body for HotlineService.lookup (which checks everything again: it is the API's
 * rule). Empty fields are left out of the body, so a blank `Addition` is "no addition", not a value.
 */
export interface LookupForm {
  incidentId: string;
  reason: string;
  customerNumber: string;
  postcode: string;
  houseNumber: string;
  houseNumberSuffix: string;
  birthDate: string;
}

export type LookupProblem = 'required' | 'both' | 'neither' | 'address-incomplete';

export const LOOKUP_FIELDS: (keyof LookupForm)[] = ['incidentId', 'reason', 'customerNumber', 'postcode', 'houseNumber', 'houseNumberSuffix', 'birthDate'];

export function readLookupForm(body: Record<string, unknown>): LookupForm {
  const get = (k: string) => (typeof body[k] === 'string' ? (body[k]).trim() : '');
  return Object.fromEntries(LOOKUP_FIELDS.map((k) => [k, get(k)])) as unknown as LookupForm;
}

export function checkLookupForm(form: LookupForm): { problems: Partial<Record<keyof LookupForm, LookupProblem>>; body?: Record<string, string> } {
  const problems: Partial<Record<keyof LookupForm, LookupProblem>> = {};
  if (!form.incidentId) problems.incidentId = 'required';
  if (!form.reason) problems.reason = 'required';
  const byNumber = form.customerNumber !== '';
  const byAddress = [form.postcode, form.houseNumber, form.houseNumberSuffix, form.birthDate].some((v) => v !== '');
  if (byNumber && byAddress) problems.customerNumber = 'both';
  else if (!byNumber && !byAddress) problems.customerNumber = 'neither';
  else if (byAddress) {
    if (!form.postcode) problems.postcode = 'address-incomplete';
    if (!form.houseNumber) problems.houseNumber = 'address-incomplete';
  }
  if (Object.keys(problems).length) return { problems };
  const body: Record<string, string> = { incidentId: form.incidentId, reason: form.reason };
  const fields: (keyof LookupForm)[] = byNumber ? ['customerNumber'] : ['postcode', 'houseNumber', 'houseNumberSuffix', 'birthDate'];
  for (const k of fields) if (form[k]) body[k] = form[k];
  return { problems, body };
}

/** Which field an API refusal (400) is about, from the field name it mentions first. */
export function fieldOfMessage(message: string): keyof LookupForm {
  const order: [RegExp, keyof LookupForm][] = [
    [/^incidentId/, 'incidentId'],
    [/^reason/, 'reason'],
    [/^customerNumber/, 'customerNumber'],
    [/^postcode/, 'postcode'],
    [/^houseNumberSuffix/, 'houseNumberSuffix'],
    [/^houseNumber/, 'houseNumber'],
    [/^birthDate/, 'birthDate'],
  ];
  return order.find(([re]) => re.test(message))?.[1] ?? 'customerNumber';
}

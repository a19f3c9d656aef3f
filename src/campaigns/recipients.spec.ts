import { channelFor, describeApprovalChanges, diffRecipients, RecipientsHasher } from './recipients';

const customer = (id: string, email: string | null = `c${id}@example.test`) => ({
  id,
  email,
  name: `Klant ${id}`,
  street: 'Dorpsstraat',
  houseNumber: '1',
  houseNumberSuffix: '',
  postcode: '1234 AB',
  city: 'Testdorp',
  language: 'nl' as const,
  tierSeverity: 2,
  exposedMask: 3,
});

describe(channelFor.name, () => {
  it('sends by e-mail only to a usable address', () => {
    expect(channelFor({ email: 'a@b.nl' })).toBe('email');
    expect(channelFor({ email: null })).toBe('post');
    expect(channelFor({ email: 'not an address' })).toBe('post');
  });
});

describe(RecipientsHasher.name, () => {
  const hashOf = (list: ReturnType<typeof customer>[]) => {
    const h = new RecipientsHasher();
    list.forEach((c) => h.add(c));
    return h.digest();
  };

  it('is the same for the same recipients and changes with any contact detail, channel or member', () => {
    const base = [customer('1'), customer('2')];
    expect(hashOf(base)).toBe(hashOf([customer('1'), customer('2')]));
    expect(hashOf([customer('1'), { ...customer('2'), city: 'Elders' }])).not.toBe(hashOf(base));
    expect(hashOf([customer('1'), customer('2', null)])).not.toBe(hashOf(base));
    expect(hashOf([customer('1')])).not.toBe(hashOf(base));
    expect(hashOf([customer('1'), { ...customer('2'), tierSeverity: 3 }])).not.toBe(hashOf(base));
  });
});

describe(diffRecipients.name, () => {
  it('counts added, removed and channel changes', () => {
    const letters = new Map([['1', 'email' as const], ['2', 'email' as const], ['3', 'post' as const]]);
    const now = new Map([['1', 'email' as const], ['2', 'post' as const], ['4', 'email' as const]]);
    expect(diffRecipients(letters, now)).toEqual({ added: 1, removed: 1, channelChanged: 1 });
  });
});

describe(describeApprovalChanges.name, () => {
  it('says what changed and what to do', () => {
    const text = describeApprovalChanges({ recipients: { added: 2, removed: 0, channelChanged: 0, detailsChanged: false }, template: { approved: 'v1', now: 'v2' } });
    expect(text).toMatch(/2 added/);
    expect(text).toMatch(/approved version v1, now v2/);
    expect(text).toMatch(/approve the campaign again/);
  });
});

import { checkLookupForm, fieldOfMessage, readLookupForm } from './lookup-form';

const base = { incidentId: '3', reason: 'Caller asks about the letter' };

describe(checkLookupForm.name, () => {
  it('builds a customer-number lookup', () => {
    expect(checkLookupForm(readLookupForm({ ...base, customerNumber: ' K1000001 ' }))).toEqual({ problems: {}, body: { ...base, customerNumber: 'K1000001' } });
  });

  it('builds an address lookup and leaves empty optional fields out', () => {
    const form = readLookupForm({ ...base, postcode: '1234 ab', houseNumber: '12', houseNumberSuffix: '', birthDate: '' });
    expect(checkLookupForm(form).body).toEqual({ ...base, postcode: '1234 ab', houseNumber: '12' });
    expect(checkLookupForm({ ...form, birthDate: '07-03-1950' }).body).toEqual({ ...base, postcode: '1234 ab', houseNumber: '12', birthDate: '07-03-1950' });
  });

  it('asks for a reason, and for one kind of identifier', () => {
    expect(checkLookupForm(readLookupForm({ incidentId: '3' })).problems).toEqual({ reason: 'required', customerNumber: 'neither' });
    expect(checkLookupForm(readLookupForm({ ...base, customerNumber: 'K1', postcode: '1234 AB' })).problems).toEqual({ customerNumber: 'both' });
    expect(checkLookupForm(readLookupForm({ ...base, postcode: '1234 AB' })).problems).toEqual({ houseNumber: 'address-incomplete' });
    expect(checkLookupForm(readLookupForm({ ...base, birthDate: '07-03-1950' })).problems).toEqual({ postcode: 'address-incomplete', houseNumber: 'address-incomplete' });
  });

  it('ignores anything that is not text (a browser sends only strings)', () => {
    expect(readLookupForm({ ...base, customerNumber: ['K1', 'K2'] }).customerNumber).toBe('');
  });
});

describe(fieldOfMessage.name, () => {
  it('finds the field an API message is about', () => {
    expect(fieldOfMessage('postcode must be a complete postcode')).toBe('postcode');
    expect(fieldOfMessage('houseNumberSuffix must be letters')).toBe('houseNumberSuffix');
    expect(fieldOfMessage('houseNumber must be the house number')).toBe('houseNumber');
    expect(fieldOfMessage('Something else')).toBe('customerNumber');
  });
});

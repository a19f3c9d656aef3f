import { Keyring, parseDataKeys } from '../data-keys/keyring';
import { openCustomer, PersonalFields, personalFromText, personalText, sealCustomer } from './sealed-customer';

const keyring = new Keyring(parseDataKeys(undefined, false));
const ans: PersonalFields = {
  customerNumber: 'K-001',
  name: 'Ans "Kok"\t\\ van der Berg',
  email: 'ans@mail.example',
  phone: '+31612345678',
  street: 'Polderweg',
  houseNumber: '12',
  houseNumberSuffix: '',
  postcode: '1641 AB',
  city: 'Lindehoven',
  birthDate: '1940-03-01',
};

describe(sealCustomer.name, () => {
  it('seals every personal field as one value and opens it back exactly (null stays null, "" stays "")', () => {
    const sealed = sealCustomer(keyring, ans);
    expect(openCustomer(keyring, sealed.personal)).toEqual(ans);
    const sparse = { ...ans, email: null, phone: null, street: null, houseNumber: null, postcode: null, city: null, birthDate: null };
    expect(personalFromText(personalText(sparse))).toEqual(sparse);
    for (const v of ['K-001', 'Polderweg', '1641 AB', '1940-03-01', 'ans@mail']) expect(sealed.personal.includes(Buffer.from(v))).toBe(false);
  });

  it('gives the blind indexes of the number and the address, and says whether there is an e-mail address', () => {
    const sealed = sealCustomer(keyring, ans);
    expect(sealed.numberIndex).toEqual(keyring.numberIndex('K-001'));
    expect(sealed.addressIndex).toEqual(keyring.addressIndex('1641 AB', '12', ''));
    expect(sealed).toMatchObject({ dataKeyId: 'dev', hasEmail: true });
    expect(sealCustomer(keyring, { ...ans, postcode: null, email: null })).toMatchObject({ addressIndex: null, hasEmail: false });
  });
});

import { uploadFileName } from './upload-folder';

describe(uploadFileName.name, () => {
  it('names an upload after its incident, so the purge finds it, and after nothing else', () => {
    expect(uploadFileName('12', 'abc')).toBe('incident-12-abc.upload');
  });

  it('falls back to the random name when the route has no numeric incident id', () => {
    expect(uploadFileName(undefined, 'abc')).toBe('abc.upload');
    expect(uploadFileName('../etc', 'abc')).toBe('abc.upload');
    expect(uploadFileName('12345678901', 'abc')).toBe('abc.upload');
  });
});

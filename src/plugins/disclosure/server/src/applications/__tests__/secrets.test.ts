// Query codes and tracking numbers: the code is hashed with a salt, verified whatever its typing, and an unknown
// number costs the same work as a known one.
import { hashQueryCode, newQueryCode, newTrackingNumber, normalizeQueryCode, verifyQueryCode } from '../secrets';

describe('query codes', () => {
  it('are twelve unambiguous symbols, different each time', () => {
    const codes = new Set(Array.from({ length: 200 }, newQueryCode));
    expect(codes.size).toBe(200);
    for (const code of codes)
      expect(code).toMatch(/^[A-HJKMNP-TW-Z2-9]{4}-[A-HJKMNP-TW-Z2-9]{4}-[A-HJKMNP-TW-Z2-9]{4}$/);
  });

  it('are stored as a salted scrypt hash that verifies the code however it is typed', async () => {
    const code = newQueryCode();
    const a = await hashQueryCode(code);
    const b = await hashQueryCode(code);
    expect(a).not.toBe(b);
    expect(a).not.toContain(normalizeQueryCode(code));
    expect(await verifyQueryCode(code, a)).toBe(true);
    expect(await verifyQueryCode(` ${code.toLowerCase().replace(/-/g, ' ')} `, b)).toBe(true);
    expect(await verifyQueryCode(newQueryCode(), a)).toBe(false);
  });

  it('never match a missing or malformed hash', async () => {
    const code = newQueryCode();
    expect(await verifyQueryCode(code, null)).toBe(false);
    expect(await verifyQueryCode(code, undefined)).toBe(false);
    expect(await verifyQueryCode(code, 'plain-text')).toBe(false);
  });
});

describe('tracking numbers', () => {
  it('carry the date received and a random part, within the schema regex', () => {
    const number = newTrackingNumber('2026-11-28');
    expect(number).toMatch(/^YSQ-20261128-[A-Z0-9]{6}$/);
    expect(number).toMatch(/^[A-Z0-9][A-Z0-9-]{3,39}$/);
  });
});

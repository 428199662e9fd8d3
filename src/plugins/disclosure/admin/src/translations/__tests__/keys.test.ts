// The admin's messages exist in both languages: the same keys, none empty, the same {placeholders} in each.
import en from '../en.json';
import zh from '../zh-Hans.json';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('admin translations', () => {
  it('en and zh-Hans have identical keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(en).length).toBeGreaterThan(0);
  });

  it('no message is empty, and each uses the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(en as Record<string, string>)) {
      const other = (zh as Record<string, string>)[key];
      expect([
        key,
        typeof text === 'string' && text.trim() !== '',
        typeof other === 'string' && other.trim() !== '',
      ]).toEqual([key, true, true]);
      expect([key, placeholders(other)]).toEqual([key, placeholders(text)]);
    }
  });
});

/**
 * Readable, unique slugs from titles. slugify alone drops Chinese characters, so Chinese is first written in
 * toneless pinyin (pinyin-pro), one syllable per word: "驻马店市公共资源交易中心" → "zhu-ma-dian-shi-gong-gong-…".
 */
import { pinyin } from 'pinyin-pro';
import slugify from 'slugify';

const MAX_LENGTH = 80;
const HAN = /[\u3400-\u9fff]/;

export function slugFromTitle(title: string): string {
  const romanized = HAN.test(title)
    ? pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(' ')
    : title;
  const slug = slugify(romanized, { lower: true, strict: true, trim: true }).replace(/-+/g, '-');
  if (slug.length <= MAX_LENGTH) return slug || 'untitled';
  return slug.slice(0, MAX_LENGTH).replace(/-[^-]*$/, '') || slug.slice(0, MAX_LENGTH);
}

/** The base slug, or base-2, base-3 … : the first one `isTaken` says is free. */
export async function uniqueSlug(base: string, isTaken: (candidate: string) => Promise<boolean>): Promise<string> {
  for (let n = 1; n < 1000; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await isTaken(candidate))) return candidate;
  }
  throw new Error(`No free slug for "${base}"`);
}

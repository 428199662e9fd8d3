// The text an import reads: width-normalized (full-width digits, brackets and punctuation become ASCII, character by
// character, so offsets stay those of the source), with line/column places and a compact view for matching labels.

/** Where something was read: offsets are UTF-16 indexes into the text given to the importer; line and column from 1. */
export interface SourcePlace {
  offset: number;
  length: number;
  line: number;
  column: number;
  /** The source text at that place (shortened when long). */
  text: string;
}

/** Maps one character to its half-width form; keeps the length (one UTF-16 unit in, one out). */
export function normalizeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000 || code === 0x00a0 || code === 0x2002 || code === 0x2003 || code === 0x2009) return ' ';
  return ch;
}

export const normalizeWidth = (s: string): string => {
  let out = '';
  for (let i = 0; i < s.length; i++) out += normalizeChar(s[i]);
  return out;
};

/** Characters a label comparison ignores: spacing and quotes vary between reports of the same format. */
const IGNORED_IN_LABELS = /[\s"'“”‘’「」『』]/;

/** A label as compared: width-normalized, without spacing or quotes. */
export const compactLabel = (s: string): string =>
  [...normalizeWidth(s)].filter((c) => !IGNORED_IN_LABELS.test(c)).join('');

export class SourceText {
  /** Width-normalized text, same length and offsets as the original. */
  readonly text: string;
  private readonly lineStarts: number[];
  /** The text without ignored characters, and the offset in `text` of each of its characters. */
  readonly compact: string;
  readonly compactToOffset: number[];

  constructor(readonly original: string) {
    this.text = normalizeWidth(original.replace(/\r\n?/g, (m) => (m.length === 2 ? ' \n' : '\n')));
    this.lineStarts = [0];
    for (let i = 0; i < this.text.length; i++) if (this.text[i] === '\n') this.lineStarts.push(i + 1);
    let compact = '';
    const map: number[] = [];
    for (let i = 0; i < this.text.length; i++) {
      if (IGNORED_IN_LABELS.test(this.text[i])) continue;
      compact += this.text[i];
      map.push(i);
    }
    this.compact = compact;
    this.compactToOffset = map;
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  place(offset: number, length: number): SourcePlace {
    const line = this.lineOf(offset);
    const raw = this.original.slice(offset, offset + length);
    return {
      offset,
      length,
      line,
      column: offset - this.lineStarts[line - 1] + 1,
      text: raw.length > 60 ? `${raw.slice(0, 57)}…` : raw,
    };
  }

  /** Offset in `text` of compact index i (the end of the text when i is past the end). */
  offsetOfCompact(i: number): number {
    return i < this.compactToOffset.length ? this.compactToOffset[i] : this.text.length;
  }

  /** Compact index of the first compact character at or after `offset`. */
  compactIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.compactToOffset.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compactToOffset[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Lines with their offsets. */
  lines(): Array<{ start: number; end: number; text: string }> {
    return this.lineStarts.map((start, i) => {
      const end = i + 1 < this.lineStarts.length ? this.lineStarts[i + 1] - 1 : this.text.length;
      return { start, end, text: this.text.slice(start, end) };
    });
  }
}

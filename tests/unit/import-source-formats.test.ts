// The originals of imported reports: .txt and .html only through checkImportSource (the import's own upload path);
// the media library's check (checkUpload) still refuses them. Binary forms keep their signature check.
import { checkImportSource, checkUpload } from '../../src/uploads/formats';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('checkImportSource', () => {
  it('accepts text and HTML that are text, which the media library refuses', () => {
    expect(checkImportSource('r.txt', bytes('驻马店市'))).toMatchObject({ ok: true, format: { label: 'Text' } });
    expect(checkImportSource('R.HTML', bytes('<!doctype html>'))).toMatchObject({
      ok: true,
      format: { label: 'HTML' },
    });
    expect(checkImportSource('r.htm', bytes('<p>'))).toMatchObject({ ok: true, format: { label: 'HTML' } });
    expect(checkUpload('r.txt', bytes('text'))).toEqual({ ok: false, reason: 'extension', extension: '.txt' });
    expect(checkUpload('r.html', bytes('<html>'))).toEqual({ ok: false, reason: 'extension', extension: '.html' });
  });

  it('refuses binary content named .txt, and other types', () => {
    expect(checkImportSource('r.txt', new Uint8Array([0x4d, 0x5a, 0x00, 0x01]))).toMatchObject({
      ok: false,
      reason: 'content',
      extension: '.txt',
    });
    expect(checkImportSource('r.exe', bytes('MZ'))).toEqual({ ok: false, reason: 'extension', extension: '.exe' });
    expect(checkImportSource('r.svg', bytes('<svg>'))).toEqual({ ok: false, reason: 'extension', extension: '.svg' });
    expect(checkImportSource('r.xlsx', bytes('PK\x03\x04'))).toEqual({
      ok: false,
      reason: 'extension',
      extension: '.xlsx',
    });
  });

  it('checks the signature of .pdf and .docx', () => {
    expect(checkImportSource('r.pdf', bytes('%PDF-1.7'))).toMatchObject({ ok: true, format: { label: 'PDF' } });
    expect(checkImportSource('r.pdf', bytes('<html>'))).toMatchObject({ ok: false, reason: 'content' });
    expect(checkImportSource('r.docx', bytes('PK\x03\x04'))).toMatchObject({ ok: true });
    expect(checkImportSource('r.docx', bytes('text'))).toMatchObject({ ok: false, reason: 'content' });
  });
});

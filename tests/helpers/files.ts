/** Real files of the formats the media library meets, made in memory for the upload tests. */
import JSZip from 'jszip';

/** A valid 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A minimal one-page PDF. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** A Word document (OOXML zip with the parts file-type and Word look for). */
export async function docx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    'word/document.xml',
    '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>',
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A script that, if it ever ran in the admin's origin, would mark the window and try to mint an admin token. */
export const HOSTILE_SCRIPT =
  "window.__pwned = 1; fetch('/admin/access-token', { method: 'POST', credentials: 'include' }).then(() => { window.__pwned = 2; });";
export const HTML = Buffer.from(
  `<!doctype html><html><body><h1>hi</h1><script>${HOSTILE_SCRIPT}</script></body></html>`,
);
export const JS = Buffer.from(HOSTILE_SCRIPT);
export const SVG = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" onload="${HOSTILE_SCRIPT.replace(/"/g, '&quot;')}"><script>${HOSTILE_SCRIPT}</script></svg>`,
);

/** A zip with the given entries (OOXML, OFD and plain archives are all zips). */
export async function zipOf(entries: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(entries)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** The start of an OLE2 compound file (Word/Excel 97–2003, WPS, ET), padded to a sector. */
export const CFB = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
export const RAR = Buffer.concat([Buffer.from('Rar!\x1a\x07\x01\x00', 'latin1'), Buffer.alloc(64)]);
export const SEVEN_Z = Buffer.concat([Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0x00, 0x04]), Buffer.alloc(64)]);

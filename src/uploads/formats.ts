/**
 * The file formats the media library accepts, declared once: the upload gate, Strapi's own upload `security` lists
 * (config/plugins.ts) and the headers of /uploads (src/middlewares/uploads-headers.ts) all read this table.
 *
 * Every accepted format is binary with a fixed signature, so a file is accepted only when its extension belongs to a
 * format AND its first bytes are that format's signature. Text formats (HTML, SVG, XML, JS …) can carry script and
 * are refused whatever they are called; an SVG renamed `.png` fails the PNG signature.
 */

export interface UploadFormat {
  /** A name people recognise, used in messages. */
  label: string;
  /** Lower-case extensions with the dot. */
  extensions: readonly string[];
  /** MIME types Strapi may report for it (declared, by extension or detected by content); the first is its own. */
  mimes: readonly string[];
  /** The type of an extension when it is not the first of `mimes`. */
  mimeOf?: Readonly<Record<string, string>>;
  /** One of these byte sequences must start the file (offset 0 unless given). */
  signatures: readonly { bytes: readonly number[]; offset?: number }[];
  /** Shown in the browser (images only); everything else is served as a download. */
  inline: boolean;
}

const ascii = (text: string) => Array.from(Buffer.from(text, 'latin1'));

/** Office 97–2003 compound file (doc, xls, wps, et, ppt): OLE2 header. */
const CFB = [{ bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] }];
/** A ZIP container (docx, xlsx, ofd, zip): local file header, or the end record of an empty archive. */
const ZIP = [{ bytes: ascii('PK\x03\x04') }, { bytes: ascii('PK\x05\x06') }];

export const UPLOAD_FORMATS: readonly UploadFormat[] = [
  {
    label: 'JPEG',
    extensions: ['.jpg', '.jpeg'],
    mimes: ['image/jpeg'],
    signatures: [{ bytes: [0xff, 0xd8, 0xff] }],
    inline: true,
  },
  {
    label: 'PNG',
    extensions: ['.png'],
    mimes: ['image/png'],
    signatures: [{ bytes: [0x89, ...ascii('PNG\r\n\x1a\n')] }],
    inline: true,
  },
  {
    label: 'GIF',
    extensions: ['.gif'],
    mimes: ['image/gif'],
    signatures: [{ bytes: ascii('GIF87a') }, { bytes: ascii('GIF89a') }],
    inline: true,
  },
  {
    label: 'WebP',
    extensions: ['.webp'],
    mimes: ['image/webp'],
    signatures: [{ bytes: ascii('WEBP'), offset: 8 }],
    inline: true,
  },
  {
    label: 'PDF',
    extensions: ['.pdf'],
    mimes: ['application/pdf'],
    signatures: [{ bytes: ascii('%PDF-') }],
    inline: false,
  },
  { label: 'OFD', extensions: ['.ofd'], mimes: ['application/ofd', 'application/zip'], signatures: ZIP, inline: false },
  {
    label: 'Word/Excel/WPS (97–2003)',
    extensions: ['.doc', '.xls', '.wps', '.et'],
    mimes: [
      'application/msword',
      'application/vnd.ms-excel',
      'application/vnd.ms-works',
      'application/x-cfb',
      'application/kswps',
      'application/kset',
    ],
    mimeOf: { '.xls': 'application/vnd.ms-excel', '.wps': 'application/kswps', '.et': 'application/kset' },
    signatures: CFB,
    inline: false,
  },
  {
    label: 'Word/Excel (docx, xlsx)',
    extensions: ['.docx', '.xlsx'],
    mimes: [
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/zip',
    ],
    mimeOf: { '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    signatures: ZIP,
    inline: false,
  },
  {
    label: 'ZIP',
    extensions: ['.zip'],
    mimes: ['application/zip', 'application/x-zip-compressed'],
    signatures: ZIP,
    inline: false,
  },
  {
    label: 'RAR',
    extensions: ['.rar'],
    mimes: ['application/vnd.rar', 'application/x-rar-compressed'],
    signatures: [{ bytes: ascii('Rar!\x1a\x07') }],
    inline: false,
  },
  {
    label: '7z',
    extensions: ['.7z'],
    mimes: ['application/x-7z-compressed'],
    signatures: [{ bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] }],
    inline: false,
  },
];

/** Types that can run script or render as a page in a browser: refused by Strapi's own check too. */
export const DENIED_MIMES: readonly string[] = [
  'text/html',
  'application/xhtml+xml',
  'image/svg+xml',
  'text/xml',
  'application/xml',
  'application/javascript',
  'text/javascript',
  'application/x-javascript',
  'application/ecmascript',
  'text/ecmascript',
  'application/x-shockwave-flash',
  'text/xsl',
  'application/rdf+xml',
  'application/mathml+xml',
  'multipart/x-mixed-replace',
];

/** Strapi's upload `security.allowedTypes`: every MIME type an accepted format may be reported as. */
export const ALLOWED_MIMES: readonly string[] = [...new Set(UPLOAD_FORMATS.flatMap((format) => format.mimes))];

export const SIGNATURE_BYTES = 16;

export const extensionOf = (fileName: string): string => {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot).toLowerCase();
};

export const formatOfExtension = (extension: string): UploadFormat | undefined =>
  UPLOAD_FORMATS.find((format) => format.extensions.includes(extension.toLowerCase()));

const startsWith = (head: Uint8Array, { bytes, offset = 0 }: { bytes: readonly number[]; offset?: number }) =>
  head.length >= offset + bytes.length && bytes.every((byte, i) => head[offset + i] === byte);

export type UploadVerdict =
  | { ok: true; format: UploadFormat }
  | { ok: false; reason: 'extension' | 'content'; extension: string; format?: UploadFormat };

/** Pure: may a file with this name and these first bytes be stored? */
export function checkUpload(fileName: string, head: Uint8Array): UploadVerdict {
  const extension = extensionOf(fileName);
  const format = formatOfExtension(extension);
  if (!format) return { ok: false, reason: 'extension', extension };
  if (!format.signatures.some((signature) => startsWith(head, signature)))
    return { ok: false, reason: 'content', extension, format };
  return { ok: true, format };
}

const ACCEPTED = UPLOAD_FORMATS.map((format) => format.extensions.join('/')).join(', ');

/** The message of a refused file, Chinese then English, naming the file and its type. */
export function refusalMessage(fileName: string, verdict: Exclude<UploadVerdict, { ok: true }>): string {
  const shown = verdict.extension || '（无扩展名 / no extension）';
  if (verdict.reason === 'extension') {
    return `不允许上传此类型的文件：${fileName}（${shown}）。允许的类型：${ACCEPTED}。 File type ${shown} of "${fileName}" is not allowed; allowed types: ${ACCEPTED}.`;
  }
  return `文件内容与扩展名不符：${fileName} 不是有效的 ${verdict.format!.label} 文件。 The content of "${fileName}" is not a ${verdict.format!.label} file (${shown}): refused.`;
}

/**
 * Originals of imported annual reports (the disclosure plugin's import): a report published as a web page or as text
 * is kept as it was obtained. These text formats are accepted ONLY through the upload service's `uploadImportSource`
 * (src/extensions/upload), which no route exposes: the media library's own upload routes still refuse them. Like every
 * file under /uploads they are served as downloads in a sandbox (src/middlewares/uploads-headers.ts), never as a page.
 */
export const IMPORT_SOURCE_FORMATS: readonly UploadFormat[] = [
  { label: 'Text', extensions: ['.txt'], mimes: ['text/plain'], signatures: [], inline: false },
  { label: 'HTML', extensions: ['.html', '.htm'], mimes: ['text/html'], signatures: [], inline: false },
];
/** Binary formats an imported report may come as (a text layer is read from them). */
const IMPORT_BINARY_EXTENSIONS = ['.docx', '.pdf'];

/** Pure: may this file be kept as the original of an imported report? Text must be text (no NUL byte in its head). */
export function checkImportSource(fileName: string, head: Uint8Array): UploadVerdict {
  const extension = extensionOf(fileName);
  if (IMPORT_BINARY_EXTENSIONS.includes(extension)) return checkUpload(fileName, head);
  const format = IMPORT_SOURCE_FORMATS.find((f) => f.extensions.includes(extension));
  if (!format) return { ok: false, reason: 'extension', extension };
  if (head.includes(0)) return { ok: false, reason: 'content', extension, format };
  return { ok: true, format };
}

/** Is a file served from /uploads with this name safe to show in the browser (an image)? */
export const isInlineUpload = (fileName: string): boolean => formatOfExtension(extensionOf(fileName))?.inline === true;

/**
 * The type to declare for an accepted file whose browser-declared type is missing, generic or foreign (browsers know
 * no type for .ofd or .et): Strapi's own check then judges it by a type the signature has confirmed.
 */
export function declaredTypeFor(
  fileName: string,
  declared: string | undefined,
  format: UploadFormat,
): string | undefined {
  if (declared && format.mimes.includes(declared.toLowerCase())) return undefined;
  const extension = extensionOf(fileName);
  return format.mimeOf?.[extension] ?? format.mimes[0];
}

// Import and audit of published annual reports: source files → text → cells with places → problems. Pure, no Strapi.
import { parseReport, type ImportedReport, type ParseOptions } from './parse';
import { readSource, type SourceForm } from './sources';

export * from './audit';
export * from './decode';
export * from './messages';
export * from './narrative';
export * from './parse';
export * from './sources';
export * from './text';

export interface ImportedFile extends ImportedReport {
  name: string;
  form: SourceForm;
}

/** Reads a file (.txt, .html, .docx or text .pdf) and imports the report it holds. */
export async function importFile(name: string, data: Buffer, options: ParseOptions = {}): Promise<ImportedFile> {
  const { form, text } = await readSource(name, data);
  return { ...parseReport(text, options), name, form };
}

/**
 * Imported annual reports (historical reports): a published report's file or pasted text → cells with places → audit
 * (preview, nothing stored) → confirm: stored as the organization's report of that year (source "imported"), with the
 * original file in the media library, who imported it and when. A re-import replaces it. The pure work is ../import.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { todayInChina } from '../applications/dates';
import type { FormatCode } from '../format';
import {
  auditReport,
  parseReport,
  readSource,
  SourceError,
  type AuditProblem,
  type ImportedCell,
  type ImportedReport,
} from '../import';
import type { SourceForm } from '../import/sources';
import type { Cells } from '../report';
import { asPlugin } from '../report-db/plugin-writes';
import { UIDS } from '../report-db/tables';

/** Last year's figures a report is compared with, and where they come from. */
export interface Baseline {
  year: number;
  source: 'computed' | 'imported';
  format: string;
  cells: Cells;
}

export const HISTORICAL = 'plugin::disclosure.historical-report';

/** Extensions an imported report may come as; anything else is refused before reading. */
export const IMPORT_EXTENSIONS = ['.txt', '.html', '.htm', '.docx', '.pdf'] as const;
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

export interface ImportInput {
  organization: string;
  year: number;
  /** The file's name (pasted text: a generated .txt name). */
  name: string;
  data: Buffer;
  pasted: boolean;
}

type User = { id: number | string; firstname?: string | null; lastname?: string | null; email?: string | null };

/** A 400 naming the field, in both languages (the admin shows the half of the user's language). */
export const badInput = (path: string, zh: string, en: string): never => {
  throw new errors.ValidationError(`${path}: ${zh} / ${en}`, {
    errors: [{ path: [path], message: `${path}: ${zh} / ${en}`, name: 'ValidationError', value: null }],
  });
};

const userName = (user: User | null | undefined) =>
  user ? [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || String(user.id) : 'system';

export const formatForYear = (year: number): FormatCode => (year <= 2020 ? 'gov-2019' : 'gov-2021');

/** The cells of an imported report as the checker's cells: blanks left out (they are not zero, and not compared). */
export function importedCellsForCheck(cells: Record<string, ImportedCell> | null | undefined): Cells {
  const out: Cells = {};
  for (const [id, cell] of Object.entries(cells ?? {})) if (cell && cell.value !== null) out[id] = cell.value;
  return out;
}

/** Cells of a computed report as an imported report's (for the audit's continuity with last year). */
function asImported(format: FormatCode, cells: Cells): ImportedReport {
  const place = { offset: 0, length: 0, line: 0, column: 0, text: '' };
  return {
    format,
    organization: null,
    year: null,
    sections: {},
    cells: Object.fromEntries(
      Object.entries(cells).map(([id, value]) => [id, { value, raw: String(value), place, how: 'cell' as const }]),
    ),
    issues: [],
    text: '',
  };
}

const importsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = (): any => strapi.documents(HISTORICAL as any);

  async function organization(documentId: string) {
    const org = await strapi.documents(UIDS.organization as any).findOne({ documentId, locale: 'zh-Hans' } as any);
    if (!org) badInput('organization', `机构 ${documentId} 不存在`, `organization ${documentId} does not exist`);
    return org as Record<string, any>;
  }

  async function findStored(organizationId: string, year: number) {
    const [found] = await documents().findMany({
      filters: { organization: { documentId: organizationId }, year },
      populate: { file: true, organization: { fields: ['documentId', 'name'] } },
      limit: 1,
    });
    return (found as Record<string, any> | undefined) ?? null;
  }

  /** Reads and audits; stores nothing. */
  async function read(input: ImportInput) {
    const org = await organization(input.organization);
    if (input.year >= Number(todayInChina().slice(0, 4))) {
      badInput(
        'year',
        `${input.year}年尚未结束，不能导入该年度报告`,
        `the year ${input.year} is not over: there is no published report of it to import`,
      );
    }
    let text: string;
    let form: SourceForm;
    try {
      ({ text, form } = await readSource(input.name, input.data));
    } catch (e) {
      if (e instanceof SourceError) return badInput(input.pasted ? 'text' : 'file', e.messageZh, e.message);
      const reason = e instanceof Error ? e.message : String(e);
      return badInput(
        input.pasted ? 'text' : 'file',
        `无法读取文件 ${input.name}（${reason}）`,
        `cannot read ${input.name} (${reason})`,
      );
    }
    const format = formatForYear(input.year);
    const report = parseReport(text, { format });
    if (report.year && report.year.value !== input.year) {
      badInput(
        'year',
        `所选年度为 ${input.year} 年，报告标题为 ${report.year.value} 年（第${report.year.place.line}行）`,
        `the year chosen is ${input.year}, the report's title says ${report.year.value} (line ${report.year.place.line})`,
      );
    }
    const applications = Object.keys(report.cells).filter((id) => id.startsWith('applications.'));
    if (applications.length === 0) {
      badInput(
        input.pasted ? 'text' : 'file',
        '未读到表三（收到和处理政府信息公开申请情况）的任何单元格，不是年度报告或格式无法识别',
        'no cell of table III (applications) could be read: not an annual report, or a layout that cannot be read',
      );
    }
    // Last year's report of the organization, for continuity per column: a published computed one, else an imported one.
    const reportService = strapi.plugin('disclosure').service('report') as {
      previousCells(org: string, year: number): Promise<Baseline | null>;
    };
    const previous = await reportService.previousCells(input.organization, input.year);
    const problems: AuditProblem[] = auditReport(report, {
      previous: previous ? asImported(previous.format as FormatCode, previous.cells) : null,
      organization: { canIssueRegulations: org.canIssueRegulations },
    });
    return { org, report, form, problems, previousSource: previous?.source ?? null };
  }

  function answer(r: Awaited<ReturnType<typeof read>>, input: ImportInput, existing: Record<string, any> | null) {
    return {
      organization: { documentId: r.org.documentId, name: r.org.name },
      year: input.year,
      name: input.name,
      form: r.form,
      format: r.report.format,
      read: { organization: r.report.organization, year: r.report.year },
      sections: r.report.sections,
      cells: r.report.cells,
      text: r.report.text,
      problems: r.problems,
      previousYear: r.previousSource ? { year: input.year - 1, source: r.previousSource } : null,
      existing: existing
        ? { documentId: existing.documentId, importedAt: existing.importedAt, importedBy: existing.importedBy }
        : null,
    };
  }

  async function uploadOriginal(input: ImportInput, user: User | null) {
    const dir = await mkdtemp(join(tmpdir(), 'disclosure-import-'));
    try {
      const filepath = join(dir, 'source');
      await writeFile(filepath, input.data);
      const ext = input.name.slice(input.name.lastIndexOf('.')).toLowerCase();
      const mimetype =
        { '.txt': 'text/plain', '.html': 'text/html', '.htm': 'text/html', '.pdf': 'application/pdf' }[ext] ??
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
      const upload = strapi.plugin('upload').service('upload') as {
        upload: (params: unknown, opts?: unknown) => Promise<Array<{ id: number }>>;
        uploadImportSource?: (params: unknown, opts?: unknown) => Promise<Array<{ id: number }>>;
      };
      const params = {
        data: { fileInfo: { name: input.name, caption: `${input.organization} ${input.year}`, alternativeText: null } },
        files: { filepath, originalFilename: input.name, mimetype, size: input.data.length },
      };
      const [file] = await (upload.uploadImportSource ?? upload.upload)(params, user ? { user } : {});
      return file;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  return {
    /** 400 naming `organization` when no such organization exists (checked before the scope: unknown is bad input). */
    async knownOrganization(documentId: string) {
      await organization(documentId);
    },

    /** Parse and audit, for the officer to review; nothing is stored. */
    async preview(input: ImportInput) {
      const r = await read(input);
      return answer(r, input, await findStored(input.organization, input.year));
    },

    /** Parse, audit and store (replacing an earlier import of the same organization and year). */
    async confirm(input: ImportInput, user: User | null) {
      const r = await read(input);
      const existing = await findStored(input.organization, input.year);
      const file = await uploadOriginal(input, user);
      const data = {
        title: `${r.report.organization?.value ?? r.org.name}${input.year}年政府信息公开工作年度报告`,
        organization: input.organization,
        year: input.year,
        source: 'imported',
        formatVersion: r.report.format,
        cells: r.report.cells,
        sections: r.report.sections,
        problems: r.problems,
        text: r.report.text,
        sourceForm: r.form,
        file: file.id,
        importedBy: userName(user),
        importedById: user ? String(user.id) : null,
        importedAt: new Date().toISOString(),
      };
      let saved: Record<string, any>;
      try {
        saved = await asPlugin({}, () =>
          existing ? documents().update({ documentId: existing.documentId, data }) : documents().create({ data }),
        );
      } catch (e) {
        // Nothing half-written: the original goes when its report could not be stored.
        await strapi
          .plugin('upload')
          .service('upload')
          .remove(file)
          .catch(() => undefined);
        throw e;
      }
      if (existing?.file)
        await strapi
          .plugin('upload')
          .service('upload')
          .remove(existing.file)
          .catch(() => undefined);
      return this.stored(saved.documentId);
    },

    /** A stored imported report with its file and its audit. */
    async stored(documentId: string) {
      const doc = await documents().findOne({
        documentId,
        populate: { file: true, organization: { fields: ['documentId', 'name'] } },
      });
      if (!doc) throw new errors.NotFoundError(`Imported report ${documentId} not found`);
      return {
        documentId: doc.documentId,
        title: doc.title,
        source: doc.source,
        organization: doc.organization
          ? { documentId: doc.organization.documentId, name: doc.organization.name }
          : null,
        year: doc.year,
        format: doc.formatVersion,
        form: doc.sourceForm,
        cells: doc.cells,
        sections: doc.sections,
        problems: doc.problems,
        text: doc.text,
        file: doc.file
          ? { id: doc.file.id, name: doc.file.name, url: doc.file.url, mime: doc.file.mime, size: doc.file.size }
          : null,
        importedBy: doc.importedBy,
        importedAt: doc.importedAt,
      };
    },

    /** Stored imports, newest year first: of one organization, of the caller's organizations when scoped, or all. */
    async list(organizationId?: string, organizations?: string[]) {
      const found = await documents().findMany({
        filters: organizationId
          ? { organization: { documentId: organizationId } }
          : organizations
            ? { organization: { documentId: { $in: organizations } } }
            : {},
        fields: ['documentId', 'title', 'year', 'source', 'formatVersion', 'importedBy', 'importedAt'],
        populate: { organization: { fields: ['documentId', 'name'] }, file: { fields: ['name', 'url'] } },
        sort: [{ year: 'desc' }],
        limit: 200,
      });
      return found as Array<Record<string, any>>;
    },

    /** Cells of the organization's imported report of a year (blanks left out), or null. */
    async cellsOf(organizationId: string, year: number): Promise<{ cells: Cells; format: string } | null> {
      const found = await findStored(organizationId, year);
      return found ? { cells: importedCellsForCheck(found.cells), format: found.formatVersion } : null;
    },
  };
};

export type ImportsService = ReturnType<typeof importsService>;
export default { imports: importsService };

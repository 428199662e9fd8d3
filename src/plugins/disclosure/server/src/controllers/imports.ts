/** Controllers of imported reports: validate the multipart input (file or pasted text, organization, year) → service. */
import type { Core } from '@strapi/strapi';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ACTIONS } from '../permissions';
import { assertDocumentInScope, assertInScope, organizationScope } from '../scope';
import {
  badInput,
  HISTORICAL,
  IMPORT_EXTENSIONS,
  IMPORT_MAX_BYTES,
  type ImportInput,
  type ImportsService,
} from '../services/imports';

const documentId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9]+$/);
const fields = z.object({
  organization: z.string().optional(),
  year: z.string().or(z.number()).optional(),
  text: z.string().optional(),
});
/** The parts of a formidable file the import reads. */
type UploadedFile = {
  filepath?: string;
  path?: string;
  originalFilename?: string | null;
  name?: string;
  size?: number;
};

const service = (strapi: Core.Strapi) => strapi.plugin('disclosure').service('imports') as ImportsService;

/** The import's input, or a 400 naming the first field that is wrong (both languages). */
async function input(ctx: any): Promise<ImportInput> {
  const body = fields.safeParse(ctx.request.body ?? {});
  if (!body.success) return badInput('body', '请求格式不正确', 'malformed request');
  const { organization, year, text } = body.data;
  if (!organization || !documentId.safeParse(organization).success) {
    return badInput('organization', '请选择机构', 'choose an organization (its documentId)');
  }
  const y = Number(year);
  if (year === undefined || year === '' || !Number.isInteger(y) || y < 2008 || y > 2100) {
    return badInput('year', '年度应为 2008–2100 之间的整数', 'year must be a whole number from 2008 to 2100');
  }
  const raw = ctx.request.files?.file;
  const file = (Array.isArray(raw) ? raw[0] : raw) as UploadedFile | undefined;
  if (file && text?.trim())
    return badInput('file', '请上传文件或粘贴文本，二者选一', 'upload a file or paste text, not both');
  if (file) {
    const name = file.originalFilename ?? file.name ?? '';
    const ext = name.includes('.') ? name.slice(name.lastIndexOf('.')).toLowerCase() : '';
    if (!(IMPORT_EXTENSIONS as readonly string[]).includes(ext)) {
      return badInput(
        'file',
        `不支持的文件类型「${ext || name}」，应为 .txt、.html、.docx 或文字版 .pdf`,
        `file type "${ext || name}" is not supported: .txt, .html, .docx or a text .pdf`,
      );
    }
    if ((file.size ?? 0) > IMPORT_MAX_BYTES) return badInput('file', '文件超过 10 MB', 'the file is larger than 10 MB');
    const path = file.filepath ?? file.path;
    if (!path) return badInput('file', '未收到文件内容', 'no file content received');
    return { organization, year: y, name, data: await readFile(path), pasted: false };
  }
  if (!text?.trim()) return badInput('text', '请上传文件或粘贴报告全文', 'upload a file or paste the report’s text');
  if (Buffer.byteLength(text) > IMPORT_MAX_BYTES)
    return badInput('text', '文本超过 10 MB', 'the text is larger than 10 MB');
  return {
    organization,
    year: y,
    name: `imported-${organization}-${y}.txt`,
    data: Buffer.from(text, 'utf8'),
    pasted: true,
  };
}

export default {
  imports: ({ strapi }: { strapi: Core.Strapi }) => ({
    async preview(ctx: any) {
      const read = await input(ctx);
      await service(strapi).knownOrganization(read.organization);
      assertInScope(await organizationScope(strapi, ctx.state.user, ACTIONS.importReports), read.organization);
      ctx.body = { data: await service(strapi).preview(read) };
    },
    async confirm(ctx: any) {
      const read = await input(ctx);
      await service(strapi).knownOrganization(read.organization);
      assertInScope(await organizationScope(strapi, ctx.state.user, ACTIONS.importReports), read.organization);
      ctx.body = { data: await service(strapi).confirm(read, ctx.state.user ?? null) };
    },
    async list(ctx: any) {
      const q = z.object({ organization: documentId.optional() }).safeParse(ctx.query);
      if (!q.success) return badInput('organization', '机构编号不正确', 'organization must be a documentId');
      const scope = await organizationScope(strapi, ctx.state.user, ACTIONS.importReports);
      if (q.data.organization) assertInScope(scope, q.data.organization);
      ctx.body = {
        data: await service(strapi).list(q.data.organization, q.data.organization ? undefined : (scope ?? undefined)),
      };
    },
    async findOne(ctx: any) {
      const p = documentId.safeParse(ctx.params.documentId);
      if (!p.success) return badInput('documentId', '编号不正确', 'documentId is malformed');
      await assertDocumentInScope(ctx, strapi, ACTIONS.importReports, HISTORICAL, p.data);
      ctx.body = { data: await service(strapi).stored(p.data) };
    },
  }),
};

/**
 * The media library's gate: every file reaches storage only when it is one of the formats of src/uploads/formats.ts
 * (extension and content signature agree). Strapi's own `security` check (config/plugins.ts) stays as a second net;
 * this one runs first so that the refusal is a 400 in Chinese and English naming the file and its type, and it also
 * guards the upload service itself (upload from URL, replace, code), which no controller check covers.
 */
import { open } from 'fs/promises';
import { errors } from '@strapi/utils';
import {
  checkImportSource,
  checkUpload,
  declaredTypeFor,
  refusalMessage,
  SIGNATURE_BYTES,
  type UploadVerdict,
} from '../../uploads/formats';

/** The parts of a parsed upload (formidable's file, or the upload service's input) the gate needs. */
interface IncomingFile {
  originalFilename?: string | null;
  name?: string;
  mimetype?: string | null;
  filepath?: string;
  path?: string;
  buffer?: Buffer;
}

type Handler = (ctx: any, ...rest: unknown[]) => Promise<unknown>;
type ServiceFactory = (deps: { strapi: unknown }) => Record<string, (...args: any[]) => Promise<unknown>>;
interface UploadPlugin {
  controllers: Record<string, Record<string, Handler> | ((deps: { strapi: unknown }) => Record<string, Handler>)>;
  services: Record<string, ServiceFactory>;
}

async function head(file: IncomingFile): Promise<Uint8Array> {
  if (file.buffer) return file.buffer.subarray(0, SIGNATURE_BYTES);
  const filePath = file.filepath ?? file.path;
  if (!filePath) return new Uint8Array();
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(SIGNATURE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SIGNATURE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Throws a ValidationError (400) for the first file that is not an accepted format; a batch is all or nothing.
 * An accepted file with no usable declared type gets its format's type (what the signature proved).
 */
export async function assertUploadable(
  input: IncomingFile | IncomingFile[] | undefined | null,
  check: (fileName: string, head: Uint8Array) => UploadVerdict = checkUpload,
): Promise<void> {
  const files = (Array.isArray(input) ? input : [input]).filter((file): file is IncomingFile => Boolean(file));
  for (const file of files) {
    const fileName = file.originalFilename ?? file.name ?? '';
    const verdict = check(fileName, await head(file));
    if (!verdict.ok) {
      throw new errors.ValidationError(refusalMessage(fileName, verdict), {
        file: fileName,
        extension: verdict.extension,
        reason: verdict.reason,
      });
    }
    const declared = declaredTypeFor(fileName, file.mimetype ?? undefined, verdict.format);
    if (declared) file.mimetype = declared;
  }
}

/** Runs the gate on the request's multipart files before the controller (and so before Strapi's own check). */
const gated = (handler: Handler): Handler =>
  async function (this: unknown, ctx, ...rest) {
    await assertUploadable(ctx.request?.files?.files);
    return handler.call(this, ctx, ...rest);
  };

const UPLOAD_ACTIONS = ['upload', 'uploadFiles', 'uploadFile', 'replaceFile'];

const gateController = (controller: Record<string, Handler>) => {
  for (const action of UPLOAD_ACTIONS)
    if (typeof controller[action] === 'function') controller[action] = gated(controller[action]);
  return controller;
};

export default (plugin: UploadPlugin) => {
  for (const [name, controller] of Object.entries(plugin.controllers)) {
    if (name !== 'admin-upload' && name !== 'content-api') continue;
    plugin.controllers[name] =
      typeof controller === 'function'
        ? (deps: { strapi: unknown }) => gateController(controller(deps))
        : gateController(controller);
  }

  const uploadService = plugin.services.upload;
  plugin.services.upload = (deps) => {
    const service = uploadService(deps);
    const { upload, replace } = service;
    return {
      ...service,
      upload: async (params: { files?: IncomingFile | IncomingFile[] }, ...rest: unknown[]) => {
        await assertUploadable(params?.files);
        return upload(params, ...rest);
      },
      replace: async (id: unknown, params: { file?: IncomingFile }, ...rest: unknown[]) => {
        await assertUploadable(params?.file);
        return replace(id, params, ...rest);
      },
      /**
       * The original of an imported annual report (the disclosure plugin's import route only, from code): also .txt
       * and .html (IMPORT_SOURCE_FORMATS). No route calls this; the media library's routes keep the stricter gate.
       */
      uploadImportSource: async (params: { files?: IncomingFile | IncomingFile[] }, ...rest: unknown[]) => {
        await assertUploadable(params?.files, checkImportSource);
        return upload(params, ...rest);
      },
    };
  };
  return plugin;
};

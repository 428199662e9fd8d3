/**
 * The seed's only door to Strapi: Document Service calls, the created/existing tally and progress lines. Every
 * `ensure…` looks the record up by its natural key first, so a second run creates nothing.
 */
import type { Core } from '@strapi/strapi';

export type Log = (line: string) => void;
export type Scale = 'full' | 'small';
export type Tally = Record<string, { created: number; existing: number }>;

export const DEFAULT_LOCALE = 'zh-Hans';
export const EN = 'en';

/** The part of the Document Service the seed uses, untyped by uid (the app has no generated types). */
export interface Documents {
  findFirst(params: Record<string, unknown>): Promise<any>;
  findMany(params: Record<string, unknown>): Promise<any[]>;
  create(params: Record<string, unknown>): Promise<any>;
  update(params: Record<string, unknown>): Promise<any>;
  publish(params: Record<string, unknown>): Promise<any>;
  count(params: Record<string, unknown>): Promise<number>;
}

/** A relation to an organization (localized): the zh-Hans row, or the source's own locale when it is localized. */
export const orgRef = (documentId: string) => ({ documentId, locale: DEFAULT_LOCALE });

export class SeedStore {
  readonly tally: Tally = {};

  constructor(
    readonly strapi: Core.Strapi,
    private readonly log: Log,
    readonly today: string,
  ) {}

  docs(uid: string): Documents {
    return this.strapi.documents(uid as any) as unknown as Documents;
  }

  /** Runs writes that belong together (a document and its locales, a project and its notices) all or nothing. */
  async together<T>(work: () => Promise<T>): Promise<T> {
    return this.strapi.db.transaction(async () => work());
  }

  count(type: string, created: boolean) {
    const entry = (this.tally[type] ??= { created: 0, existing: 0 });
    if (created) entry.created += 1;
    else entry.existing += 1;
  }

  /** "projects 120/300": about ten lines per type, and always the last one. */
  progress(type: string, done: number, total: number) {
    const step = Math.max(1, Math.ceil(total / 10));
    if (done === total || done % step === 0) {
      const t = this.tally[type];
      this.log(`${type} ${done}/${total}${t ? ` (created ${t.created}, existing ${t.existing})` : ''}`);
    }
  }

  info(line: string) {
    this.log(line);
  }

  /** Runs one part of the seed and logs how long it took. */
  async section<T>(name: string, work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    const result = await work();
    this.log(`${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  }

  /**
   * Runs `work` on every item, `size` items per transaction: on SQLite one commit per batch instead of one per
   * write is most of the speed of a first run. A failure rolls back its batch only; a re-run resumes from there.
   */
  async inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>) {
    for (let start = 0; start < items.length; start += size) {
      await this.together(async () => {
        for (const item of items.slice(start, start + size)) await work(item);
      });
    }
  }

  /** The draft (every document has one) in the default locale matching the filters, or null. */
  async find(uid: string, filters: Record<string, unknown>, locale?: string): Promise<any | null> {
    const localized = this.isLocalized(uid);
    return this.docs(uid).findFirst({
      filters,
      ...(localized ? { locale: locale ?? DEFAULT_LOCALE } : {}),
      ...(this.hasDraftAndPublish(uid) ? { status: 'draft' } : {}),
    });
  }

  isLocalized(uid: string): boolean {
    return (this.strapi.contentType(uid as any)?.pluginOptions as any)?.i18n?.localized === true;
  }

  hasDraftAndPublish(uid: string): boolean {
    return (this.strapi.contentType(uid as any)?.options as any)?.draftAndPublish === true;
  }

  /**
   * A non-localized record: found by `filters`, else created (and published when asked). Returns its documentId.
   */
  async ensure(
    type: string,
    uid: string,
    filters: Record<string, unknown>,
    data: () => Record<string, unknown>,
    publish = false,
  ) {
    const found = await this.find(uid, filters);
    if (found) {
      this.count(type, false);
      return found.documentId as string;
    }
    const created = await this.docs(uid).create({ data: data(), ...(publish ? { status: 'published' } : {}) });
    this.count(type, true);
    return created.documentId as string;
  }

  /**
   * A localized record: the zh-Hans version found by `filters` or created, then the en version (created through
   * `update` with locale en, which copies the non-localized fields) when `en` is given and missing. Published in
   * every locale when asked, only when something was created, so an editor's later unpublish is not undone.
   */
  async ensureLocalized(
    type: string,
    uid: string,
    filters: Record<string, unknown>,
    zh: () => Record<string, unknown>,
    en: (() => Record<string, unknown>) | null,
    publish = false,
  ) {
    return this.together(async () => {
      const docs = this.docs(uid);
      let documentId: string;
      let created = false;
      const found = await this.find(uid, filters);
      if (found) {
        documentId = found.documentId;
      } else {
        documentId = (await docs.create({ locale: DEFAULT_LOCALE, data: zh() })).documentId;
        created = true;
      }
      if (en && !(await this.find(uid, { documentId }, EN))) {
        await docs.update({ documentId, locale: EN, data: en() });
        created = true;
      }
      if (created && publish) await docs.publish({ documentId, locale: '*' });
      this.count(type, created);
      return documentId;
    });
  }
}

/** Makes sure the en locale exists (the app's bootstrap normally creates it). */
export async function ensureEnglishLocale(strapi: Core.Strapi, log: Log) {
  const locales = strapi.plugin('i18n').service('locales');
  if (!(await locales.findByCode(EN))) {
    await locales.create({ code: EN, name: 'English (en)' });
    log('created locale en');
  }
}

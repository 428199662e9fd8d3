/**
 * Policy documents of the content API, each with its `validity` ('inForce' | 'repealed' | 'notYetEffective') computed
 * from its dates against today in Asia/Shanghai (domain/validity.ts): derived on every read, never stored.
 */
import { factories } from '@strapi/strapi';
import { todayInChina } from '../../../validation/dates';
import { hasValidityDates, validityOf, type ValidityDates } from '../domain/validity';

const UID = 'api::policy-document.policy-document';

export default factories.createCoreController(UID, ({ strapi }) => {
  /** Adds validity to each item; loads the dates in one query only when the client's `fields` left them out. */
  async function withValidity(data: any, locale: unknown) {
    const items: any[] = Array.isArray(data) ? data : data ? [data] : [];
    const today = todayInChina();
    const missing = items.filter((item) => !hasValidityDates(item)).map((item) => item.documentId as string);
    const dates = new Map<string, ValidityDates>();
    if (missing.length) {
      const found = (await strapi.documents(UID).findMany({
        filters: { documentId: { $in: missing } },
        status: 'published',
        ...(typeof locale === 'string' ? { locale } : {}),
        fields: ['issuedOn', 'effectiveOn', 'repealedOn'],
        limit: missing.length,
      } as any)) as any[];
      for (const doc of found) dates.set(doc.documentId, doc);
    }
    for (const item of items) {
      const source = hasValidityDates(item) ? item : dates.get(item.documentId);
      item.validity = source ? validityOf(source, today) : null;
    }
  }

  return {
    async find(ctx: any) {
      const result: any = await super.find(ctx);
      await withValidity(result?.data, ctx.query?.locale);
      return result;
    },

    async findOne(ctx: any) {
      const result: any = await super.findOne(ctx);
      await withValidity(result?.data, ctx.query?.locale);
      return result;
    },
  };
});

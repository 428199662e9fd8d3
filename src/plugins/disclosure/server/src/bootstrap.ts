import type { Core } from '@strapi/strapi';
import { ACTION_DEFINITIONS } from './permissions';
import { REPORT_PUBLISHED_EVENT } from './register-report';
import type { ReportService } from './services/report';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ACTION_DEFINITIONS);
  // Lets an admin subscribe a webhook to "report published" (Settings › Webhooks), beside Strapi's entry.publish.
  strapi.get('webhookStore').addAllowedEvent('DISCLOSURE_REPORT_PUBLISH', REPORT_PUBLISHED_EVENT);
  // Reports published before publications were frozen get theirs once, so the public routes serve stored records only.
  const frozen = await (strapi.plugin('disclosure').service('report') as ReportService).backfillPublications();
  if (frozen) strapi.log.info(`disclosure: froze the publication of ${frozen} report(s) published earlier`);
  const filled = await (strapi.plugin('disclosure').service('report') as ReportService).backfillOverviewColumns();
  if (filled) strapi.log.info(`disclosure: filled the compliance overview's columns of ${filled} report(s)`);
};

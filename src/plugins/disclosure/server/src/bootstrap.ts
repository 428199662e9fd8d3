import type { Core } from '@strapi/strapi';
import { ACTION_DEFINITIONS } from './permissions';
import { REPORT_PUBLISHED_EVENT } from './register-report';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ACTION_DEFINITIONS);
  // Lets an admin subscribe a webhook to "report published" (Settings › Webhooks), beside Strapi's entry.publish.
  strapi.get('webhookStore').addAllowedEvent('DISCLOSURE_REPORT_PUBLISH', REPORT_PUBLISHED_EVENT);
};

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::transaction-notice.transaction-notice');

import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::transaction-notice.transaction-notice');

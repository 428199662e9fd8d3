import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::transaction-notice.transaction-notice');

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::policy-document.policy-document');

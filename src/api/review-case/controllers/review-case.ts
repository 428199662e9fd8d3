import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::review-case.review-case');

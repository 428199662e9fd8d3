import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::disclosure-application.disclosure-application');

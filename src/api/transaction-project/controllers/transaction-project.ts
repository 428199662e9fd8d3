import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::transaction-project.transaction-project');

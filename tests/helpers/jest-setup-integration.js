// Booting Strapi and building its schema takes seconds, more on PostgreSQL and on a busy 2-core machine.
jest.setTimeout(180000);

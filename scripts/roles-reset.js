#!/usr/bin/env node
/**
 * Resets access to the app's declared defaults (src/bootstrap/access.ts): the three admin roles' permissions, Strapi's
 * Editor and Author without the private types, the public role, and the site's token. What the admin changed in
 * Settings › Roles, Users & Permissions › Roles and API Tokens for these is replaced; other roles, users and their
 * memberships are kept. Every change is logged ("[access] roles:reset: …").
 *   npm run roles:reset
 */
'use strict';
const { withApp } = require('./lib');

process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'info';

withApp(async (strapi) => {
  const { applyAccessDefaults } = require('../dist/src/bootstrap');
  await applyAccessDefaults(strapi, 'roles:reset');
  console.log('Access reset to the defaults of src/bootstrap/access.ts (admin roles, public role, site token).');
});

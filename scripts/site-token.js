#!/usr/bin/env node
/**
 * Prints a new key of the public site's read-only API token ("Public site (read-only)", created on every start if
 * missing). Keys are stored hashed, so printing one means regenerating it: the previous key stops working.
 *   node scripts/site-token.js
 */
'use strict';
const { withApp } = require('./lib');

withApp(async (strapi) => {
  const { SITE_TOKEN_NAME } = require('../dist/src/bootstrap/access');
  const tokens = strapi.service('admin::api-token-content-api');
  const token = await tokens.getByName(SITE_TOKEN_NAME);
  if (!token) throw new Error(`No "${SITE_TOKEN_NAME}" token: start the app once so that it is created.`);
  const { accessKey } = await tokens.regenerate(token.id);
  console.log(`"${SITE_TOKEN_NAME}" token (the previous key no longer works):\n${accessKey}`);
  console.log('Use it as: Authorization: Bearer <token>. It reads what the public role reads, nothing more.');
});

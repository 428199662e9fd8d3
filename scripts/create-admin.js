#!/usr/bin/env node
/**
 * Makes sure someone can log into the admin: on a database without administrators it creates a super admin with a
 * random password and prints it (once: it is stored only as a hash). Otherwise it says how to log in or reset.
 *   node scripts/create-admin.js [--email admin@example.com]
 */
'use strict';
const crypto = require('crypto');
const { withApp } = require('./lib');

const args = process.argv.slice(2);
const email = args.includes('--email') ? args[args.indexOf('--email') + 1] : process.env.ADMIN_EMAIL || 'admin@example.com';
const url = `http://localhost:${process.env.PORT || 1337}/admin`;

withApp(async (strapi) => {
  const users = strapi.service('admin::user');
  if ((await users.count()) > 0) {
    console.log(`\nAdmin: ${url}\nLog in with an existing account (reset a password with: npx strapi admin:reset-user-password --email <email>).\n`);
    return;
  }
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  // Letters, digits and a symbol: Strapi requires upper, lower and a number, at least 8 characters.
  const password = `${crypto.randomBytes(12).toString('base64url')}Aa1`;
  await users.create({ email, firstname: 'Admin', lastname: '管理员', password, isActive: true, roles: [superAdmin.id], preferedLanguage: 'zh-Hans' });
  console.log([
    '',
    '────────────────────────────────────────────────────────────',
    ` Admin:    ${url}`,
    ` Email:    ${email}`,
    ` Password: ${password}`,
    ' (shown once; change it under your profile, or reset it with',
    '  npx strapi admin:reset-user-password --email ' + email + ')',
    '────────────────────────────────────────────────────────────',
    '',
  ].join('\n'));
});

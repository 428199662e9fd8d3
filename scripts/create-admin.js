#!/usr/bin/env node
/**
 * Makes sure someone can log into the admin: on a database without administrators it creates a super admin with a
 * random password and prints it (once: it is stored only as a hash). Otherwise it says how to log in or reset.
 *   node scripts/create-admin.js [--email admin@example.com]
 */
'use strict';
const crypto = require('crypto');

/**
 * Strapi's user service gives every new user a registration token (the invitation link's secret): whoever holds it
 * can set the account's password through /admin/register. An account made here already has its password, so it must
 * not keep one; active accounts left with a token by an earlier version of this script lose it too (an invited user,
 * still inactive, keeps hers).
 */
async function clearRegistrationTokens(strapi) {
  return strapi.db.query('admin::user').updateMany({
    where: { isActive: true, registrationToken: { $notNull: true } },
    data: { registrationToken: null },
  });
}

/** Returns `{ created: false }` when an administrator exists, else the new super admin's email and password. */
async function ensureAdmin(strapi, { email }) {
  const users = strapi.service('admin::user');
  if ((await users.count()) > 0) {
    await clearRegistrationTokens(strapi);
    return { created: false };
  }
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  // Letters, digits and a symbol: Strapi requires upper, lower and a number, at least 8 characters.
  const password = `${crypto.randomBytes(12).toString('base64url')}Aa1`;
  await users.create({
    email,
    firstname: 'Admin',
    lastname: '管理员',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
    preferedLanguage: 'zh-Hans',
  });
  await clearRegistrationTokens(strapi);
  return { created: true, email, password };
}

module.exports = { ensureAdmin };

if (require.main === module) {
  const { withApp } = require('./lib');
  const args = process.argv.slice(2);
  const email = args.includes('--email')
    ? args[args.indexOf('--email') + 1]
    : process.env.ADMIN_EMAIL || 'admin@example.com';
  const url = `http://localhost:${process.env.PORT || 1337}/admin`;

  withApp(async (strapi) => {
    const result = await ensureAdmin(strapi, { email });
    if (!result.created) {
      console.log(
        `\nAdmin: ${url}\nLog in with an existing account (reset a password with: npx strapi admin:reset-user-password --email <email>).\n`,
      );
      return;
    }
    console.log(
      [
        '',
        '────────────────────────────────────────────────────────────',
        ` Admin:    ${url}`,
        ` Email:    ${result.email}`,
        ` Password: ${result.password}`,
        ' (shown once; change it under your profile, or reset it with',
        '  npx strapi admin:reset-user-password --email ' + result.email + ')',
        '────────────────────────────────────────────────────────────',
        '',
      ].join('\n'),
    );
  });
}

import type { Core } from '@strapi/strapi';
import { ALLOWED_MIMES, DENIED_MIMES } from '../src/uploads/formats';

/** Private attributes of public types: they never leave the admin, so the public OpenAPI document omits them. */
const PRIVATE_ATTRIBUTES = new Set(['acknowledgement']);

const stripPrivate = (node: any): void => {
  if (!node || typeof node !== 'object') return;
  if (node.properties && typeof node.properties === 'object') {
    for (const name of Object.keys(node.properties)) if (PRIVATE_ATTRIBUTES.has(name)) delete node.properties[name];
  }
  for (const value of Object.values(node)) stripPrivate(value);
};

const reportPaths = (): Record<string, unknown> => {
  const documentId = { name: 'documentId', in: 'path', required: true, schema: { type: 'string' } };
  const locale = {
    name: 'locale',
    in: 'query',
    schema: { type: 'string', enum: ['zh-Hans', 'en'], default: 'zh-Hans' },
  };
  const get = (summary: string, parameters: unknown[], content: Record<string, unknown>) => ({
    get: {
      tags: ['Annual report (disclosure plugin)'],
      summary,
      parameters,
      responses: {
        200: { description: 'OK', content },
        404: { description: 'No published report with this documentId' },
      },
    },
  });
  const json = { 'application/json': { schema: { type: 'object' } } };
  return {
    '/disclosure/reports': get(
      'Published annual reports',
      [
        { name: 'organization', in: 'query', schema: { type: 'string' } },
        { name: 'year', in: 'query', schema: { type: 'integer' } },
        locale,
        { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
        { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
      ],
      json,
    ),
    '/disclosure/reports/{documentId}': get(
      'A published report: organization, year, format, tables with codes and values, checks (see README)',
      [documentId, locale],
      json,
    ),
    '/disclosure/reports/{documentId}/html': get(
      'The report as a printable page laid out like the national format',
      [documentId, locale],
      { 'text/html': {} },
    ),
    '/disclosure/reports/{documentId}/csv': get('The report tables as CSV, one line per cell', [documentId, locale], {
      'text/csv': {},
    }),
    '/disclosure/applications': {
      post: {
        tags: ['Applications (依申请公开)'],
        summary: 'Apply online: answers the tracking number and a secret query code (see README)',
        requestBody: { content: json },
        responses: {
          201: { description: 'Filed' },
          400: { description: 'Invalid field(s), each named' },
          429: { description: 'Rate limited' },
        },
      },
    },
    '/disclosure/applications/status': {
      post: {
        tags: ['Applications (依申请公开)'],
        summary: 'Status of an application, with its tracking number and query code',
        requestBody: { content: json },
        responses: {
          200: { description: 'State, dates, due date, outcome' },
          404: { description: 'Unknown number or wrong code (same answer)' },
          429: { description: 'Rate limited' },
        },
      },
    },
    '/disclosure/reports/{documentId}/xlsx': get('The report tables as an Excel workbook', [documentId, locale], {
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {},
    }),
  };
};

/** The public can only read: keep GET operations, drop private attributes, add the report routes. */
const publicOnly = (draft: any) => {
  for (const [path, operations] of Object.entries<any>(draft.paths ?? {})) {
    for (const method of Object.keys(operations)) if (method !== 'get') delete operations[method];
    if (Object.keys(operations).length === 0) delete draft.paths[path];
  }
  stripPrivate(draft.components);
  Object.assign(draft.paths, reportPaths());
  return draft;
};

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  disclosure: {
    enabled: true,
    resolve: './src/plugins/disclosure',
    config: {
      // Decimals printed for the fee cell of table 二 (万元). The stored value stays exact.
      feeDecimals: env.int('REPORT_FEE_DECIMALS', 4),
      // Applications due within this many working days are flagged "due soon" in the officer's worklist.
      dueSoonWorkingDays: env.int('APPLICATION_DUE_SOON_DAYS', 5),
    },
  },
  documentation: {
    enabled: true,
    config: {
      openapi: '3.0.0',
      info: {
        version: '1.0.0',
        title: '公共资源交易中心 Content API (public)',
        description:
          'Read-only content API of the public site: policy documents, transaction projects and notices, CA providers, organizations and annual reports. Only published content is served.',
      },
      'x-strapi-config': {
        plugins: [],
        mutateDocumentation: publicOnly,
      },
    },
  },
  upload: {
    config: {
      // Strapi's own type check (MIME by declared type, extension and content); src/extensions/upload adds the
      // signature gate in front of it. Active content (HTML, SVG, XML, JS) is never stored: /uploads shares the
      // admin's origin.
      security: { allowedTypes: [...ALLOWED_MIMES], deniedTypes: [...DENIED_MIMES] },
    },
  },
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
    },
  },
});

export default config;

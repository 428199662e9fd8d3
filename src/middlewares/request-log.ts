/**
 * One log line per request, in place of Strapi's logger (which prints the full URL, query string included: admin
 * list filters can hold an applicant's name). The line has the method, the path without its query, the status, the
 * duration and a request id, never a body or a header: 5xx at `error`, 4xx at `warn`, the rest at `http`.
 * The id is answered in `X-Request-Id` (a proxy's own id is kept when it looks like one) so that a citizen's or an
 * editor's report of a failure can be matched to its line.
 */
import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';

const INCOMING_ID = /^[A-Za-z0-9._:-]{8,100}$/;
const MAX_PATH = 200;

/** The path as printable ASCII of bounded length: a crafted path cannot forge or break log lines. */
const printablePath = (path: string) => {
  const printable = path.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));
  return printable.length > MAX_PATH ? `${printable.slice(0, MAX_PATH)}…` : printable;
};

export const levelOf = (status: number): 'error' | 'warn' | 'http' =>
  status >= 500 ? 'error' : status >= 400 ? 'warn' : 'http';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<unknown>) => {
    const incoming = ctx.get('X-Request-Id');
    const requestId = INCOMING_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const start = process.hrtime.bigint();
    let status = 500;
    try {
      await next();
      status = ctx.status;
    } finally {
      // An error escaping here (strapi::errors answers every error, so only a bug) is logged as a 500.
      const ms = Number((process.hrtime.bigint() - start) / 1_000_000n);
      strapi.log[levelOf(status)](`${ctx.method} ${printablePath(ctx.path)} ${status} ${ms}ms id=${requestId}`);
    }
  };

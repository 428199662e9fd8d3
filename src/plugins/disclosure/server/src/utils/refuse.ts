// The plugin's one way to answer 400: Strapi's ValidationError with a message and, in details.errors, each field at
// fault (the admin's forms and the Content Manager read them by path).
import { errors } from '@strapi/utils';

/** A problem with one field of the input, as Strapi's ValidationError details list them. */
export interface FieldProblem {
  path: string[];
  message: string;
}

export interface RefuseOptions {
  /** The summary; the problems' messages joined with '; ' when left out. */
  message?: string;
  /** More details beside `errors` (a code, the bilingual messages of the clock, …). */
  details?: Record<string, unknown>;
}

export function refuse(problems: readonly FieldProblem[], options: RefuseOptions = {}): never {
  throw new errors.ValidationError(options.message ?? problems.map((p) => p.message).join('; '), {
    ...options.details,
    errors: problems.map((p) => ({ path: p.path, message: p.message, name: 'ValidationError', value: null })),
  });
}

/**
 * Whether a policy document is in force today (现行有效), repealed (已废止) or not yet effective, derived from its
 * dates on every read: never stored, so it changes by itself at midnight in China without a job.
 */
import { toIsoDate } from '../../../validation/dates';

export const VALIDITIES = ['inForce', 'repealed', 'notYetEffective'] as const;
export type Validity = (typeof VALIDITIES)[number];

export type ValidityDates = { issuedOn?: unknown; effectiveOn?: unknown; repealedOn?: unknown };

/**
 * `today` is a calendar date ('YYYY-MM-DD') in Asia/Shanghai. A document repealed on a day is no longer in force on
 * that day (as the annual report counts it: "in force on 31 December" = not repealed by then). A document takes
 * effect on effectiveOn, or on issuedOn when no effective date is given.
 */
export function validityOf(doc: ValidityDates, today: string): Validity {
  const repealedOn = toIsoDate(doc.repealedOn);
  if (repealedOn && repealedOn <= today) return 'repealed';
  const effectiveOn = toIsoDate(doc.effectiveOn) ?? toIsoDate(doc.issuedOn);
  if (effectiveOn && effectiveOn > today) return 'notYetEffective';
  return 'inForce';
}

/** True when a content-API result carries the dates validity is computed from (the client may have picked fields). */
export const hasValidityDates = (doc: Record<string, unknown>) =>
  'issuedOn' in doc && 'effectiveOn' in doc && 'repealedOn' in doc;

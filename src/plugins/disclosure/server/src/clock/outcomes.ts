// The one place the clock learns the outcome codes (the 21 result rows of table 三) from: the report format owns them.
import { OUTCOMES } from '../format';

/** A result row code of table 三, e.g. 'granted', 'withheld.stateSecret', 'otherDisposal.noCorrection'. */
export type OutcomeCode = string;

export const OUTCOME_CODES: readonly OutcomeCode[] = OUTCOMES;

const KNOWN = new Set<string>(OUTCOME_CODES);
export const isOutcomeCode = (value: unknown): value is OutcomeCode => typeof value === 'string' && KNOWN.has(value);

/**
 * Valid but fictitious resident ID numbers (GB 11643-1999) for sample applicants. The region code 411799 is not
 * assigned to any county (驻马店市 uses 411702 and 411721–411729), so a sample number belongs to nobody.
 */
import { residentIdCheckChar as checkChar } from '../validation/identifiers';
import type { Random } from './random';

export const SAMPLE_ID_REGION = '411799';

export function residentIdCheckChar(first17: string): string {
  if (!/^[0-9]{17}$/.test(first17)) throw new Error(`residentIdCheckChar: expected 17 digits, got "${first17}"`);
  return checkChar(first17);
}

/** An 18-character number: region, a birth date between 1950 and 2003, a 3-digit sequence, the check character. */
export function sampleResidentId(rng: Random): string {
  const year = rng.int(1950, 2003);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const birth = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  const first17 = `${SAMPLE_ID_REGION}${birth}${String(rng.int(1, 999)).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

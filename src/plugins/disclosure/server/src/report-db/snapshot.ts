/**
 * The computed tables as stored on a report (attribute `tables`): a snapshot with the format, the time computed, the
 * record counts behind it and the cells. Validated with zod whenever it is read, since anything can write JSON.
 */
import { z } from 'zod';

export const snapshotSchema = z.object({
  format: z.string(),
  computedAt: z.string(),
  recordCounts: z.object({
    applications: z.number().int().nonnegative(),
    cases: z.number().int().nonnegative(),
    policyDocuments: z.number().int().nonnegative(),
    decisions: z.number().int().nonnegative(),
    fees: z.number().int().nonnegative(),
  }),
  cells: z.record(z.string(), z.union([z.number(), z.string()])),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const acknowledgementSchema = z.object({
  by: z.object({ id: z.union([z.number(), z.string()]), name: z.string() }),
  at: z.string(),
  /** Fingerprint of the warnings acknowledged: new or changed warnings need a new acknowledgement. */
  warnings: z.string(),
});
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

export function parseSnapshot(value: unknown): Snapshot | null {
  const parsed = snapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function parseAcknowledgement(value: unknown): Acknowledgement | null {
  const parsed = acknowledgementSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

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

const person = z.object({ id: z.union([z.number(), z.string()]), name: z.string() });
const sections = z.object({ overview: z.string(), problems: z.string(), otherMatters: z.string() });

/** An earlier publication kept when a published report is corrected (更正): who, when, why, and what it said. */
export const correctionSchema = z.object({
  at: z.string(),
  by: person,
  reason: z.string().min(1),
  previous: z.object({
    publishedAt: z.string(),
    computedAt: z.string(),
    cells: z.record(z.string(), z.union([z.number(), z.string()])),
    sections,
  }),
});
export type Correction = z.infer<typeof correctionSchema>;

/**
 * Everything the public sees of a published report, fixed at publication (attribute `publication`, per locale, only
 * written by the plugin's publish step): the public JSON exactly as served, and what the renderings need (the format
 * declaration it was rendered with, the fee decimals, the cells). Also the facts the admin compares later
 * (the baseline: last year's published cells), and the corrections history.
 */
export const publicationSchema = z.object({
  version: z.literal(1),
  publishedAt: z.string(),
  firstPublishedAt: z.string(),
  publishedBy: person,
  /** The format declaration as it was at publication: later label changes do not alter a published report. */
  format: z.record(z.string(), z.unknown()),
  feeDecimals: z.number().int().min(0).max(6),
  snapshot: snapshotSchema,
  sections,
  /** sha256 of last year's published cells at publication; null when there was none. */
  baseline: z.object({ previousYear: z.number().int(), previous: z.string().nullable() }),
  corrections: z.array(correctionSchema),
  /** The public JSON (PublicReport), served as it is. */
  report: z.record(z.string(), z.unknown()),
});
export type Publication = z.infer<typeof publicationSchema>;

export function parsePublication(value: unknown): Publication | null {
  const parsed = publicationSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

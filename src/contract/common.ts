/** Shapes shared by every part of the API. */
import { z } from 'zod';

/** A UUID path or body id. */
export const idSchema = z.uuid({ error: 'must be a UUID' });

/** Trimmed, non-empty text of bounded length. */
export const text = (max: number) =>
  z.string().trim().min(1, { error: 'must not be empty' }).max(max);

/** ISO 8601 timestamp as stored. */
export const timestamp = z.string();

/** Every error answer: a stable code, a message that says what was wrong, optional details. */
export const errorResponse = z.object({
  error: z.object({
    /** Stable machine-readable code. */
    code: z.string(),
    /** What was wrong, for a person. */
    message: z.string(),
    /** Structured details (e.g. the invalid fields, or the current state on a stale edit). */
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;

/** An empty success answer. */
export const okResponse = z.object({ ok: z.literal(true) });

/** Process id in the path. */
export const processParams = z.object({ processId: idSchema });

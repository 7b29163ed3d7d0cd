import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { CLOCK_KEYS } from './clocks.ts';
import { DECISIONS } from './rules.ts';

const blank = z.literal('').transform(() => undefined);

export const incidentsQuery = pageQuery.extend({
  q: z.string().trim().max(100, 'q must be 100 characters or fewer').optional(),
  decision: z
    .union([blank, z.enum([...DECISIONS, 'none'], { error: 'decision must be a decision, or none' })])
    .optional(),
});

export const clocksQuery = pageQuery.extend({
  reference: z
    .union([
      blank,
      z
        .string()
        .trim()
        .regex(/^(?:SI-)?\d{1,9}$/i, 'reference must be a case reference, like SI-12')
        .transform((v) => Number(v.replace(/^SI-/i, ''))),
    ])
    .optional(),
  clock: z.union([blank, z.enum(CLOCK_KEYS, { error: 'clock must be one of the clocks' })]).optional(),
  status: z
    .union([
      blank,
      z.enum(['overdue', 'due-soon', 'due'], { error: 'status must be overdue, due-soon or due' }),
    ])
    .optional(),
});

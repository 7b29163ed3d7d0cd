import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import {
  idList,
  isoDate,
  optionalIsoDate,
  optionalText,
  optionalUuid,
  requiredText,
} from '../../platform/http/validation.ts';
import { confirmation } from '../../platform/privacy/personal-data.ts';
import { ACTION_STATUSES, DUE_PERIODS, EVIDENCE_KINDS, MANUAL_SOURCE_KINDS, SOURCE_KINDS } from './rules.ts';

const STATUS_FILTERS = [...ACTION_STATUSES, 'open'] as const;
const DATE_EXAMPLE = 'for example 30 4 2027';
const blank = z.literal('').transform(() => undefined);
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.union([blank, z.enum(values, { error: message })]).optional();
const optionalFilterId = (message: string) => z.union([blank, z.uuid({ error: message })]).optional();

/** The plan's filters, for the list, the export and the themes page. */
export const planFilter = z.object({
  themeId: z
    .union([blank, z.literal('none'), z.uuid({ error: 'themeId must be the id of a theme, or none' })])
    .optional(),
  sourceKind: optionalEnum(SOURCE_KINDS, `sourceKind must be one of ${SOURCE_KINDS.join(', ')}`),
  sourceId: optionalFilterId('sourceId must be the id of a source'),
  agencyId: optionalFilterId('agencyId must be the id of an agency'),
  priorityId: optionalFilterId('priorityId must be the id of a priority'),
  status: optionalEnum(STATUS_FILTERS, `status must be one of ${STATUS_FILTERS.join(', ')}`),
  due: optionalEnum(DUE_PERIODS, `due must be one of ${DUE_PERIODS.join(', ')}`),
  q: z.string().trim().max(200, 'Search for 200 characters or fewer').optional(),
});
export type PlanFilter = z.output<typeof planFilter>;
export const planQuery = pageQuery.extend(planFilter.shape);

/** An action's details as a holder of the plan sets them. */
export const actionInput = z.strictObject({
  text: requiredText(2_000, 'Enter the action', 'The action'),
  themeIds: idList('Select themes from the list'),
  ownerAgencyId: z.uuid({ error: 'Select the agency that owns the action' }),
  ownerPersonId: optionalUuid('Select the owner from the people of this partnership'),
  raisedOn: isoDate(
    `Date raised must be a real date, ${DATE_EXAMPLE}`,
    'Enter the date the action was raised',
  ),
  dueOn: isoDate(`Due date must be a real date, ${DATE_EXAMPLE}`, 'Enter the date the action is due'),
  priorityId: optionalUuid('Select a priority from the list'),
  confirmNoPersonalData: confirmation,
});
export type ActionInput = z.output<typeof actionInput>;

/** A new action answering a source; `choice` answers the question of similar actions. */
export const newActionInput = actionInput.extend({
  sourceId: z.uuid({ error: 'Select what the action answers' }),
  detail: optionalText(3_000, 'The recommendation or finding').transform((v) => v ?? ''),
  status: z.enum(['proposed', 'agreed'], { error: 'Select proposed or agreed' }).default('proposed'),
  /** 'new' to add it even though similar actions exist, or the id of the action it duplicates. */
  choice: z
    .union([blank, z.literal('new'), z.uuid({ error: 'Select an action or add a new one' })])
    .optional(),
});
export type NewActionInput = z.output<typeof newActionInput>;

export const progressInput = z.strictObject({
  status: z.enum(ACTION_STATUSES, { error: 'Select the status' }),
  note: optionalText(4_000, 'The update').transform((v) => v ?? ''),
  outcome: optionalText(4_000, 'The outcome').transform((v) => v ?? ''),
  writtenOn: optionalIsoDate(`Date must be a real date, ${DATE_EXAMPLE}`),
  confirmNoPersonalData: confirmation,
});
export type ProgressInput = z.output<typeof progressInput>;

export const evidenceInput = z.strictObject({
  kind: z.enum(EVIDENCE_KINDS, { error: 'Select the kind of evidence' }),
  summary: requiredText(4_000, 'Describe the evidence: what it shows changed', 'The evidence'),
  evidenceOn: isoDate(`Date must be a real date, ${DATE_EXAMPLE}`, 'Enter the date of the evidence'),
  reference: optionalText(500, 'The reference').transform((v) => v ?? ''),
  confirmNoPersonalData: confirmation,
});
export type EvidenceInput = z.output<typeof evidenceInput>;

export const mergeInput = z.strictObject({
  otherId: z.uuid({ error: 'Select the action to merge into this one' }),
});

/** The page's merge form names the other action by its reference: ACT-12, or 12. */
export const mergeFormInput = z
  .strictObject({
    otherRef: z
      .string({ error: 'Enter the reference of the action to merge, like ACT-12' })
      .trim()
      .regex(/^(?:ACT-?)?\d{1,9}$/i, 'Enter the reference of the action to merge, like ACT-12'),
  })
  .transform((v) => ({ otherNumber: Number(/\d+/.exec(v.otherRef)?.[0]) }));

export const linkSourceInput = z.strictObject({
  sourceId: z.uuid({ error: 'Select the source' }),
  detail: optionalText(2_000, 'The recommendation or finding').transform((v) => v ?? ''),
});

export const sourceInput = z.strictObject({
  kind: z.enum(MANUAL_SOURCE_KINDS, { error: 'Select scrutiny, national review or other' }),
  title: requiredText(300, 'Enter the title of the report or review', 'The title'),
  reference: optionalText(500, 'The reference').transform((v) => v ?? ''),
  datedOn: isoDate(`Date must be a real date, ${DATE_EXAMPLE}`, 'Enter the date of the report or review'),
});

export const listItemInput = z.strictObject({
  name: requiredText(100, 'Enter a name', 'The name'),
});

export const similarQuery = z.object({
  text: requiredText(2_000, 'Enter the text to compare', 'The text'),
  sourceId: optionalFilterId('sourceId must be the id of a source'),
});

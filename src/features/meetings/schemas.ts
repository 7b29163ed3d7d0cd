import { z } from 'zod';
import {
  idList,
  isoDate,
  optionalIsoDate,
  optionalText,
  optionalUuid,
  requiredText,
} from '../../platform/http/validation.ts';
import { ESCALATION_STATUSES } from './escalation-rules.ts';
import { RISK_STATUSES } from './risk-rules.ts';
import { ACTION_STATUSES, ATTENDANCE, endsAfterStart, isClockTime, MEETING_STATUSES } from './rules.ts';

const clockTime = (emptyMessage: string, label: string) =>
  z
    .string({ error: emptyMessage })
    .trim()
    .min(1, emptyMessage)
    .transform((v) => (/^\d:\d\d$/.test(v) ? `0${v}` : v).replace('.', ':'))
    .refine(isClockTime, `${label} must be a time on the 24-hour clock, like 09:30 or 14:00`);

const videoUrl = z
  .union([
    z.literal('').transform(() => null),
    z.null(),
    z
      .string()
      .trim()
      .max(500, 'Video link must be 500 characters or fewer')
      .refine((v) => {
        try {
          return new URL(v).protocol === 'https:';
        } catch {
          return false;
        }
      }, 'Video link must be a web address starting https://'),
  ])
  .optional()
  .transform((v) => v ?? null);

// Compared only when both are real times: a wrong start time has its own message.
const endAfterStart = (v: { startTime?: string; endTime?: string }) =>
  !v.startTime ||
  !v.endTime ||
  !isClockTime(v.startTime) ||
  !isClockTime(v.endTime) ||
  endsAfterStart(v.startTime, v.endTime);
const endMessage = { path: ['endTime'], message: 'The end time must be after the start time' };

const meetingFields = {
  groupId: z.uuid({ error: 'Select the group that is meeting' }),
  date: isoDate('Date must be a real date, for example 14 10 2025', 'Enter the date of the meeting'),
  startTime: clockTime('Enter the start time', 'Start time'),
  endTime: clockTime('Enter the end time', 'End time'),
  place: optionalText(300, 'Place').transform((v) => v ?? ''),
  videoUrl,
  papersDueOn: optionalIsoDate('Papers due date must be a real date, for example 7 10 2025'),
};

export const meetingInput = z.strictObject(meetingFields).refine(endAfterStart, endMessage);
export const meetingPatch = z
  .strictObject({
    ...meetingFields,
    status: z.enum(MEETING_STATUSES, { error: 'Status must be scheduled, held or cancelled' }),
  })
  .omit({ groupId: true })
  .partial()
  .refine(endAfterStart, endMessage);

export const agendaItemInput = z.strictObject({
  title: requiredText(300, 'Enter the agenda item', 'Agenda item'),
  ownerPersonId: optionalUuid('Select who leads the item from the list'),
});

export const attendanceInput = z.strictObject({
  attendance: z
    .array(
      z.strictObject({
        personId: z.uuid({ error: 'personId must be the id of a person' }),
        status: z.enum(ATTENDANCE, { error: 'Attendance must be present, apologies or absent' }),
      }),
    )
    .max(500, 'At most 500 people at a time'),
});

export const decisionInput = z.strictObject({
  text: requiredText(2_000, 'Enter the decision', 'Decision'),
});

const actionFields = {
  text: requiredText(1_000, 'Enter the action', 'Action'),
  ownerPersonId: z.uuid({ error: 'Select who owns the action' }),
  dueOn: isoDate('Due date must be a real date, for example 30 11 2025', 'Enter the due date'),
};
export const actionInput = z.strictObject(actionFields);
export const actionPatch = z
  .strictObject({
    ...actionFields,
    status: z.enum(ACTION_STATUSES, { error: 'Select the status' }),
    progress: optionalText(2_000, 'Progress').transform((v) => v ?? ''),
  })
  .partial();

export const escalationInput = z.strictObject({
  title: requiredText(200, 'Enter the issue in a few words', 'The issue'),
  issue: requiredText(5_000, 'Describe the issue', 'The description'),
  ask: requiredText(2_000, 'Say what the executive is asked to decide', 'What is asked'),
  raisedByGroupId: optionalUuid('Select the group raising it from the list'),
  raisedByPersonId: optionalUuid('Select the person raising it from the list'),
  raisedByAgencyId: z.uuid({ error: 'Select the agency raising it' }),
  raisedAtMeetingId: optionalUuid('The meeting must be one of this partnership’s'),
  raisedOn: isoDate(
    'Date raised must be a real date, for example 14 10 2025',
    'Enter the date it was raised',
  ),
});

export const escalationMove = z.strictObject({
  to: z.enum(ESCALATION_STATUSES, { error: 'Select the new status' }),
  onDate: isoDate('Date must be a real date, for example 14 10 2025', 'Enter the date'),
  response: optionalText(5_000, 'Response').transform((v) => v ?? ''),
  decision: optionalText(2_000, 'Decision').transform((v) => v ?? ''),
});

export const riskInput = z.strictObject({
  title: requiredText(200, 'Enter the risk in a few words', 'The risk'),
  description: requiredText(5_000, 'Describe the risk', 'The description'),
  raisedByAgencyId: z.uuid({ error: 'Select the agency raising it' }),
  raisedByPersonId: optionalUuid('Select the person raising it from the list'),
  raisedOn: isoDate(
    'Date raised must be a real date, for example 14 10 2025',
    'Enter the date it was raised',
  ),
  partnerIds: idList('Select the partners affected from the list'),
  response: optionalText(5_000, 'Response').transform((v) => v ?? ''),
  ownerPersonId: optionalUuid('Select the owner from the list'),
  status: z.enum(RISK_STATUSES, { error: 'Select the status' }).default('open'),
  reviewOn: optionalIsoDate('Review date must be a real date, for example 30 11 2025'),
});

export const riskEscalation = z.strictObject({
  ask: requiredText(2_000, 'Say what the executive is asked to decide', 'What is asked'),
});

export type RiskInput = z.output<typeof riskInput>;
export type EscalationInput = z.output<typeof escalationInput>;
export type EscalationMove = z.output<typeof escalationMove>;
export type MeetingInput = z.output<typeof meetingInput>;
export type MeetingPatch = z.output<typeof meetingPatch>;
export type AgendaItemInput = z.output<typeof agendaItemInput>;
export type AttendanceInput = z.output<typeof attendanceInput>;
export type ActionInput = z.output<typeof actionInput>;
export type ActionPatch = z.output<typeof actionPatch>;

import { z } from 'zod';
import { ROLES } from '../../platform/access/roles.ts';
import {
  isoDate,
  optionalIsoDate,
  optionalText,
  optionalUuid,
  requiredText,
  searchText,
} from '../../platform/http/validation.ts';
import { AGENCY_KINDS, CADENCES, GROUP_TYPES, SECTORS } from './rules.ts';

const choice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.enum(values, { error: message });

export const partnerInput = z.strictObject({
  name: requiredText(200, 'Enter the name of the partner', 'Name'),
  kind: choice(AGENCY_KINDS, 'Select what kind of partner this is'),
  sector: choice(SECTORS, 'Select the sector').default('other'),
  contactEmail: z
    .union([
      z.literal('').transform(() => null),
      z.null(),
      z.email({ error: 'Enter the contact address in the correct format, like safeguarding@agency.example' }),
    ])
    .optional()
    .transform((v) => v ?? null),
});
export const partnerPatch = partnerInput.partial().extend({ isActive: z.boolean().optional() });

export const personInput = z.strictObject({
  name: requiredText(200, 'Enter the person’s name', 'Name'),
  jobTitle: optionalText(200, 'Job title').transform((v) => v ?? ''),
  agencyId: z.uuid({ error: 'Select the person’s agency' }),
  email: z
    .union([
      z.literal('').transform(() => null),
      z.null(),
      z.email({ error: 'Enter an email address in the correct format, like name@example.com' }),
    ])
    .optional()
    .transform((v) => v ?? null),
});
export const personPatch = personInput.partial();

const groupFields = {
  name: requiredText(200, 'Enter the name of the group', 'Name'),
  type: choice(GROUP_TYPES, 'Select the type of group'),
  termsOfReference: optionalText(10_000, 'Terms of reference').transform((v) => v ?? ''),
  cadence: choice(CADENCES, 'Select how often the group meets'),
  chairPersonId: optionalUuid('Select the chair from the list'),
  sponsorPersonId: optionalUuid('Select the executive sponsor from the list'),
  reportsToGroupId: optionalUuid('Select the group it reports to from the list'),
  startsOn: isoDate('Start date must be a real date, for example 1 4 2024', 'Enter the start date'),
  endsOn: optionalIsoDate('End date must be a real date, for example 31 3 2025'),
  quorum: z
    .union([
      z.literal('').transform(() => null),
      z.null(),
      z.coerce
        .number({ error: 'Quorum must be a whole number, like 4' })
        .int('Quorum must be a whole number, like 4')
        .min(1, 'Quorum must be 1 or more')
        .max(500, 'Quorum must be 500 or fewer'),
    ])
    .optional()
    .transform((v) => v ?? null),
  quorumNeedsStatutory: z
    .union([z.boolean(), z.literal('yes').transform(() => true), z.literal('no').transform(() => false)], {
      error: 'Say whether each statutory partner must be present',
    })
    .optional()
    .transform((v) => v ?? false),
};
const endAfterStart = (v: { startsOn?: string; endsOn?: string | null }) =>
  !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn;
const endMessage = { path: ['endsOn'], message: 'The end date must be the same as or after the start date' };

export const groupInput = z.strictObject(groupFields).refine(endAfterStart, endMessage);
export const groupPatch = z.strictObject(groupFields).partial().refine(endAfterStart, endMessage);

export const memberInput = z.strictObject({ personId: z.uuid({ error: 'Select a person to add' }) });

export const rotaInput = z
  .strictObject({
    agencyId: z.uuid({ error: 'Select the statutory partner who chairs' }),
    startsOn: isoDate('Start date must be a real date, for example 1 4 2024', 'Enter the start date'),
    endsOn: isoDate('End date must be a real date, for example 31 3 2025', 'Enter the end date'),
  })
  .refine((v) => v.endsOn >= v.startsOn, endMessage);

export const boardLinkInput = z.strictObject({
  name: requiredText(200, 'Enter the name of the board', 'Name'),
  relationship: optionalText(2_000, 'How the boards work together').transform((v) => v ?? ''),
  jointPriorities: optionalText(2_000, 'Joint priorities').transform((v) => v ?? ''),
});

export const safeguardingPartnerInput = z.strictObject({
  personId: z.uuid({ error: 'Select the person' }),
  role: choice(['lead', 'delegated'] as const, 'Select lead or delegated safeguarding partner'),
});

export const userInput = z.strictObject({
  name: requiredText(200, 'Enter the user’s name', 'Name'),
  email: z
    .string()
    .trim()
    .min(1, 'Enter the user’s email address')
    .max(320)
    .email('Enter an email address in the correct format, like name@example.com'),
  role: choice(ROLES, 'Select the user’s role'),
  agencyId: z.uuid({ error: 'Select the user’s agency' }),
});
export const userPatch = userInput.partial().extend({ isActive: z.boolean().optional() });

export const listQuery = z.object({ q: searchText('Search') });

export type PartnerInput = z.output<typeof partnerInput>;
export type PartnerPatch = z.output<typeof partnerPatch>;
export type PersonInput = z.output<typeof personInput>;
export type PersonPatch = z.output<typeof personPatch>;
export type GroupInput = z.output<typeof groupInput>;
export type GroupPatch = z.output<typeof groupPatch>;
export type RotaInput = z.output<typeof rotaInput>;
export type BoardLinkInput = z.output<typeof boardLinkInput>;
export type UserInput = z.output<typeof userInput>;
export type UserPatch = z.output<typeof userPatch>;

export const partnershipInput = z.strictObject({
  name: requiredText(200, 'Enter the name of the partnership', 'Name'),
  slug: z
    .string({ error: 'Enter a short name for web addresses' })
    .trim()
    .min(1, 'Enter a short name for web addresses')
    .max(60, 'Short name must be 60 characters or fewer')
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      'Short name must be lower-case letters, numbers and single hyphens, like leeds-scp',
    ),
  areaName: requiredText(200, 'Enter the area the partnership covers', 'Area'),
  localAuthorityName: requiredText(200, 'Enter the name of the local authority', 'Local authority'),
  adminName: requiredText(200, 'Enter the name of the first admin', 'Admin name'),
  adminEmail: z
    .string()
    .trim()
    .min(1, 'Enter the email address of the first admin')
    .max(320)
    .email('Enter an email address in the correct format, like name@example.com'),
});
export type PartnershipInput = z.output<typeof partnershipInput>;

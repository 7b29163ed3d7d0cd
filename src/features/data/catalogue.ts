/**
 * The standard indicators a partnership's catalogue starts with: DOMAIN.md's DfE children's social
 * care indicators, those of the seed reports, and the partnership's own multi-agency measures. Each
 * names the kind of agency that usually owns it. Pure data.
 */
import type { Polarity } from './comparisons.ts';
import type { Unit } from './statistics.ts';

export type OwnerKind = 'local-authority' | 'icb' | 'police';

export type StandardIndicator = {
  code: string;
  name: string;
  definition: string;
  unit: Unit;
  polarity: Polarity;
  owner: OwnerKind;
  askedOf?: 'owner' | 'every-partner';
  per10k?: boolean;
  /** The count it is part of (a count) or a percentage of (a percentage). */
  partOf?: string;
  source: string;
  published?: boolean;
  changeThreshold?: number;
  /** Themes of the action plan's default list it belongs to. */
  themes?: string[];
};

const DFE_CIN = 'DfE Children in need census';
const DFE_CLA = 'DfE SSDA903 return (children looked after)';

const planCategory = (code: string, category: string, theme?: string): StandardIndicator => ({
  code: `CPP_${code}`,
  name: `Child protection plans: ${category}`,
  definition: `Children on a child protection plan at the end of the quarter whose initial category of abuse was ${category}.`,
  unit: 'count',
  polarity: 'neither',
  owner: 'local-authority',
  partOf: 'CPP',
  source: DFE_CIN,
  published: true,
  ...(theme ? { themes: [theme] } : {}),
});

export const STANDARD_INDICATORS: readonly StandardIndicator[] = [
  {
    code: 'REFERRALS',
    name: 'Referrals to children’s social care',
    definition: 'Referrals received by children’s social care in the quarter.',
    unit: 'count',
    polarity: 'neither',
    owner: 'local-authority',
    per10k: true,
    source: DFE_CIN,
    published: true,
    changeThreshold: 15,
  },
  {
    code: 'REREFERRALS',
    name: 'Re-referrals within 12 months',
    definition:
      'Referrals in the quarter that were within 12 months of a previous referral, as a percentage.',
    unit: 'percentage',
    polarity: 'lower',
    owner: 'local-authority',
    source: DFE_CIN,
    changeThreshold: 20,
  },
  {
    code: 'ASSESS_45',
    name: 'Assessments completed within 45 working days',
    definition:
      'Assessments completed in the quarter within 45 working days of the referral, as a percentage.',
    unit: 'percentage',
    polarity: 'higher',
    owner: 'local-authority',
    source: DFE_CIN,
    changeThreshold: 10,
  },
  {
    code: 'S47',
    name: 'Section 47 enquiries',
    definition: 'Section 47 enquiries started in the quarter.',
    unit: 'count',
    polarity: 'neither',
    owner: 'local-authority',
    per10k: true,
    source: DFE_CIN,
    changeThreshold: 20,
  },
  {
    code: 'ICPC_15',
    name: 'Initial conferences within 15 working days',
    definition:
      'Initial child protection conferences held within 15 working days of the strategy discussion, as a percentage.',
    unit: 'percentage',
    polarity: 'higher',
    owner: 'local-authority',
    source: DFE_CIN,
    changeThreshold: 10,
  },
  {
    code: 'CIN',
    name: 'Children in need',
    definition: 'Children in need at the end of the quarter.',
    unit: 'count',
    polarity: 'neither',
    owner: 'local-authority',
    per10k: true,
    source: DFE_CIN,
    published: true,
    changeThreshold: 10,
  },
  {
    code: 'CPP',
    name: 'Children on child protection plans',
    definition: 'Children on a child protection plan at the end of the quarter.',
    unit: 'count',
    polarity: 'neither',
    owner: 'local-authority',
    per10k: true,
    source: DFE_CIN,
    published: true,
    changeThreshold: 15,
  },
  planCategory('NEGLECT', 'neglect', 'Neglect'),
  planCategory('PHYSICAL', 'physical abuse'),
  planCategory('SEXUAL', 'sexual abuse'),
  planCategory('EMOTIONAL', 'emotional abuse'),
  planCategory('MULTIPLE', 'multiple categories'),
  {
    code: 'CPP_2YEARS',
    name: 'Plans ending that lasted 2 years or more',
    definition:
      'Child protection plans ending in the quarter that had lasted 2 years or more, as a percentage.',
    unit: 'percentage',
    polarity: 'lower',
    owner: 'local-authority',
    source: DFE_CIN,
  },
  {
    code: 'CPP_REPEAT',
    name: 'Second or subsequent plans',
    definition:
      'Child protection plans starting in the quarter that were a second or later plan, as a percentage.',
    unit: 'percentage',
    polarity: 'lower',
    owner: 'local-authority',
    source: DFE_CIN,
  },
  {
    code: 'CLA',
    name: 'Children looked after',
    definition: 'Children looked after at the end of the quarter.',
    unit: 'count',
    polarity: 'neither',
    owner: 'local-authority',
    per10k: true,
    source: DFE_CLA,
    published: true,
    changeThreshold: 10,
  },
  {
    code: 'CLA_FOSTER',
    partOf: 'CLA',
    name: 'Children looked after in foster placements',
    definition:
      'Children looked after at the end of the quarter who were placed with foster carers, as a percentage.',
    unit: 'percentage',
    polarity: 'higher',
    owner: 'local-authority',
    source: DFE_CLA,
    published: true,
  },
  {
    code: 'CLA_HOMES',
    partOf: 'CLA',
    name: 'Children looked after in children’s homes, secure units or hostels',
    definition: 'Children looked after at the end of the quarter placed in these settings, as a percentage.',
    unit: 'percentage',
    polarity: 'neither',
    owner: 'local-authority',
    source: DFE_CLA,
    published: true,
  },
  {
    code: 'CLA_IN_ABUSE',
    name: 'Entered care because of abuse or neglect',
    definition:
      'Children starting to be looked after in the year whose main need was abuse or neglect, as a percentage.',
    unit: 'percentage',
    polarity: 'neither',
    owner: 'local-authority',
    source: DFE_CLA,
    themes: ['Neglect'],
  },
  {
    code: 'CLA_IN_ABSENT',
    name: 'Entered care because of absent parenting',
    definition:
      'Children starting to be looked after in the year whose main need was absent parenting, as a percentage.',
    unit: 'percentage',
    polarity: 'neither',
    owner: 'local-authority',
    source: DFE_CLA,
  },
  {
    code: 'CLA_HEALTH',
    name: 'Children looked after who had their annual health assessment',
    definition:
      'Children looked after for at least 12 months whose annual health assessment was up to date, as a percentage.',
    unit: 'percentage',
    polarity: 'higher',
    owner: 'icb',
    source: DFE_CLA,
    published: true,
    changeThreshold: 10,
  },
  {
    code: 'DA_NOTIFY',
    name: 'Domestic abuse notifications where children live',
    definition:
      'Domestic abuse incidents notified to children’s services in the quarter where a child was in the household.',
    unit: 'count',
    polarity: 'neither',
    owner: 'police',
    source: 'Police notifications to the front door',
    published: true,
    changeThreshold: 20,
    themes: ['Domestic abuse'],
  },
  {
    code: 'MISSING',
    name: 'Missing episodes of children',
    definition: 'Episodes of children reported missing in the quarter.',
    unit: 'count',
    polarity: 'lower',
    owner: 'police',
    source: 'Police missing persons records',
    changeThreshold: 20,
    themes: ['Exploitation'],
  },
  {
    code: 'EXPLOIT_REF',
    name: 'Child exploitation referrals',
    definition: 'Referrals for criminal or sexual exploitation of a child made in the quarter.',
    unit: 'count',
    polarity: 'neither',
    owner: 'local-authority',
    source: 'Exploitation panel records',
    changeThreshold: 25,
    themes: ['Exploitation'],
  },
  {
    code: 'LADO',
    name: 'Allegations against people who work with children',
    definition: 'Allegations referred to the local authority designated officer (LADO) in the quarter.',
    unit: 'count',
    polarity: 'neither',
    owner: 'local-authority',
    source: 'LADO records',
    published: true,
    changeThreshold: 30,
  },
  {
    code: 'CDOP_REVIEWED',
    name: 'Child deaths reviewed',
    definition: 'Child deaths whose review by the child death overview panel was completed in the quarter.',
    unit: 'count',
    polarity: 'neither',
    owner: 'icb',
    source: 'Child death overview panel',
    published: true,
  },
  {
    code: 'TRAINED',
    name: 'Practitioners trained by the partnership',
    definition: 'Practitioners of the agency who attended partnership training in the quarter.',
    unit: 'count',
    polarity: 'higher',
    owner: 'local-authority',
    askedOf: 'every-partner',
    source: 'Partnership training records',
    published: true,
  },
];

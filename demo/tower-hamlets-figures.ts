/**
 * Published statistical figures for Tower Hamlets, taken from the THSCP yearly reports in shared/seeds.
 * Numbers and short labels only. Each figure names the seed file and line it can be checked against.
 *
 * Periods: an as-at date 'YYYY-MM-DD' for stock figures ("in March 2021" is read as the DfE
 * 31 March snapshot) or a financial year 'YYYY-YY' for figures counted over a year.
 * Comparator rates are per 10,000 children, as the report gives them (whole numbers).
 */

/** Where each figure comes from: the seed file and the line it is on. */
export type SeedFigure = {
  key: string;
  label: string;
  unit: 'count' | 'percentage' | 'rate' | 'days';
  area: 'Tower Hamlets' | 'London' | 'England' | 'Statistical neighbours';
  period: string;
  value: number;
  source: string;
};

export const TOWER_HAMLETS_FIGURES: readonly SeedFigure[] = [
  // Children in need
  {
    key: 'CIN',
    label: 'Children in need',
    unit: 'count',
    area: 'Tower Hamlets',
    period: '2021-03-31',
    value: 2944,
    source: 'seeds/003_3838673a4379388c.txt:191',
  },
  {
    key: 'CIN_RATE',
    label: 'Children in need per 10,000 children',
    unit: 'rate',
    area: 'Tower Hamlets',
    period: '2021-03-31',
    value: 407,
    source: 'seeds/003_3838673a4379388c.txt:191',
  },

  // Child protection plans
  {
    key: 'CPP',
    label: 'Children on child protection plans',
    unit: 'count',
    area: 'Tower Hamlets',
    period: '2021-03-31',
    value: 235,
    source: 'seeds/003_3838673a4379388c.txt:201',
  },
  {
    key: 'CPP_RATE',
    label: 'Child protection plans per 10,000 children',
    unit: 'rate',
    area: 'Tower Hamlets',
    period: '2021-03-31',
    value: 34,
    source: 'seeds/003_3838673a4379388c.txt:201',
  },
  {
    key: 'CPP_NEGLECT_PCT',
    label: 'Child protection plans: neglect',
    unit: 'percentage',
    area: 'Tower Hamlets',
    period: '2021-03-31',
    value: 77,
    source: 'seeds/003_3838673a4379388c.txt:208',
  },
  {
    key: 'CPP_MULTIPLE',
    label: 'Child protection plans: multiple categories',
    unit: 'count',
    area: 'Tower Hamlets',
    period: '2021-03-31',
    value: 0,
    source: 'seeds/003_3838673a4379388c.txt:208',
  },

  // Children looked after
  {
    key: 'CLA',
    label: 'Children looked after',
    unit: 'count',
    area: 'Tower Hamlets',
    period: '2021-03-31',
    value: 306,
    source: 'seeds/003_3838673a4379388c.txt:215',
  },
  {
    key: 'CLA_RATE',
    label: 'Children looked after per 10,000 children',
    unit: 'rate',
    area: 'Tower Hamlets',
    period: '2021-03-31',
    value: 42,
    source: 'seeds/003_3838673a4379388c.txt:215',
  },
  {
    key: 'CLA_RATE',
    label: 'Children looked after per 10,000 children',
    unit: 'rate',
    area: 'London',
    period: '2020-03-31',
    value: 57,
    source: 'seeds/003_3838673a4379388c.txt:215',
  },
  {
    key: 'CLA_RATE',
    label: 'Children looked after per 10,000 children',
    unit: 'rate',
    area: 'England',
    period: '2020-03-31',
    value: 67,
    source: 'seeds/003_3838673a4379388c.txt:215',
  },
  {
    key: 'CLA_FOSTER_PCT',
    label: 'Children looked after: foster placements',
    unit: 'percentage',
    area: 'Tower Hamlets',
    period: '2021-03-31',
    value: 64,
    source: 'seeds/003_3838673a4379388c.txt:184',
  },
  {
    key: 'CLA_HOMES_SECURE_HOSTELS_PCT',
    label: "Children looked after: children's homes, secure units, hostels",
    unit: 'percentage',
    area: 'Tower Hamlets',
    period: '2021-03-31',
    value: 21,
    source: 'seeds/003_3838673a4379388c.txt:184',
  },
  {
    key: 'CLA_COMMUNITY',
    label: 'Children looked after: placed in community settings',
    unit: 'count',
    area: 'Tower Hamlets',
    period: '2021-03-31',
    value: 0,
    source: 'seeds/003_3838673a4379388c.txt:217',
  },
  {
    key: 'CLA_ENTRY_ABUSE_NEGLECT_PCT',
    label: 'Entering care: abuse or neglect',
    unit: 'percentage',
    area: 'Tower Hamlets',
    period: '2020-21',
    value: 53,
    source: 'seeds/003_3838673a4379388c.txt:184',
  },
  {
    key: 'CLA_ENTRY_ABSENT_PARENTING_PCT',
    label: 'Entering care: absent parenting',
    unit: 'percentage',
    area: 'Tower Hamlets',
    period: '2020-21',
    value: 21,
    source: 'seeds/003_3838673a4379388c.txt:184',
  },

  // Partner activity
  {
    key: 'CP_ADVOCACY_CHILDREN',
    label: 'Children given child protection advocacy',
    unit: 'count',
    area: 'Tower Hamlets',
    period: '2020-21',
    value: 316,
    source: 'seeds/003_3838673a4379388c.txt:280',
  },
  {
    key: 'CP_ADVOCACY_FAMILIES',
    label: 'Families given child protection advocacy',
    unit: 'count',
    area: 'Tower Hamlets',
    period: '2020-21',
    value: 148,
    source: 'seeds/003_3838673a4379388c.txt:280',
  },
  {
    key: 'FGC_REFERRALS',
    label: 'Family group conference referrals',
    unit: 'count',
    area: 'Tower Hamlets',
    period: '2020-21',
    value: 346,
    source: 'seeds/003_3838673a4379388c.txt:401',
  },
  {
    key: 'TRAINING_MHFA_TRAINED',
    label: 'FGC workers trained as mental health first aiders',
    unit: 'count',
    area: 'Tower Hamlets',
    period: '2020-21',
    value: 16,
    source: 'seeds/003_3838673a4379388c.txt:531',
  },

  // Statutory reviews
  {
    key: 'RAPID_REVIEWS',
    label: 'Rapid review panels held',
    unit: 'count',
    area: 'Tower Hamlets',
    period: '2020-21',
    value: 3,
    source: 'seeds/003_3838673a4379388c.txt:477',
  },
];

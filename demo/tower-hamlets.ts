/**
 * Demo partnership: Tower Hamlets Safeguarding Children Partnership.
 *
 * The structure (statutory partners, contributing and engaged agencies, groups and the role titles
 * of their chairs, linked boards) comes from the published Tower Hamlets reports in shared/seeds
 * (2019-20 summary and cabinet report, 2020-21 and 2022-23 annual reports, 2024 Health and Wellbeing
 * Board cover report). Every person and account named here is FICTIONAL; only job titles follow the
 * reports. Dates the reports do not give (chair turns, some start dates) are plausible choices.
 */
import { DEFAULT_THEMES } from '../src/features/actions/rules.ts';
import type { DemoPartnership } from './demo-types.ts';
import { towerHamletsCases } from './tower-hamlets-cases.ts';
import { towerHamletsPlan } from './tower-hamlets-plan.ts';

/** The day the LSCB was dissolved and the partnership arrangements took over. */
const ARRANGEMENTS_BEGAN = '2019-09-29';
/** The 2021 priorities: groups set up in early 2021, replaced when new priorities were set. */
const PRIORITIES_START = '2021-04-01';
const PRIORITIES_END = '2024-03-31';

export const towerHamlets: DemoPartnership = {
  slug: 'tower-hamlets-demo',
  name: 'Tower Hamlets Safeguarding Children Partnership (demo)',
  areaName: 'Tower Hamlets',
  // Themes the reports' reviews and audits return to; priorities as the 2021-24 priority groups held them.
  plan: {
    themes: [...DEFAULT_THEMES, 'Online safety', 'Think family'],
    priorities: [
      'Exploitation of young people',
      'Domestic abuse and its impact on children',
      'Keeping children safe online',
    ],
    actions: towerHamletsPlan,
  },

  agencies: [
    // The three statutory safeguarding partners.
    {
      key: 'la',
      name: 'London Borough of Tower Hamlets',
      kind: 'local-authority',
      sector: 'local-authority',
      contactEmail: 'safeguarding.partnership@la.demo.example',
    },
    {
      key: 'icb',
      name: 'NHS North East London Integrated Care Board',
      kind: 'icb',
      sector: 'health',
      contactEmail: 'safeguarding.children@icb.demo.example',
    },
    {
      key: 'police',
      name: 'Metropolitan Police Service, Central East BCU',
      kind: 'police',
      sector: 'police',
      contactEmail: 'public.protection@police.demo.example',
    },
    // Relevant agencies: contributors in the funding table and agencies in the voice-of-the-child sections.
    { key: 'bartshealth', name: 'Barts Health NHS Trust', kind: 'relevant-agency', sector: 'health' },
    {
      key: 'elft',
      name: 'East London NHS Foundation Trust',
      kind: 'relevant-agency',
      sector: 'health',
      contactEmail: 'safeguarding@elft.demo.example',
    },
    { key: 'gpcg', name: 'Tower Hamlets GP Care Group', kind: 'relevant-agency', sector: 'health' },
    { key: 'lfb', name: 'London Fire Brigade', kind: 'relevant-agency', sector: 'fire' },
    {
      key: 'cafcass',
      name: 'Cafcass (Children and Family Court Advisory and Support Service)',
      kind: 'relevant-agency',
      sector: 'cafcass',
    },
    {
      key: 'yjs',
      name: 'Tower Hamlets Youth Justice Service (Youth Offending Service)',
      kind: 'relevant-agency',
      sector: 'youth-justice',
    },
    {
      key: 'schools',
      name: 'Tower Hamlets schools and colleges',
      kind: 'relevant-agency',
      sector: 'education',
    },
    {
      key: 'williamdavis',
      name: 'William Davis Primary School',
      kind: 'relevant-agency',
      sector: 'education',
    },
    { key: 'barnardos', name: "Barnardo's", kind: 'relevant-agency', sector: 'voluntary' },
    { key: 'healthwatch', name: 'Healthwatch Tower Hamlets', kind: 'relevant-agency', sector: 'voluntary' },
    { key: 'scrutiny', name: 'THSCP Independent Scrutiny', kind: 'relevant-agency', sector: 'other' },
  ],

  people: [
    // London Borough of Tower Hamlets
    { key: 'la-ceo', name: 'Harriet Okafor', jobTitle: 'Chief Executive', agency: 'la' },
    { key: 'dcs', name: 'Nasreen Chowdhury', jobTitle: "Director of Children's Services", agency: 'la' },
    {
      key: 'dir-supporting-families',
      name: 'Daniel Whitfield',
      jobTitle: 'Director, Supporting Families',
      agency: 'la',
    },
    {
      key: 'hos-exploitation',
      name: 'Aaliyah Rahman',
      jobTitle: 'Head of Service, Exploitation Service',
      agency: 'la',
    },
    {
      key: 'hos-sqa',
      name: 'Gareth Pryce',
      jobTitle: 'Head of Service, Safeguarding and Quality Assurance',
      agency: 'la',
    },
    {
      key: 'strategy-manager',
      name: 'Fiona McAllister',
      jobTitle: 'THSCP Partnership Strategy Manager',
      agency: 'la',
    },
    { key: 'coordinator', name: 'Tariq Mahmood', jobTitle: 'THSCP Business Coordinator', agency: 'la' },
    {
      key: 'lado',
      name: "Bernadette O'Sullivan",
      jobTitle: 'Local Authority Designated Officer',
      agency: 'la',
    },
    {
      key: 'iro-manager',
      name: 'Kwame Asante',
      jobTitle: 'Service Manager, Child Protection Chairs and Independent Reviewing Officers',
      agency: 'la',
    },
    {
      key: 'pfss',
      name: 'Joanna Kowalska',
      jobTitle: 'Head of Parent and Family Support Service',
      agency: 'la',
    },
    {
      key: 'fgc',
      name: 'Rhiannon Evans',
      jobTitle: 'Manager, Family Group Conference Service',
      agency: 'la',
    },
    {
      key: 'public-health',
      name: 'Dr Anjali Menon',
      jobTitle: 'Consultant in Public Health, Children and Young People',
      agency: 'la',
    },
    {
      key: 'vawg',
      name: 'Leah Goldberg',
      jobTitle: 'Violence Against Women and Girls Strategy Manager',
      agency: 'la',
    },
    // NHS North East London ICB
    { key: 'icb-ceo', name: 'Catherine Adeyemi', jobTitle: 'Chief Executive', agency: 'icb' },
    {
      key: 'icb-ad',
      name: 'Yewande Adebayo',
      jobTitle: 'Associate Director for Safeguarding Children',
      agency: 'icb',
    },
    {
      key: 'icb-desnurse',
      name: 'Siobhan Gallagher',
      jobTitle: 'Designated Nurse Safeguarding Children',
      agency: 'icb',
    },
    {
      key: 'icb-desdoctor',
      name: 'Dr Imran Qureshi',
      jobTitle: 'Designated Doctor Safeguarding Children',
      agency: 'icb',
    },
    {
      key: 'icb-safeguarding-manager',
      name: 'Samuel Osei',
      jobTitle: 'Senior Safeguarding Manager, Children',
      agency: 'icb',
    },
    {
      key: 'icb-data',
      name: 'Priya Nair',
      jobTitle: 'Safeguarding Quality and Performance Analyst',
      agency: 'icb',
    },
    // Metropolitan Police Service, Central East BCU
    {
      key: 'police-commander',
      name: 'Richard Haines',
      jobTitle: 'Chief Superintendent, BCU Commander',
      agency: 'police',
    },
    {
      key: 'police-dcsupt',
      name: 'Claire Donnelly',
      jobTitle: 'Detective Chief Superintendent',
      agency: 'police',
    },
    {
      key: 'police-dsupt-pp',
      name: 'Ravinder Sandhu',
      jobTitle: 'Detective Superintendent, Public Protection',
      agency: 'police',
    },
    {
      key: 'police-di',
      name: 'Owen Pritchard',
      jobTitle: 'Detective Inspector, Safeguarding',
      agency: 'police',
    },
    // Health providers
    {
      key: 'barts-named-nurse',
      name: 'Grace Oduya',
      jobTitle: 'Named Nurse Safeguarding Children',
      agency: 'bartshealth',
    },
    {
      key: 'barts-named-doctor',
      name: 'Dr Thomas Lindqvist',
      jobTitle: 'Named Doctor Safeguarding Children',
      agency: 'bartshealth',
    },
    {
      key: 'elft-named-nurse',
      name: 'Mariam Hussain',
      jobTitle: 'Named Nurse Safeguarding Children',
      agency: 'elft',
    },
    {
      key: 'elft-camhs',
      name: 'Dr Eleanor Fitzgerald',
      jobTitle: 'Consultant Child and Adolescent Psychiatrist, CAMHS',
      agency: 'elft',
    },
    {
      key: 'gpcg-safeguarding',
      name: 'Bethany Cole',
      jobTitle: 'Safeguarding Children Lead, 0-19 Service',
      agency: 'gpcg',
    },
    {
      key: 'gpcg-school-health',
      name: 'Nadia Ferreira',
      jobTitle: 'School Health Service Lead',
      agency: 'gpcg',
    },
    // Other relevant agencies
    {
      key: 'lfb-commander',
      name: 'Stuart Mackenzie',
      jobTitle: 'Borough Commander, Tower Hamlets',
      agency: 'lfb',
    },
    { key: 'cafcass-sm', name: 'Linda Morrison', jobTitle: 'Service Manager', agency: 'cafcass' },
    { key: 'yjs-hos', name: 'Dwayne Richards', jobTitle: 'Head of Youth Justice Service', agency: 'yjs' },
    {
      key: 'headteacher',
      name: 'Michael Adewale',
      jobTitle: 'Headteacher, primary school',
      agency: 'schools',
    },
    {
      key: 'secondary-dsl',
      name: 'Zainab Ali',
      jobTitle: 'Designated Safeguarding Lead, secondary school',
      agency: 'schools',
    },
    {
      key: 'wd-dsl',
      name: 'Sarah Levy',
      jobTitle: 'Deputy Headteacher and Designated Safeguarding Lead',
      agency: 'williamdavis',
    },
    {
      key: 'barnardos-tl',
      name: 'Femi Ogunleye',
      jobTitle: 'Service Manager, Tiger Light',
      agency: 'barnardos',
    },
    {
      key: 'healthwatch-yp',
      name: 'Chloe Barker',
      jobTitle: "Young People's Engagement Officer",
      agency: 'healthwatch',
    },
    { key: 'scrutineer', name: 'Geoffrey Holloway', jobTitle: 'Independent Scrutineer', agency: 'scrutiny' },
  ],

  safeguardingPartners: [
    { agency: 'la', person: 'la-ceo', role: 'lead' },
    { agency: 'icb', person: 'icb-ceo', role: 'lead' },
    { agency: 'police', person: 'police-commander', role: 'lead' },
    // The three executive members who take turns to chair the THSCP Executive.
    { agency: 'la', person: 'dcs', role: 'delegated' },
    { agency: 'icb', person: 'icb-ad', role: 'delegated' },
    { agency: 'police', person: 'police-dcsupt', role: 'delegated' },
  ],

  groups: [
    {
      key: 'executive',
      name: 'THSCP Executive',
      type: 'executive',
      cadence: 'six-weekly',
      termsOfReference:
        'The three statutory partners lead the partnership together from this small decision-making group. ' +
        'It takes escalations from every subgroup, agrees priorities and the type of statutory review a case needs, ' +
        'and holds partners to account for the outcomes.',
      // The chair rotates: this is the delegate of the agency whose turn it is now (see chairRota).
      chair: 'police-dcsupt',
      startsOn: ARRANGEMENTS_BEGAN,
      members: ['dcs', 'icb-ad', 'police-dcsupt', 'strategy-manager', 'coordinator', 'scrutineer'],
    },
    {
      key: 'qa-performance',
      name: 'Quality Assurance and Performance Subgroup',
      type: 'subgroup',
      cadence: 'quarterly',
      termsOfReference:
        "Runs the partnership's business side: it reads the multi-agency data dashboard each quarter, reviews " +
        'single and multi-agency audits, and keeps watch over the action plan from statutory reviews. ' +
        'Trends and risks it finds go up to the Executive.',
      chair: 'dir-supporting-families',
      sponsor: 'icb-ad',
      reportsTo: 'executive',
      startsOn: ARRANGEMENTS_BEGAN,
      members: [
        'dir-supporting-families',
        'icb-ad',
        'hos-sqa',
        'icb-safeguarding-manager',
        'icb-data',
        'police-di',
        'elft-named-nurse',
        'public-health',
        'strategy-manager',
      ],
    },
    {
      key: 'p1-exploitation',
      name: 'Priority 1: Vulnerable Young People and Exploitation Subgroup',
      type: 'priority-group',
      cadence: 'bi-monthly',
      termsOfReference:
        'Leads the local authority-led priority on exploitation of young people, including harm from outside the home. ' +
        'Partners build shared screening, disruption planning and training, and the work links to the all-age ' +
        'exploitation priority held jointly with the Safeguarding Adults Board.',
      chair: 'hos-exploitation',
      sponsor: 'police-dcsupt',
      reportsTo: 'executive',
      startsOn: PRIORITIES_START,
      endsOn: PRIORITIES_END,
      members: [
        'hos-exploitation',
        'police-dcsupt',
        'police-di',
        'yjs-hos',
        'barnardos-tl',
        'elft-camhs',
        'secondary-dsl',
        'lfb-commander',
      ],
    },
    {
      key: 'p2-domestic-abuse',
      name: 'Priority 2: Domestic Abuse and the Impact on Children and Young People Task and Finish Group',
      type: 'task-and-finish',
      cadence: 'bi-monthly',
      termsOfReference:
        'Carries the health-led priority on how domestic abuse affects children and young people. ' +
        'It refreshes the multi-agency guidance, improves the language professionals use and record, ' +
        'and produces resources for young people and practitioners.',
      chair: 'icb-ad',
      sponsor: 'dcs',
      reportsTo: 'executive',
      startsOn: PRIORITIES_START,
      endsOn: PRIORITIES_END,
      members: [
        'icb-ad',
        'dcs',
        'vawg',
        'barts-named-doctor',
        'gpcg-safeguarding',
        'pfss',
        'fgc',
        'cafcass-sm',
        'iro-manager',
      ],
    },
    {
      key: 'p3-online',
      name: 'Priority 3: Staying Safe Online Task and Finish Group',
      type: 'task-and-finish',
      cadence: 'bi-monthly',
      termsOfReference:
        'Carries the police-led priority on keeping children safe online, such as gaming and gambling harms. ' +
        'It commissions training for professionals and parents, surveys pupils, and gives families a guide ' +
        'to where help can be found.',
      chair: 'police-dsupt-pp',
      sponsor: 'police-dcsupt',
      reportsTo: 'executive',
      startsOn: PRIORITIES_START,
      endsOn: PRIORITIES_END,
      members: [
        'police-dsupt-pp',
        'police-dcsupt',
        'gpcg-school-health',
        'secondary-dsl',
        'wd-dsl',
        'healthwatch-yp',
        'elft-camhs',
        'coordinator',
      ],
    },
    {
      key: 'rapid-review-panel',
      name: 'Rapid Review Panel',
      type: 'rapid-review-panel',
      cadence: 'as-needed',
      termsOfReference:
        'Meets at short notice after a serious incident in which a child has died or been seriously harmed ' +
        'through abuse or neglect. It gathers the facts, acts on any learning that cannot wait, and advises ' +
        'the Executive which kind of statutory review should follow.',
      chair: 'icb-desnurse',
      sponsor: 'icb-ad',
      reportsTo: 'executive',
      startsOn: ARRANGEMENTS_BEGAN,
      members: [
        'icb-desnurse',
        'icb-ad',
        'icb-desdoctor',
        'hos-sqa',
        'police-di',
        'barts-named-doctor',
        'elft-named-nurse',
        'strategy-manager',
      ],
    },
    {
      key: 'rapid-review-working-group',
      name: 'Rapid Review Working Group',
      type: 'rapid-review-working-group',
      cadence: 'six-weekly',
      termsOfReference:
        'Owns the single action plan drawn from rapid reviews, practice reviews and audits, and works through it ' +
        'so that learning is put into practice across agencies. It answers to the Quality Assurance and ' +
        'Performance Subgroup.',
      chair: 'hos-sqa',
      sponsor: 'dcs',
      reportsTo: 'qa-performance',
      startsOn: '2022-04-01',
      members: [
        'hos-sqa',
        'dcs',
        'icb-safeguarding-manager',
        'lado',
        'barts-named-nurse',
        'gpcg-safeguarding',
        'police-di',
        'coordinator',
      ],
    },
    {
      key: 'education-forum',
      name: 'Education Safeguarding Forum',
      type: 'forum',
      cadence: 'quarterly',
      termsOfReference:
        'Gives schools and other education providers a place to bring safeguarding concerns that run across ' +
        'settings, share practice, and have strategic issues taken forward to the partnership.',
      chair: 'headteacher',
      sponsor: 'dcs',
      reportsTo: 'executive',
      startsOn: ARRANGEMENTS_BEGAN,
      members: [
        'headteacher',
        'dcs',
        'wd-dsl',
        'secondary-dsl',
        'lado',
        'gpcg-school-health',
        'police-dsupt-pp',
        'strategy-manager',
      ],
    },
  ],

  // Twelve-month turns in the order the 2022-23 report lists the chairs: council, police, ICB.
  chairRota: [
    { agency: 'la', startsOn: '2022-04-01', endsOn: '2023-03-31' },
    { agency: 'police', startsOn: '2023-04-01', endsOn: '2024-03-31' },
    { agency: 'icb', startsOn: '2024-04-01', endsOn: '2025-03-31' },
    { agency: 'la', startsOn: '2025-04-01', endsOn: '2026-03-31' },
    { agency: 'police', startsOn: '2026-04-01', endsOn: '2027-03-31' },
  ],

  boardLinks: [
    {
      name: 'Tower Hamlets Safeguarding Adults Board',
      relationship:
        'The statutory board for adult safeguarding in the borough. The two partnerships compare their ' +
        'priorities and work together on issues that cross the line between childhood and adulthood.',
      jointPriorities:
        'Exploitation at every age, a priority the two boards hold jointly; young people moving into adult ' +
        'services; domestic abuse and parental mental health.',
    },
    {
      name: 'Tower Hamlets Health and Wellbeing Board',
      relationship:
        'The statutory board where the council, the NHS and Healthwatch plan health and care together. It receives ' +
        "the partnership's annual report and checks that safeguarding fits its health and wellbeing strategy; " +
        "the Director of Children's Services is a member.",
      jointPriorities:
        'Targeting help at the most vulnerable children, tackling inequality and disproportionality (including ' +
        "anti-racism), children's mental health, and involving young people in shaping services.",
    },
    {
      name: 'Tower Hamlets Community Safety Partnership',
      relationship:
        "The statutory partnership that assesses crime and disorder each year and writes the borough's community " +
        "safety plan. The Director of Children's Services sits on it.",
      jointPriorities:
        'Domestic abuse and violence against women and girls, exploitation and serious youth violence, ' +
        'and substance misuse.',
    },
    {
      name: 'Children and Families Partnership Board',
      relationship:
        'Steers the borough-wide strategy covering children, young people and their families and voices their needs in ' +
        'decisions. It now sits under a Children and Families Executive together with the Born Well Growing Well ' +
        'partnership, while the safeguarding partnership kept its own arrangements.',
      jointPriorities:
        'Early help, SEND, mental health, children in care, maternity and early years, and engagement with ' +
        'children, young people and families.',
    },
    {
      name: 'London Safeguarding Children Partnership',
      relationship:
        "The pan-London safeguarding children partnership, on which the borough's Director of Children's " +
        'Services sits, linking local arrangements with the rest of the capital.',
      jointPriorities:
        'Sharing learning from reviews and keeping multi-agency safeguarding practice consistent across London.',
    },
  ],

  // The Executive needs all three statutory partners; subgroups a simple number.
  quorums: [
    { group: 'executive', quorum: 3, needsStatutory: true },
    { group: 'qa-performance', quorum: 4, needsStatutory: false },
  ],

  // Action lists instead of minutes, with the standing escalations item (added to every meeting).
  meetings: [
    {
      group: 'executive',
      inDays: -35,
      startTime: '10:00',
      endTime: '12:00',
      place: 'Tower Hamlets Town Hall, Whitechapel',
      status: 'held',
      agenda: [
        { title: 'Escalation tracker: responses since the last meeting', lead: 'strategy-manager' },
        { title: 'Multi-agency data dashboard, latest quarter', lead: 'dir-supporting-families' },
        { title: 'Rapid review decisions and practice reviews in progress', lead: 'icb-ad' },
      ],
      present: ['dcs', 'icb-ad', 'police-dcsupt', 'strategy-manager', 'coordinator'],
      apologies: ['scrutineer'],
      decisions: [
        'Key points of each Executive meeting go to every partner within a week.',
        'The escalation tracker is sent with the papers of every Executive meeting.',
      ],
      actions: [
        {
          text: 'Send the key points of this meeting to all partner contacts',
          owner: 'coordinator',
          dueInDays: -28,
          status: 'done',
          progress: 'Sent to every partner contact.',
        },
        {
          text: 'Bring the neglect audit findings and the draft action plan to the next meeting',
          owner: 'dir-supporting-families',
          dueInDays: 5,
          status: 'in-progress',
        },
        {
          text: 'Confirm the health representative for the Rapid Review Panel',
          owner: 'icb-ad',
          dueInDays: -7,
          status: 'open',
        },
      ],
    },
    {
      group: 'executive',
      inDays: 7,
      startTime: '10:00',
      endTime: '12:00',
      place: 'Tower Hamlets Town Hall, Whitechapel',
      status: 'scheduled',
      agenda: [
        { title: 'Neglect audit findings', lead: 'dir-supporting-families' },
        { title: 'Yearly report: first draft', lead: 'strategy-manager' },
      ],
      present: [],
      apologies: [],
      decisions: [],
      actions: [],
    },
    {
      group: 'qa-performance',
      inDays: -21,
      startTime: '14:00',
      endTime: '16:00',
      place: 'Mulberry Place, meeting room 2',
      status: 'held',
      agenda: [
        { title: 'Data dashboard: figures and narratives from each agency', lead: 'icb-data' },
        { title: 'Single-agency audits received', lead: 'hos-sqa' },
      ],
      present: ['dir-supporting-families', 'icb-ad', 'hos-sqa', 'icb-data', 'police-di'],
      apologies: ['elft-named-nurse'],
      decisions: ['Ask every agency for its figures for the same quarter before the next meeting.'],
      actions: [
        {
          text: 'Write to agencies whose figures were for an older quarter',
          owner: 'strategy-manager',
          dueInDays: 10,
          status: 'open',
        },
        {
          text: 'Send the mental health trust’s single-agency audit summary',
          owner: 'elft-named-nurse',
          dueInDays: -3,
          status: 'open',
        },
      ],
    },
  ],

  // The tracker came from partners saying they felt far from the Executive's decisions.
  escalations: [
    {
      title: 'Agency figures not for the latest quarter',
      issue:
        'Several agencies sent dashboard figures for an older quarter, so the dashboard mixes periods and ' +
        'the subgroup cannot compare like with like.',
      ask: 'Ask each statutory partner to make its agencies send figures for the quarter the call asks for.',
      group: 'qa-performance',
      agency: 'la',
      person: 'dir-supporting-families',
      raisedInDays: -21,
    },
    {
      title: 'Health representation at rapid review panels',
      issue: 'Two recent rapid review panels met without a designated professional from health.',
      ask: 'Agree who deputises for the designated nurse and doctor so every panel has health advice.',
      group: 'rapid-review-working-group',
      agency: 'icb',
      raisedInDays: -60,
      response: {
        inDays: -35,
        response:
          'The integrated care board will name two deputies and share their details with the business unit.',
        decision: 'A health deputy is named for every panel from next month.',
      },
    },
    {
      title: 'School attendance officers and the neglect strategy',
      issue: 'Schools asked how attendance officers fit into the neglect pathway.',
      ask: 'Decide whether attendance officers join the neglect strategy group.',
      group: 'education-forum',
      agency: 'schools',
      raisedInDays: -90,
      response: {
        inDays: -70,
        response: 'Attendance officers join the neglect strategy group as standing members.',
        decision: 'Agreed.',
        closedInDays: -50,
      },
    },
  ],

  // Kept as the fortnightly risk meetings of the pandemic years kept them.
  risks: [
    {
      title: 'Fewer children seen face to face by universal services',
      description:
        'Health visiting and school nursing contacts moved to video and phone, so fewer children are seen ' +
        'in person and signs of harm may be missed.',
      agency: 'icb',
      person: 'icb-desnurse',
      raisedInDays: -40,
      partners: ['icb', 'gpcg', 'la'],
      response: 'Face-to-face visits kept for every child on a plan and every new birth.',
      owner: 'icb-desnurse',
      status: 'managed',
      reviewInDays: -2,
    },
    {
      title: 'Domestic abuse notifications rising',
      description:
        'Police notifications to schools of domestic abuse incidents rose for three months running.',
      agency: 'police',
      raisedInDays: -14,
      partners: ['police', 'schools', 'la'],
      response: '',
      status: 'open',
      reviewInDays: 12,
    },
  ],

  cases: towerHamletsCases,

  accounts: [
    { role: 'operator', name: 'Ian Feltham', agency: 'la' },
    { role: 'admin', name: 'Tariq Mahmood', agency: 'la' },
    { role: 'executive', name: 'Nasreen Chowdhury', agency: 'la' },
    { role: 'chair', name: 'Aaliyah Rahman', agency: 'la' },
    { role: 'member', name: 'Mariam Hussain', agency: 'elft' },
    { role: 'data-lead', name: 'Priya Nair', agency: 'icb' },
    { role: 'reviewer', name: 'Samuel Osei', agency: 'icb' },
    { role: 'scrutineer', name: 'Geoffrey Holloway', agency: 'scrutiny' },
    { role: 'young-scrutineer', name: 'Rayan Miah', agency: 'la' },
    { role: 'practitioner', name: 'Jade Whitmore', agency: 'gpcg' },
  ],
};

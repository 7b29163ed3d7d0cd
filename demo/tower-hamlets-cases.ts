import type { DemoCase } from './demo-types.ts';

/**
 * The demo partnership's case reviews. As in the 2020-21 report: three rapid reviews, one of which
 * became a local child safeguarding practice review (the report's "Local Learning Review"), using
 * the methods the report lists; the legacy serious case reviews 'Ollie' (neglect and harmful sexual
 * behaviour) and 'Kamrul' (a fatal allergic reaction), with their themes and the partnership's
 * responses, summarised in our own words. One fresh incident shows the first clocks running.
 * Pseudonyms, age bands and every person are fictional; current cases are dated from the day the
 * demo is loaded, legacy ones on fixed dates.
 */
export const towerHamletsCases: DemoCase[] = [
  {
    kind: 'legacy-scr',
    pseudonym: 'Ollie',
    aware: '2018-06-04',
    outcome: 'seriously-harmed',
    harmCategory: 'neglect',
    ageBand: '10-15',
    summary:
      'Long-standing neglect, and sexually harmful behaviour in the past, known in part to several agencies.',
    agencies: ['la', 'elft', 'gpcg', 'schools'],
    people: [],
    review: {
      methods: ['independent-reviewer-report', 'family-engagement'],
      termsOfReference:
        'How agencies recognised and responded to neglect and to harmful sexual behaviour, and how practitioners were supported.',
      familyEngagement: 'The independent reviewer met the family and took their account into the report.',
      themes: ['Neglect', 'Harmful sexual behaviour', 'Supervision'],
      completed: '2020-09-15',
      sentToPanel: '2020-10-20',
      published: '2020-11-05',
    },
    recommendations: [
      {
        theme: 'Recognising neglect early',
        recommendation: 'Identify neglect sooner and treat it with the same weight as other abuse.',
        response:
          'A neglect toolkit was circulated to primary care and partners to help practitioners spot neglect earlier.',
      },
      {
        theme: 'Harmful sexual behaviour',
        recommendation: 'A joined-up approach for children who show harmful sexual behaviour.',
        response:
          'East London NHS Foundation Trust is developing an integrated multi-agency pathway to assess and work with young people showing, or at risk of, harmful sexual behaviour.',
      },
      {
        theme: 'Reflective supervision',
        recommendation: 'Support social workers with regular reflective supervision.',
        response:
          'Every social worker has monthly reflective supervision, monitored by the Social Work Academy; monthly case audits check its quality, and training shows what good supervision looks like.',
      },
    ],
    events: [
      {
        kind: 'learning-session',
        on: '2020-11-19',
        notes: 'Partners met the reviewer to go through the findings.',
        attendees: ['strategy-manager', 'elft-named-nurse', 'gpcg-safeguarding'],
      },
      {
        kind: 'follow-up-workshop',
        on: '2021-05-20',
        notes: 'Progress on the neglect toolkit and the HSB pathway.',
        attendees: ['strategy-manager', 'elft-named-nurse'],
      },
      {
        kind: 'reflection-session',
        on: '2021-11-10',
        notes: 'A year on: how the learning has been embedded, and the gaps left.',
        attendees: ['strategy-manager', 'gpcg-safeguarding'],
      },
    ],
    briefing: {
      title: 'Learning from the review of Ollie',
      caseInBrief:
        'A young person lived with neglect for a long time. Several agencies each saw part of the picture, and earlier harmful sexual behaviour was not joined up with it.',
      whatWeLearnt:
        'Neglect was not always treated with the urgency given to other abuse.\nThere was no shared pathway for children showing harmful sexual behaviour.\nPractitioners needed regular space to reflect on complex families.',
      doDifferently:
        'Use the neglect toolkit when you have concerns.\nRefer through the multi-agency harmful sexual behaviour pathway.\nBring complex cases to reflective supervision.',
      questions:
        'How does your team recognise neglect that builds up slowly?\nWho do you talk to when a child’s behaviour worries you?\nWhen did you last reflect on a case with your supervisor?',
      published: '2021-01-14',
    },
  },
  {
    kind: 'legacy-scr',
    pseudonym: 'Kamrul',
    aware: '2018-11-12',
    outcome: 'died',
    harmCategory: 'other',
    ageBand: '10-15',
    summary:
      'A child died after a severe allergic reaction; asthma and allergy care across school and health services were reviewed.',
    agencies: ['bartshealth', 'schools', 'gpcg'],
    people: [],
    review: {
      methods: ['independent-reviewer-report', 'family-engagement'],
      termsOfReference:
        'How the child’s asthma and allergies were managed at school and by health services, and what national systems could learn.',
      familyEngagement: 'The family contributed to the review through the independent reviewer.',
      themes: ['Anaphylaxis', 'Asthma', 'Child at the centre'],
      completed: '2020-12-01',
      sentToPanel: '2021-01-12',
      published: '2021-02-04',
    },
    recommendations: [
      {
        theme: 'National learning on anaphylaxis',
        recommendation:
          'Share the learning with national systems, including emergency-care guidance for children at risk of anaphylaxis.',
        response:
          'The school made staff aware of each pupil’s medical needs, improved its anaphylaxis training and linked allergy alerts to its catering system.',
      },
      {
        theme: 'Children at the centre of their care',
        recommendation: 'Involve young people in their own care as they grow up.',
        response:
          'Barts Health introduced a framework from age 13 to help young people move to adult asthma services, covering health knowledge, speaking up for themselves, lifestyle, education and managing emotions.',
      },
      {
        theme: 'Asthma and anaphylaxis awareness',
        recommendation: 'Raise awareness and improve the management of children with asthma.',
        response:
          'A schools asthma programme finds uncontrolled asthma; public health and Asthma UK trained health professionals; a GP incentive scheme reviews children’s asthma care with a new template.',
      },
    ],
    events: [
      {
        kind: 'learning-session',
        on: '2021-02-11',
        notes: 'Findings shared with schools and health partners.',
        attendees: ['strategy-manager', 'barts-named-nurse', 'headteacher'],
      },
      {
        kind: 'follow-up-workshop',
        on: '2021-08-12',
        notes: 'Progress with schools on allergy alerts and training.',
        attendees: ['strategy-manager', 'barts-named-nurse'],
      },
      {
        kind: 'reflection-session',
        on: '2022-02-10',
        notes: 'A year after publication.',
        attendees: ['strategy-manager', 'gpcg-school-health'],
      },
    ],
  },
  {
    kind: 'incident',
    pseudonym: 'Child A',
    aware: -210,
    outcome: 'seriously-harmed',
    harmCategory: 'physical-abuse',
    ageBand: 'under-1',
    summary: 'A baby was brought to hospital with injuries that could not be explained.',
    agencies: ['police', 'bartshealth', 'la'],
    people: ['barts-named-doctor', 'police-di'],
    notified: -206,
    rapidReview: {
      panelMet: -196,
      immediateLearning:
        'The safeguarding plan for the baby and siblings was confirmed. Pre-birth assessments should include the wider household.',
      recommendation: 'no-further-review',
      reasons:
        'Agencies worked together well; the learning can go into the single action plan without a local review.',
      sent: -193,
    },
    decision: {
      decision: 'no-further-review',
      on: -185,
      reasons: 'The executive agreed with the panel: the learning is taken forward through the action plan.',
    },
    actions: [{ text: 'Include the wider household in pre-birth assessments', agency: 'la', due: -90 }],
  },
  {
    kind: 'incident',
    pseudonym: 'Child B',
    aware: -150,
    outcome: 'seriously-harmed',
    harmCategory: 'exploitation',
    ageBand: '16-17',
    summary:
      'A young person was seriously hurt in a stabbing; there had been earlier concerns about exploitation.',
    agencies: ['police', 'yjs', 'la', 'schools'],
    people: ['police-di', 'yjs-hos'],
    notified: -147,
    rapidReview: {
      panelMet: -136,
      immediateLearning:
        'Missing episodes were not always shared with the school. Return-home interviews to be shared at the exploitation panel.',
      recommendation: 'no-further-review',
      reasons: 'The themes are already the subject of the exploitation priority group’s work.',
      sent: -134,
    },
    decision: {
      decision: 'no-further-review',
      on: -128,
      reasons: 'Taken forward by the exploitation priority group and the action plan.',
    },
    actions: [
      { text: 'Share return-home interviews with the exploitation panel', agency: 'la', due: -60 },
      { text: 'Tell schools of missing episodes within one working day', agency: 'police', due: 20 },
    ],
  },
  {
    kind: 'incident',
    pseudonym: 'Child C',
    aware: -95,
    outcome: 'seriously-harmed',
    harmCategory: 'neglect',
    ageBand: '1-4',
    summary:
      'A toddler was found to have been neglected over a long period; health services and children’s social care had been involved at different times.',
    agencies: ['la', 'elft', 'gpcg', 'bartshealth'],
    people: ['elft-named-nurse', 'gpcg-safeguarding'],
    notified: -92,
    rapidReview: {
      panelMet: -80,
      immediateLearning:
        'Health visiting and GP records did not connect missed appointments. Missed health appointments for under-5s to be followed up with the family and shared.',
      recommendation: 'lcspr',
      reasons: 'The case shows concerns about how agencies worked together and a recurrent theme of neglect.',
      sent: -78,
    },
    decision: {
      decision: 'lcspr',
      on: -70,
      reasons: 'A local learning review, to finish within six months so changes are made quickly.',
    },
    actions: [{ text: 'Follow up missed health appointments for children under 5', agency: 'gpcg', due: 30 }],
    team: [
      { role: 'chair', capacity: 'panel' },
      { role: 'reviewer', capacity: 'author' },
    ],
    review: {
      methods: ['partner-authored-report', 'partner-led-workshop', 'family-engagement', 'multi-agency-audit'],
      termsOfReference:
        'How agencies recognised and shared concerns about neglect of a young child, from pregnancy to the incident.',
      familyEngagement:
        'A social worker links the family with the review; the author has met them to hear their experience.',
      themes: ['Neglect', 'Information sharing', 'Missed appointments'],
    },
  },
  {
    kind: 'incident',
    pseudonym: 'Child D',
    aware: -4,
    outcome: 'seriously-harmed',
    harmCategory: 'physical-abuse',
    ageBand: '5-9',
    summary: 'A child was admitted to hospital with injuries; the rapid review is being arranged.',
    agencies: ['la', 'police', 'bartshealth'],
    people: [],
  },
];

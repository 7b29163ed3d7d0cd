/**
 * The demo's learning action plan: actions from the legacy serious case reviews 'Ollie' and 'Kamrul',
 * from the independent scrutineer's report and from a national review, on the themes the Tower
 * Hamlets reports return to (neglect, harmful sexual behaviour, supervision, information sharing,
 * the child's voice). The wording is the demo's own; dates count from the day the demo is loaded.
 */
export type DemoPlanSource =
  | { kind: 'practice-review'; case: string }
  | { kind: 'scrutiny' | 'national-review'; title: string; reference: string; dated: number };

export type DemoPlanAction = {
  text: string;
  agency: string;
  owner?: string;
  themes: string[];
  priority?: string;
  raised: number;
  due: number;
  status: 'proposed' | 'agreed' | 'in-progress' | 'completed' | 'embedded';
  outcome?: string;
  evidence?: {
    kind: 'audit-result' | 'data-change' | 'practitioner-survey' | 'document';
    summary: string;
    on: number;
  };
  updates?: string[];
};

export const towerHamletsPlan: { source: DemoPlanSource; actions: DemoPlanAction[] }[] = [
  {
    source: { kind: 'practice-review', case: 'Ollie' },
    actions: [
      {
        text: 'Agree a multi-agency neglect strategy with the graded care profile as the shared assessment tool',
        agency: 'la',
        themes: ['Neglect'],
        raised: -900,
        due: -600,
        status: 'embedded',
        outcome:
          'The strategy was signed off by the Executive and the graded care profile is part of every neglect assessment.',
        evidence: {
          kind: 'audit-result',
          summary:
            'The multi-agency neglect audit found the graded care profile used in most of the cases it looked at.',
          on: -200,
        },
      },
      {
        text: 'Set up one pathway for children who show harmful sexual behaviour, known to every agency',
        agency: 'la',
        themes: ['Information sharing', 'Think family'],
        raised: -900,
        due: -500,
        status: 'completed',
        outcome:
          'The pathway is published in the procedures and was launched at the partnership’s learning event.',
      },
      {
        text: 'Give practitioners working with complex families regular reflective supervision',
        agency: 'elft',
        themes: ['Supervision'],
        raised: -700,
        due: -30,
        status: 'in-progress',
        updates: ['A supervision audit tool is drafted; teams are piloting it.'],
      },
    ],
  },
  {
    source: { kind: 'practice-review', case: 'Kamrul' },
    actions: [
      {
        text: 'Brief emergency departments on the updated guidance for children at risk of anaphylaxis',
        agency: 'bartshealth',
        themes: ['Information sharing'],
        raised: -800,
        due: -650,
        status: 'embedded',
        outcome: 'Every emergency department team was briefed and the guidance is in the induction pack.',
        evidence: {
          kind: 'document',
          summary: 'The revised induction pack with the anaphylaxis guidance.',
          on: -400,
        },
      },
      {
        text: 'Share the health care plans of children with severe allergies with the staff of their school',
        agency: 'schools',
        themes: ['Information sharing'],
        priority: 'Domestic abuse and its impact on children',
        raised: -120,
        due: 60,
        status: 'agreed',
      },
    ],
  },
  {
    source: {
      kind: 'scrutiny',
      title: 'Independent scrutineer’s annual report',
      reference: 'Presented to the Executive',
      dated: -240,
    },
    actions: [
      {
        text: 'Record the child’s own words in every multi-agency plan',
        agency: 'la',
        themes: ['Voice of the child'],
        raised: -200,
        due: 30,
        status: 'in-progress',
        updates: ['Plan templates now have a section for the child’s words.'],
      },
      {
        text: 'Give partners one route to escalate disagreements about a child’s plan',
        agency: 'la',
        themes: ['Information sharing'],
        raised: -200,
        due: -60,
        status: 'completed',
        outcome: 'The escalation policy was refreshed and briefed to every partner.',
      },
    ],
  },
  {
    source: {
      kind: 'national-review',
      title: 'National review of child protection practice',
      reference: 'Child Safeguarding Practice Review Panel',
      dated: -300,
    },
    actions: [
      {
        text: 'Review how the front door joins up police and children’s social care information on the same day',
        agency: 'police',
        themes: ['Information sharing'],
        raised: -280,
        due: -10,
        status: 'in-progress',
      },
      {
        text: 'Train practitioners in professional curiosity about who lives in a child’s household',
        agency: 'icb',
        themes: ['Think family', 'Neglect'],
        priority: 'Exploitation of young people',
        raised: -30,
        due: 90,
        status: 'proposed',
      },
    ],
  },
];

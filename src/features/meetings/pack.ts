import { dayText } from '../../platform/calendar/day-text.ts';
import { type DocModel, heading, list, paragraph, table } from '../../platform/documents/model.ts';
import type { MeetingAction } from './actions-repo.ts';
import { ESCALATION_STATUS_LABELS } from './escalation-rules.ts';
import type { Escalation } from './escalations-repo.ts';
import type { AgendaItem, AttendanceRow, Decision, Meeting } from './meetings-repo.ts';
import type { Paper } from './papers-repo.ts';
import { ACTION_STATUS_LABELS, ATTENDANCE_LABELS, isOverdue, type Quoracy } from './rules.ts';

export type PackInput = {
  meeting: Meeting;
  group: { name: string };
  agenda: AgendaItem[];
  papers: Paper[];
  attendance: AttendanceRow[];
  quoracy: Quoracy;
  decisions: Decision[];
  actions: MeetingAction[];
  previous: Meeting | null;
  previousActions: MeetingAction[];
  openActions: { items: MeetingAction[]; more: boolean };
  /** For executive meetings: the escalation tracker at the meeting's date. */
  escalations: {
    open: (Escalation & { ageDays: number })[];
    answered: Escalation[];
    more: boolean;
  } | null;
  /** 'YYYY-MM-DD', the day the pack is made (for overdue marks and the footer). */
  today: string;
};

function actionRows(actions: MeetingAction[], today: string) {
  return actions.map((a) => [
    a.text,
    `${a.ownerName}, ${a.agencyName}`,
    dayText(a.dueOn),
    `${ACTION_STATUS_LABELS[a.status]}${isOverdue(a, today) ? ' (overdue)' : ''}${a.progress ? `: ${a.progress}` : ''}`,
  ]);
}
const ACTION_HEAD = ['Action', 'Owner', 'Due', 'Status'];
const ACTION_WIDTHS = [200, 110, 70, 115];

/**
 * One meeting's pack (PRODUCT §2, issue 4): the agenda, the papers, the escalations open at its date
 * and those answered since the last meeting (executive meetings), the group's open actions and the
 * previous meeting's action list; after the meeting, who came, what was decided and its actions.
 */
export function meetingPack(input: PackInput): DocModel {
  const { meeting, group, today } = input;
  const blocks = [
    paragraph(
      `${dayText(meeting.date)}, ${meeting.startTime} to ${meeting.endTime}` +
        (meeting.place ? `, ${meeting.place}` : '') +
        (meeting.videoUrl ? `. Video: ${meeting.videoUrl}` : ''),
    ),
  ];
  if (meeting.status === 'cancelled') blocks.push(paragraph('This meeting is cancelled.', true));
  if (meeting.papersDueOn) blocks.push(paragraph(`Papers due ${dayText(meeting.papersDueOn)}.`));

  blocks.push(heading('Agenda'));
  blocks.push(
    list(
      input.agenda.map((item) => `${item.title}${item.ownerName ? ` (${item.ownerName})` : ''}`),
      true,
    ),
  );
  blocks.push(heading('Papers'));
  const itemTitle = new Map(input.agenda.map((i) => [i.id, i.title]));
  blocks.push(
    input.papers.length > 0
      ? list(
          input.papers.map(
            (p) =>
              `${p.filename} (${Math.max(1, Math.round(p.sizeBytes / 1024))} KB)` +
              (p.agendaItemId && itemTitle.has(p.agendaItemId)
                ? `, for “${itemTitle.get(p.agendaItemId)}”`
                : ''),
          ),
        )
      : paragraph('No papers are attached to this meeting.'),
  );

  if (input.escalations) {
    const { open, answered, more } = input.escalations;
    blocks.push(heading('Escalation tracker'));
    blocks.push(heading(`Open on ${dayText(meeting.date)} (${open.length}${more ? '+' : ''})`, 3));
    blocks.push(
      open.length > 0
        ? table(
            ['Ref', 'Issue and what is asked', 'Raised by', 'Raised', 'Age (days)', 'Status'],
            open.map((e) => [
              `ESC-${e.number}`,
              `${e.title}. Asked: ${e.ask}`,
              e.raisedByGroupName ?? e.raisedByAgencyName,
              dayText(e.raisedOn),
              String(e.ageDays),
              ESCALATION_STATUS_LABELS[e.status],
            ]),
            [35, 190, 90, 60, 40, 50],
          )
        : paragraph('No escalations were open.'),
    );
    blocks.push(
      heading(
        input.previous
          ? `Answered since the last meeting (${dayText(input.previous.date)})`
          : 'Answered before this meeting',
        3,
      ),
    );
    blocks.push(
      answered.length > 0
        ? table(
            ['Ref', 'Issue', 'Response and decision', 'Answered'],
            answered.map((e) => [
              `ESC-${e.number}`,
              e.title,
              `${e.response} Decision: ${e.decision}`,
              e.respondedOn ? dayText(e.respondedOn) : '',
            ]),
            [35, 140, 250, 70],
          )
        : paragraph('None.'),
    );
    if (more) blocks.push(paragraph('The lists stop at 500; the tracker in the Hub has the rest.'));
  }

  blocks.push(heading(`Open actions of the ${group.name}`));
  blocks.push(
    input.openActions.items.length > 0
      ? table(ACTION_HEAD, actionRows(input.openActions.items, today), ACTION_WIDTHS)
      : paragraph('No open actions.'),
  );
  if (input.openActions.more) blocks.push(paragraph('Showing the 500 due soonest; the Hub has the rest.'));

  if (input.previous) {
    blocks.push(heading(`Previous action list (${dayText(input.previous.date)})`));
    blocks.push(
      input.previousActions.length > 0
        ? table(ACTION_HEAD, actionRows(input.previousActions, today), ACTION_WIDTHS)
        : paragraph('The previous meeting agreed no actions.'),
    );
  }

  if (input.attendance.length > 0 || input.decisions.length > 0 || input.actions.length > 0) {
    blocks.push(heading('At this meeting'));
    if (input.attendance.length > 0) {
      blocks.push(heading('Attendance', 3));
      blocks.push(
        table(
          ['Person', 'Agency', 'Attendance'],
          input.attendance.map((a) => [a.name, a.agencyName, ATTENDANCE_LABELS[a.status]]),
        ),
      );
      const q = input.quoracy;
      if (q.state === 'quorate') blocks.push(paragraph(`Quorate: ${q.present} present.`));
      if (q.state === 'not-quorate') blocks.push(paragraph(`Not quorate. ${q.reasons.join('. ')}.`, true));
    }
    if (input.decisions.length > 0) {
      blocks.push(heading('Decisions', 3));
      blocks.push(
        list(
          input.decisions.map((d) => d.text),
          true,
        ),
      );
    }
    if (input.actions.length > 0) {
      blocks.push(heading('Action list', 3));
      blocks.push(table(ACTION_HEAD, actionRows(input.actions, today), ACTION_WIDTHS));
    }
  }

  return {
    title: `${group.name}: meeting pack`,
    subtitle: dayText(meeting.date),
    footer: `${group.name}, ${dayText(meeting.date)} · made ${dayText(today)} by the Safeguarding Partnership Hub`,
    blocks,
  };
}

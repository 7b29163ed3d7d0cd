import {
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  ATTENDANCE,
  ATTENDANCE_LABELS,
  MEETING_STATUS_LABELS,
  MEETING_STATUSES,
} from './rules.ts';

/** Words the meetings pages show for the rules' codes. */
export const labels = {
  meetingStatusLabels: MEETING_STATUS_LABELS,
  meetingStatuses: MEETING_STATUSES.map((s) => ({ value: s, text: MEETING_STATUS_LABELS[s] })),
  attendanceLabels: ATTENDANCE_LABELS,
  attendanceChoices: ATTENDANCE.map((s) => ({ value: s, text: ATTENDANCE_LABELS[s] })),
  actionStatusLabels: ACTION_STATUS_LABELS,
  actionStatuses: ACTION_STATUSES.map((s) => ({ value: s, text: ACTION_STATUS_LABELS[s] })),
};

/** Pure rules of an executive meeting's key points: when they may be written and approved, and the message. */

type Meeting = { groupType: string; date: string; keyPoints: string; keyPointsApprovedAt: Date | null };

/** Why the key points can't be changed now, or null. */
export function draftRefusal(meeting: Meeting): string | null {
  if (meeting.groupType !== 'executive') return 'Key points are kept for Executive meetings';
  if (meeting.keyPointsApprovedAt) return 'The key points are approved and sent: they can’t be changed';
  return null;
}

/** Why the key points can't be approved now, or null: after the meeting, once, and not empty. */
export function approvalRefusal(meeting: Meeting, today: string): string | null {
  const draft = draftRefusal(meeting);
  if (draft) return draft;
  if (meeting.date > today) return 'Key points are approved after the meeting has taken place';
  if (!meeting.keyPoints.trim()) return 'Write the key points before approving them';
  return null;
}

export function keyPointsMessage(
  meeting: { groupName: string; dateText: string; keyPoints: string },
  partnerName: string,
  link: string,
) {
  return {
    subject: `Key points from the ${meeting.groupName}, ${meeting.dateText}`,
    body:
      `To ${partnerName}:\n\nThe key discussion points and decisions of the ${meeting.groupName} on ${meeting.dateText}, ` +
      `approved by its chair.\n\n${meeting.keyPoints.trim()}\n\nThe key points of every meeting: ${link}`,
  };
}

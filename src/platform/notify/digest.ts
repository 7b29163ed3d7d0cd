/** The daily digest: one message holding every message held for an address. Pure. */
export function digestMessage(
  messages: { subject: string; body: string }[],
  day: string,
): { subject: string; body: string } {
  const count = messages.length;
  const header = `${count} ${count === 1 ? 'message' : 'messages'} from the Safeguarding Partnership Hub for ${day}.`;
  const parts = messages.map((m, i) => `${i + 1}. ${m.subject}\n\n${m.body.trim()}`);
  return {
    subject: `Your daily digest: ${count} ${count === 1 ? 'message' : 'messages'}`,
    body: [header, ...parts, 'You get these once a day because of the choice on your account page.'].join(
      '\n\n----------------------------------------\n\n',
    ),
  };
}

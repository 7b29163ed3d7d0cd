import nodemailer from 'nodemailer';

export type Message = { to: string; subject: string; text: string };
export type Mailer = {
  /** 'sent' through SMTP, or 'logged' when no SMTP server is configured. */
  send(message: Message): Promise<'sent' | 'logged'>;
  close(): void;
};

/**
 * E-mail through the SMTP server at `smtpUrl` (nodemailer), or, without one, each message written to
 * the log: the service runs anywhere, and the business unit still sees every message on its page.
 */
export function createMailer(
  smtpUrl: string | undefined,
  from: string,
  log: (line: string, fields?: Record<string, unknown>) => void,
): Mailer {
  if (!smtpUrl) {
    return {
      async send(message) {
        log('e-mail not sent: SMTP_URL is not set', { to: message.to, subject: message.subject });
        return 'logged';
      },
      close() {},
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
      return 'sent';
    },
    close() {
      transport.close();
    },
  };
}

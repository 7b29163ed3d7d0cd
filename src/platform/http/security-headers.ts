import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/** A response's CSP nonces: one for the layout's inline script, one for inline styles. */
export type CspNonces = { script: string; style: string };
type WithNonces = ServerResponse & { cspNonces?: CspNonces };

declare module 'fastify' {
  interface FastifyReply {
    cspNonce: CspNonces | null;
  }
}

const nonce = (kind: keyof CspNonces) => (_request: IncomingMessage, response: ServerResponse) =>
  `'nonce-${(response as WithNonces).cspNonces?.[kind]}'`;

/**
 * Helmet's security headers on every response, with a strict Content-Security-Policy whose nonces are
 * new for each response (GOV.UK Frontend's template has one inline script, given the script nonce).
 * Helmet's middleware is built once here, its nonces read by functions in the policy, as Helmet's
 * documentation shows. @fastify/helmet, used before, built the whole middleware again for every
 * request to put its nonces in: 3% of the service's CPU on a list page, more on small responses.
 */
export function installSecurityHeaders(app: FastifyInstance, options: { production: boolean }) {
  const apply = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", nonce('script')],
        styleSrc: ["'self'", nonce('style')],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: options.production ? [] : null,
      },
    },
    hsts: options.production,
  });
  app.decorateReply('cspNonce', null);
  app.addHook('onRequest', (request, reply, done) => {
    const nonces = { script: randomBytes(16).toString('hex'), style: randomBytes(16).toString('hex') };
    reply.cspNonce = nonces;
    (reply.raw as WithNonces).cspNonces = nonces;
    apply(request.raw, reply.raw, (error) => done(error instanceof Error ? error : undefined));
  });
}

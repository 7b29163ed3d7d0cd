import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/database.ts';

export function registerHealthRoutes(app: FastifyInstance, { db }: { db: Database }) {
  app.get('/health', { config: { access: 'public' } }, async (request, reply) => {
    try {
      await db.query('SELECT 1');
      return { status: 'ok', database: db.engine };
    } catch (error) {
      request.log.error({ err: error }, 'health check: database did not answer');
      return reply.status(503).send({ status: 'error', database: db.engine });
    }
  });
}

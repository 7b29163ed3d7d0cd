import { z } from 'zod';
import { problemBody } from '../http/errors.ts';
import type { RegisteredRoute } from '../http/route-config.ts';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

const problem = {
  description: 'A problem (RFC 9457), with field errors for invalid input',
  content: {
    'application/problem+json': {
      schema: {
        type: 'object',
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          errors: {
            type: 'array',
            items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
          },
        },
        example: problemBody(422, 'Invalid input', 'Some of what was sent is not valid', [
          { field: 'name', message: 'Enter the name' },
        ]),
      },
    },
  },
};

/** Fastify's ":id" becomes OpenAPI's "{id}". */
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function parameters(route: RegisteredRoute) {
  const out: JsonSchema[] = [];
  const add = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
    if (!schema) return;
    const json = toSchema(schema, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      out.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        schema: property,
      });
    }
  };
  add(route.api?.params, 'path');
  add(route.api?.query, 'query');
  return out;
}

/** The OpenAPI 3.1 document, built from the routes' own Zod schemas, so it cannot drift from the code. */
export function buildOpenApi(routes: RegisteredRoute[]) {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    if (!route.api) continue;
    const path = openApiPath(route.url);
    const status = String(route.api.successStatus ?? 200);
    const operation: JsonSchema = {
      summary: route.api.summary,
      tags: [route.api.tag],
      parameters: parameters(route),
      ...(route.access === 'public' ? { security: [] } : {}),
      ...(route.api.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(route.api.body, 'input') } },
            },
          }
        : {}),
      responses: {
        [status]: route.api.response
          ? {
              description: 'Success',
              content: { 'application/json': { schema: toSchema(route.api.response, 'output') } },
            }
          : { description: 'Success' },
        '400': problem,
        ...(route.access === 'public' ? {} : { '401': problem, '403': problem }),
        '404': problem,
        '422': problem,
      },
      'x-access': route.access,
    };
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Safeguarding Partnership Hub API',
      version: '1',
      description:
        "JSON API for partners' analysts and systems. Authenticate with POST /api/v1/auth/token, then send " +
        '"Authorization: Bearer <token>". Every record belongs to the caller\'s partnership; another ' +
        "partnership's records answer 404. Errors are application/problem+json; unknown fields are rejected.",
    },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
  };
}

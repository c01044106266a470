/** The OpenAPI 3.1 document, generated from the route table's zod schemas. */
import { z } from 'zod';
import { errorResponse } from '../../contract/common.js';
import type { RouteDef } from './route.js';

const json = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

/** Builds the document for a list of routes. */
export function openApiDocument(
  routes: readonly RouteDef[],
  version: string,
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', r.params],
      ['query', r.query],
    ] as const) {
      if (!schema) continue;
      const js = json(schema, 'input') as {
        properties?: Record<string, unknown>;
        required?: string[];
      };
      for (const [name, s] of Object.entries(js.properties ?? {}))
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (js.required ?? []).includes(name),
          schema: s,
        });
    }
    const operation: Record<string, unknown> = {
      summary: r.summary,
      tags: [r.tag],
      operationId: `${r.method.toLowerCase()}${path
        .replace(/[{}]/g, '')
        .replace(/\/(\w)/g, (_, c: string) => c.toUpperCase())
        .replace(/[^A-Za-z0-9]/g, '')}`,
      ...(parameters.length ? { parameters } : {}),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: json(r.body, 'input') } },
            },
          }
        : {}),
      ...(r.auth === 'required' ? { security: [{ session: [] }, { token: [] }] } : {}),
      // Only the session cookie: an API token answers 403 on these routes.
      ...(r.auth === 'session'
        ? {
            security: [{ session: [] }],
            description: 'Only from a signed-in browser session; an API token answers 403.',
          }
        : {}),
      ...(r.auth === 'operator'
        ? {
            security: [{ operator: [] }],
            description:
              'Only with the metrics token (PARLEY_METRICS_TOKEN); anyone else gets the answer of a route that does not exist.',
          }
        : {}),
      responses: {
        [String(r.status ?? 200)]: {
          description: 'Success',
          content:
            r.auth === 'operator'
              ? { 'text/plain; version=0.0.4': { schema: { type: 'string' } } }
              : { 'application/json': { schema: json(r.response, 'output') } },
        },
        default: {
          description: 'Error',
          content: { 'application/json': { schema: json(errorResponse, 'output') } },
        },
      },
    };
    paths[path] = { ...(paths[path] ?? {}), [r.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parley API',
      version,
      description: 'Confidential negotiation platform. Every answer obeys compartments.',
    },
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'parley_session',
          description: 'Writes must echo the CSRF token in x-csrf-token.',
        },
        token: {
          type: 'http',
          scheme: 'bearer',
          description: 'Personal API token pat_<id>_<secret>.',
        },
        operator: {
          type: 'http',
          scheme: 'bearer',
          description: "The operator's metrics token (PARLEY_METRICS_TOKEN), no account's.",
        },
      },
    },
    paths,
  };
}

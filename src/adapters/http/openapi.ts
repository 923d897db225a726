import { z } from 'zod';
import type { RouteDefinition } from './route.ts';

/** OpenAPI 3.1 from the route registry: paths, parameters, bodies and who may call each. */
export function openApiDocument(routes: readonly RouteDefinition[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: [route.tag],
      'x-allow': route.allow,
      description: route.allow === 'anyone' ? 'Open to anyone.' : `Roles: ${route.allow.join(', ')}.`,
      parameters: [
        ...[...route.url.matchAll(/:([A-Za-z]+)/g)].map((match) => ({
          name: match[1],
          in: 'path',
          required: true,
          schema: { type: 'string' },
        })),
        ...queryParameters(route.query),
      ],
      responses: {
        '200': { description: 'OK' },
        '4XX': { description: 'Refused: { error: { code, en, zh, field?, rule? } }' },
      },
    };
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: toSchema(route.body) } },
      };
    }
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Plenum API',
      version: '1',
      description: 'Party congresses and plenary sessions, from the delegate list to the published result.',
    },
    paths,
  };
}

function toSchema(schema: z.ZodType): unknown {
  try {
    return z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' });
  } catch {
    return {};
  }
}

function queryParameters(query: z.ZodType | undefined): unknown[] {
  if (!query) return [];
  const json = toSchema(query) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema,
  }));
}

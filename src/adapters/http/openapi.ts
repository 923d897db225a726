import * as z from 'zod';
import type { EndpointDeclaration } from '../../contract/endpoint.ts';
import { errorResponseSchema } from '../../contract/error-body.ts';

/** OpenAPI 3.1 from the contract: paths, parameters, bodies, answers and who may call each. */
export function openApiDocument(endpoints: readonly EndpointDeclaration[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const refusal = {
    description: 'Refused: what is wrong in English and Chinese, and the field or rule',
    content: { 'application/json': { schema: toSchema(errorResponseSchema, 'output') } },
  };
  for (const endpoint of endpoints) {
    const path = endpoint.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const operation: Record<string, unknown> = {
      summary: endpoint.summary,
      tags: [endpoint.tag],
      'x-allow': endpoint.allow,
      description: endpoint.allow === 'anyone' ? 'Open to anyone.' : `Roles: ${endpoint.allow.join(', ')}.`,
      parameters: [
        ...[...endpoint.path.matchAll(/:([A-Za-z]+)/g)].map((match) => ({
          name: match[1],
          in: 'path',
          required: true,
          schema: { type: 'string' },
        })),
        ...queryParameters(endpoint.query),
      ],
      responses: { ...success(endpoint), '4XX': refusal },
    };
    if (endpoint.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: toSchema(endpoint.body, 'input') } },
      };
    }
    paths[path] = { ...paths[path], [endpoint.method.toLowerCase()]: operation };
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

function success(endpoint: EndpointDeclaration): Record<string, unknown> {
  const { response } = endpoint;
  if (response === 'empty') return { '204': { description: 'Done; nothing to answer' } };
  if (response === 'file')
    return { '200': { description: 'A file (PDF, CSV, XLSX, a backup; the portal: HTML, a feed)' } };
  if (response === 'stream') {
    return { '200': { description: 'Server-sent events', content: { 'text/event-stream': {} } } };
  }
  return {
    '200': { description: 'OK', content: { 'application/json': { schema: toSchema(response, 'output') } } },
  };
}

function toSchema(schema: z.ZodType, io: 'input' | 'output'): unknown {
  try {
    return z.toJSONSchema(schema, { unrepresentable: 'any', io });
  } catch {
    return {};
  }
}

function queryParameters(query: z.ZodType | undefined): unknown[] {
  if (!query) return [];
  const json = toSchema(query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema,
  }));
}

import type * as z from 'zod';
import type { EndpointDeclaration } from '../../contract/endpoint.ts';
import { type StreamEvent, streamEventSchema } from '../../contract/events.ts';

// What the server sends must be what the contract declares: drift between server and web fails
// here, loudly. On whenever the app checks its answers (always in tests; AppOptions.checkResponses).

export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';
}

function issuesOf(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** A JSON answer against the endpoint's response schema. */
export function checkResponse(endpoint: EndpointDeclaration, schema: z.ZodType, result: unknown): void {
  const checked = schema.safeParse(result);
  if (checked.success) return;
  throw new ContractViolation(
    `${endpoint.method} ${endpoint.path} answered outside its contract: ${issuesOf(checked.error)}`,
  );
}

/** An event of the stream (src/contract/events.ts) before it is published or sent. */
export function checkEvent(event: StreamEvent): void {
  const checked = streamEventSchema.safeParse({ type: event.type, data: event.data });
  if (checked.success) return;
  throw new ContractViolation(`a ${event.type} event outside its contract: ${issuesOf(checked.error)}`);
}

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ServiceError } from '../../services/errors.ts';
import { InputError } from '../../services/input-error.ts';

/** The body of every error answer: what is wrong, in English and Chinese, and the field or rule. */
export interface ErrorBody {
  error: { code: string; en: string; zh: string; field?: string; rule?: string };
}

export function errorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof InputError) {
    return {
      status: 400,
      body: { error: { code: 'invalid-input', en: error.en, zh: error.zh, field: error.field } },
    };
  }
  if (error instanceof ServiceError) {
    return {
      status: error.status,
      body: {
        error: { code: error.code, en: error.en, zh: error.zh, ...(error.rule ? { rule: error.rule } : {}) },
      },
    };
  }
  const fastify = error as FastifyError;
  if (fastify.statusCode === 413) {
    return {
      status: 413,
      body: { error: { code: 'too-large', en: 'the request is too large', zh: '请求内容过大' } },
    };
  }
  if (fastify.statusCode && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    return {
      status: fastify.statusCode,
      body: { error: { code: 'bad-request', en: fastify.message, zh: '请求格式不正确' } },
    };
  }
  // Only raised while answers are checked (tests, development): the server broke its own contract.
  if (error instanceof Error && error.name === 'ContractViolation') {
    return {
      status: 500,
      body: { error: { code: 'contract-violation', en: error.message, zh: '服务器的应答不符合接口约定' } },
    };
  }
  return { status: 500, body: { error: { code: 'internal', en: 'internal error', zh: '系统内部错误' } } };
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = errorBody(error);
  if (status >= 500) request.log.error({ err: error }, 'internal error');
  if (status >= 500 && process.env.PLENUM_DEBUG_500) console.error(error);
  void reply.status(status).send(body);
}

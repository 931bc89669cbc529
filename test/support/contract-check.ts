import { API_CONTRACT, operationRequest, type ApiOperation, type OperationInput, type OperationKey, type OperationResponse } from '@omnibus/shared';
import { z } from 'zod';
import type { TestServer } from './test-server';

/** Where `value` has fields `schema` does not declare, at any depth ("$.sections[0].extra"). */
export function undeclaredFields(schema: z.ZodType, value: unknown, at = '$'): string[] {
  const def = (schema as any)._zod.def;
  switch (def.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null) return [];
      const shape = def.shape as Record<string, z.ZodType>;
      return Object.entries(value).flatMap(([k, v]) => (shape[k] ? undeclaredFields(shape[k], v, `${at}.${k}`) : [`${at}.${k}`]));
    }
    case 'array':
      return Array.isArray(value) ? value.flatMap((v, i) => undeclaredFields(def.element, v, `${at}[${i}]`)) : [];
    case 'record':
      return typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([k, v]) => undeclaredFields(def.valueType, v, `${at}.${k}`)) : [];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return value === null || value === undefined ? [] : undeclaredFields(def.innerType, value, at);
    case 'lazy':
      return undeclaredFields(def.getter(), value, at);
    case 'pipe':
      return undeclaredFields(def.in, value, at);
    case 'union': {
      const match = (def.options as z.ZodType[]).find((o) => o.safeParse(value).success);
      return match ? undeclaredFields(match, value, at) : [];
    }
    default:
      return [];
  }
}

/** Why `body` is not what `schema` declares (a field missing or of another type, or one it does not declare); empty when it is. */
export function disagreements(schema: z.ZodType, body: unknown): string[] {
  const parsed = schema.safeParse(body);
  return [...(parsed.success ? [] : [z.prettifyError(parsed.error)]), ...undeclaredFields(schema, body).map((f) => `${f} is not declared`)];
}

type Call = <K extends OperationKey>(key: K, token: string | undefined, input: OperationInput<K>, raw?: { type: string; text: string }) => Promise<OperationResponse<K>>;

/**
 * Calls operations of the contract by name against a running server and holds each answer to the
 * contract: the declared success status, and a JSON body that parses with the declared response
 * schema and has no field the schema does not declare. Remembers which operations it called.
 */
export function contractClient(t: Pick<TestServer, 'api'>): { call: Call; called: Set<OperationKey> } {
  const called = new Set<OperationKey>();
  const call: Call = async (key, token, input, raw) => {
    const op: ApiOperation = API_CONTRACT[key];
    const given = input as { params?: Record<string, string>; query?: object; body?: unknown };
    const { method, url } = operationRequest(key, given);
    const res = await t.api(method, url, { token, ...(raw ? { rawBody: raw.text, headers: { 'content-type': raw.type } } : { body: given.body }) });
    if (res.status !== op.ok) throw new Error(`${key}: ${method} ${url} answered ${res.status}, the contract says ${op.ok}: ${JSON.stringify(res.body)}`);
    called.add(key);
    if (!op.response) return undefined as OperationResponse<typeof key>;
    const wrong = disagreements(op.response, res.body);
    if (wrong.length > 0) throw new Error(`${key}: the answer is not what the contract declares:\n${wrong.join('\n')}`);
    return res.body as OperationResponse<typeof key>;
  };
  return { call, called };
}

/**
 * Calls the server's HTTP API and checks each reply against its protocol schema, so a reply
 * that does not match (a renamed field, an older server) becomes an `ApiError` a page can
 * show rather than a crash deep in a component. Errors carry the server's sentence.
 */
import type * as z from 'zod/mini';
import { errorReply } from '../../protocol/http-bodies';
import { serverKey } from './credentials';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ApiRequestOptions {
  readonly method?: string;
  readonly body?: unknown;
  /** A drill token; without one, the server's facilitator key when this browser holds it. */
  readonly token?: string | null;
}

/** Sends a request; resolves with the reply once `schema` accepts it. */
export async function apiRequest<T>(
  path: string,
  schema: z.ZodMiniType<T>,
  options: ApiRequestOptions = {},
): Promise<T> {
  const token = options.token ?? serverKey();
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Is it still running?');
  }
  const text = await response.text();
  const body: unknown = text === '' ? null : safeJson(text);
  if (!response.ok) {
    const failure = errorReply.safeParse(body);
    throw new ApiError(
      response.status,
      failure.success ? asSentence(failure.data.error) : `The server answered ${response.status}.`,
    );
  }
  const checked = schema.safeParse(body);
  if (!checked.success) throw new ApiError(response.status, unexpectedReply(path, checked.error));
  return checked.data;
}

/** Says which part of the reply did not match, for the person who reports it. */
function unexpectedReply(path: string, error: z.core.$ZodError): string {
  const [first] = error.issues;
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  return `The server's reply to ${path.split('?')[0] ?? path} was not what this page expects${where}: ${first?.message ?? 'unreadable'}. Reload the page; if it persists, the app and the server may be different versions.`;
}

/** The server writes terse lower-case messages (tests share them); a page shows sentences. */
export function asSentence(message: string): string {
  const trimmed = message.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

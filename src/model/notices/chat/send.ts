/**
 * Posts a chat payload to a webhook and says, in one line, what became of it: accepted, no
 * answer in time, not reachable, an HTTP error, or the platform's own refusal in a 2xx body.
 * Uses Node's fetch with AbortSignal.timeout. No line it returns holds the webhook URL or any
 * part of it that could be a token (see redact.ts).
 */
import { redactUrl, scrub } from './redact.ts';
import { snippet, type ChatPlatformSpec, type JsonObject } from './types.ts';

export interface SendOptions {
  /** Milliseconds to wait for the whole answer. */
  timeoutMs: number;
  /** The robot's signing secret, for platforms that sign requests. */
  secret?: string | undefined;
  now?: Date;
  fetch?: typeof globalThis.fetch;
}

export type SendOutcome =
  | { ok: true; status: number; line: string }
  | { ok: false; kind: 'timeout' | 'network' | 'http' | 'platform'; line: string };

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** The system error code behind a failed fetch (`ECONNREFUSED`, `ENOTFOUND`), if there is one. */
function causeOf(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return error instanceof Error ? error.message : String(error);
}

export async function sendChat(platform: ChatPlatformSpec, webhook: string, payload: JsonObject, options: SendOptions): Promise<SendOutcome> {
  const secrets = [webhook, ...(options.secret ? [options.secret] : [])];
  const where = redactUrl(webhook);
  let url = new URL(webhook);
  let body = payload;
  if (options.secret && platform.sign) ({ url, payload: body } = platform.sign(url, payload, options.secret, options.now ?? new Date()));
  const doFetch = options.fetch ?? globalThis.fetch;
  const signal = AbortSignal.timeout(options.timeoutMs);
  let status: number;
  let statusText: string;
  let answer: string;
  try {
    const response = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json, text/plain' },
      body: JSON.stringify(body),
      signal,
      redirect: 'error',
    });
    status = response.status;
    statusText = response.statusText;
    answer = await response.text();
  } catch (error) {
    if (signal.aborted) {
      return { ok: false, kind: 'timeout', line: `${platform.name} did not answer within ${seconds(options.timeoutMs)} (${where}): timed out; nothing is known to be posted (raise --timeout to wait longer)` };
    }
    return { ok: false, kind: 'network', line: scrub(`could not reach ${platform.name} at ${where}: ${causeOf(error)}`, secrets) };
  }
  if (status < 200 || status > 299) {
    const detail = snippet(answer);
    return { ok: false, kind: 'http', line: scrub(`${platform.name} answered HTTP ${status}${statusText ? ` ${statusText}` : ''} (${where})${detail ? `: ${detail}` : ''}`, secrets) };
  }
  const refused = platform.bodyError(answer);
  if (refused !== undefined) {
    return { ok: false, kind: 'platform', line: scrub(`${platform.name} refused the message (${where}): ${refused}`, secrets) };
  }
  return { ok: true, status, line: `posted to ${platform.name} (${where})` };
}

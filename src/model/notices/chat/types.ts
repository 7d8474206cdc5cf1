/** What every chat platform's module provides: the payload of a notice, and how to read the platform's answer. */
import type { NoticeDocument } from '../document.ts';

export const CHAT_PLATFORMS = ['dingtalk', 'feishu', 'wecom', 'slack'] as const;
export type ChatPlatform = (typeof CHAT_PLATFORMS)[number];

export interface ChatInput {
  doc: NoticeDocument;
  /** Absolute URL of the notice's page (site.baseUrl), named when the message had to be shortened. */
  pageUrl?: string | undefined;
}

export type JsonObject = { [key: string]: unknown };

export interface ChatPlatformSpec {
  id: ChatPlatform;
  /** The platform's name in messages (`DingTalk`). */
  name: string;
  /** Webhook hosts of the platform, to infer `--format` from the URL. */
  hosts: readonly string[];
  /** The JSON body to POST to the webhook, within the platform's documented size limits. */
  payload(input: ChatInput): JsonObject;
  /**
   * The platform's own verdict in a 2xx answer: undefined when the message was accepted, else
   * a short reason (`errcode 310000: keywords not in content`). The platforms answer errors
   * with HTTP 200 and an error code in the body.
   */
  bodyError(body: string): string | undefined;
  /**
   * Signs a request with the robot's signing secret (DingTalk 加签, Feishu 签名校验), for
   * robots that have one: returns the URL and payload to send instead. Absent when the
   * platform's webhooks are not signed.
   */
  sign?(url: URL, payload: JsonObject, secret: string, now: Date): { url: URL; payload: JsonObject };
}

/** A JSON answer as an object, or undefined when the body is not a JSON object. */
export function jsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** One line of at most `max` characters of an answer, for error messages. */
export function snippet(body: string, max = 200): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** The chat platforms `npm run notify` posts to, one module each; `--format` names one. */
import { dingtalk } from './dingtalk.ts';
import { feishu } from './feishu.ts';
import { slack } from './slack.ts';
import { CHAT_PLATFORMS, type ChatPlatform, type ChatPlatformSpec } from './types.ts';
import { wecom } from './wecom.ts';

export * from './types.ts';
export { redactUrl, scrub } from './redact.ts';

export const PLATFORMS: Readonly<Record<ChatPlatform, ChatPlatformSpec>> = { dingtalk, feishu, wecom, slack };

export function isChatPlatform(value: string): value is ChatPlatform {
  return (CHAT_PLATFORMS as readonly string[]).includes(value);
}

/** The platform whose webhook host a URL has, if any (`oapi.dingtalk.com` -> dingtalk). */
export function platformOfUrl(raw: string): ChatPlatform | undefined {
  let host: string;
  try {
    host = new URL(raw).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  return CHAT_PLATFORMS.find((id) => PLATFORMS[id].hosts.some((h) => host === h || host.endsWith(`.${h}`)));
}

import { describe, expect, it } from 'vitest';
import {
  dateTimeSchema,
  durationSchema,
  parseReleaseRef,
  releaseRefSchema,
  severitySchema,
  urlSchema,
  versionSchema,
} from '../../../src/schema/index.ts';

describe('date-time', () => {
  it.each(['2026-03-12', '2026-03-12T22:00:00+08:00', '2026-03-12T22:00+08:00', '2026-03-12T14:00:00Z', '2026-03-12T22:00:00.123-05:00'])(
    'accepts %s',
    (value) => expect(dateTimeSchema.safeParse(value).success).toBe(true),
  );

  it('rejects a date-time without offset and says how to write it', () => {
    const result = dateTimeSchema.safeParse('2026-03-12 22:00');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('2026-03-12 22:00 has no offset: write 2026-03-12T22:00+08:00 (or Z), or a date alone');
  });

  it.each(['2026-02-30', '2026-13-01', 'next tuesday', '12/03/2026'])('rejects %s', (value) => {
    expect(dateTimeSchema.safeParse(value).success).toBe(false);
  });
});

describe('duration', () => {
  it.each([
    [90, 90],
    ['90m', 90],
    ['1h30m', 90],
    ['2d', 2880],
    ['1d2h3m', 1563],
  ] as const)('reads %s as %i minutes', (input, minutes) => {
    expect(durationSchema.parse(input)).toBe(minutes);
  });

  it.each(['', '1.5h', '30 minutes', '-5', 'h', -5, 1.5])('rejects %s', (input) => {
    expect(durationSchema.safeParse(input).success).toBe(false);
  });
});

describe('version', () => {
  it('accepts version strings', () => {
    for (const v of ['2.3.0', '1.10', '2024.03-hotfix1', 'v2', '1.0.0+build.5', '1_0']) expect(versionSchema.safeParse(v).success).toBe(true);
  });
  it('rejects a number with a message about strings', () => {
    const result = versionSchema.safeParse(1.1);
    expect(result.error?.issues[0]?.message).toBe('is a number, but a version must be a string');
  });
  it('rejects spaces and leading punctuation', () => {
    for (const v of ['2.3 beta', '.1', '-1', '']) expect(versionSchema.safeParse(v).success).toBe(false);
  });
});

describe('release ref', () => {
  it('parses service@version', () => {
    expect(releaseRefSchema.safeParse('payment-gateway@2.3.0').success).toBe(true);
    expect(parseReleaseRef('payment-gateway@2.3.0')).toEqual({ service: 'payment-gateway', version: '2.3.0' });
  });
  it.each(['payment-gateway', '@2.3.0', 'Payment@2.3.0', 'pay@', 'a@b@c'])('rejects %s', (ref) => {
    expect(releaseRefSchema.safeParse(ref).success).toBe(false);
  });
});

describe('url', () => {
  it('accepts http and https', () => {
    expect(urlSchema.safeParse('https://zentao.example.com/release-12.html').success).toBe(true);
    expect(urlSchema.safeParse('http://intranet/x').success).toBe(true);
  });
  it.each(['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'ftp://x.example.com', '/relative', 'JAVASCRIPT:alert(1)'])(
    'rejects %s',
    (url) => expect(urlSchema.safeParse(url).success).toBe(false),
  );
});

describe('severity', () => {
  it('is A to D', () => {
    expect(['A', 'B', 'C', 'D'].every((s) => severitySchema.safeParse(s).success)).toBe(true);
    expect(severitySchema.safeParse('E').success).toBe(false);
    expect(severitySchema.safeParse('a').success).toBe(false);
  });
});

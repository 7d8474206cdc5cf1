/** Identifiers and URLs of the data outputs: pinned, because subscribers keep them. */
import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { absoluteUrl, feedUuid, releaseUuid, serviceCalendarPath, serviceFeedPath } from '../../../src/model/outputs/index.ts';

describe('release and feed ids', () => {
  it('are UUID v5 of a name from service@version, the same forever (changing them shows every release twice)', () => {
    const id = releaseUuid('payment-gateway@2.3.0');
    expect(validate(id) && version(id)).toBe(5);
    expect(id).toBe('8c39fe6b-ebf7-5c41-ac5e-60c3f3249ef9');
    expect(feedUuid()).toBe('b27408d2-ac01-59da-ad5c-64a4d1007dc4');
    expect(releaseUuid('payment-gateway@2.3.1')).not.toBe(id);
    expect(feedUuid('payment-gateway')).not.toBe(feedUuid());
  });
});

describe('absoluteUrl', () => {
  it('puts a site path under site.baseUrl, keeping its path as a prefix; nothing without one', () => {
    expect(absoluteUrl('https://releases.example.com', '/feed.xml')).toBe('https://releases.example.com/feed.xml');
    expect(absoluteUrl('https://releases.example.com/', '/feed.xml')).toBe('https://releases.example.com/feed.xml');
    expect(absoluteUrl('https://example.com/portal/', '/releases/a/1.0/')).toBe('https://example.com/portal/releases/a/1.0/');
    expect(absoluteUrl(undefined, '/feed.xml')).toBeUndefined();
  });

  it('encodes service ids in paths as links write them', () => {
    expect(serviceFeedPath('pay-1')).toBe('/services/pay-1/feed.xml');
    expect(serviceCalendarPath('pay-1')).toBe('/services/pay-1/calendar.ics');
  });
});

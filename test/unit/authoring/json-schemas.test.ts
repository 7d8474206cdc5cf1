/** schemas/*.schema.json are generated from src/schema: the committed files must be up to date. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFiles, jsonSchemaOf } from '../../../src/cli/schemas/generate.ts';
import { REPO } from '../helpers.ts';

describe('JSON Schemas for editors', () => {
  it('schemas/ holds exactly the generated files, up to date (run npm run schemas)', async () => {
    const generated = jsonSchemaFiles();
    const committed = (await readdir(path.join(REPO, 'schemas'))).filter((f) => f.endsWith('.json')).sort();
    expect(committed).toEqual([...generated.keys()].sort());
    for (const [name, text] of generated) {
      expect(await readFile(path.join(REPO, 'schemas', name), 'utf8'), `schemas/${name} is out of date: run npm run schemas`).toBe(text);
    }
  });

  it('describes what an author writes: unknown keys refused, versions as strings, dates as text, both languages', () => {
    const release = jsonSchemaOf('release') as {
      additionalProperties: boolean;
      required: string[];
      properties: Record<string, { type?: string; pattern?: string; markdownDescription?: string; properties?: Record<string, { type?: string; pattern?: string }> }>;
    };
    expect(release.additionalProperties).toBe(false);
    expect(release.required).toEqual(['service', 'version', 'process', 'status']);
    expect(release.properties['version']?.type).toBe('string');
    expect(release.properties['window']?.properties?.['start']).toMatchObject({ type: 'string' });
    expect(release.properties['window']?.markdownDescription).toBe(
      'Planned go-live window.\n\n计划上线时间窗口。\n\n**Required:** required unless status is planned or cancelled / 状态不是 planned 或 cancelled 时必填',
    );
    expect(JSON.stringify(release)).not.toMatch(/x-description|x-type|x-required-when/);
  });
});

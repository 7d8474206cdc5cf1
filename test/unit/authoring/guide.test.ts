/**
 * The field guide lists every field the schemas know, with a description in both languages,
 * and the rules it words cover every value type and every checklist rule.
 */
import { describe, expect, it } from 'vitest';
import { keysOf } from '../../../src/model/schema-issues.ts';
import { GUIDE_KINDS, KIND_SCHEMAS, RULE_DOCS, VALUE_TYPE_DOCS, guideKind, guideKinds, yamlInline } from '../../../src/model/guide/index.ts';
import { RULES } from '../../../src/schema/process.ts';
import { VALUE_TYPES } from '../../../src/schema/doc.ts';
import { guideLabels } from '../../../src/components/guide/labels.ts';

describe('the field guide', () => {
  it.each(GUIDE_KINDS)('lists every field of the %s schema', (kind) => {
    const names = new Set(guideKind(kind).fields.map((f) => f.name));
    const missing = [...keysOf(KIND_SCHEMAS[kind])].filter((key) => !names.has(key));
    expect(missing).toEqual([]);
  });

  it('describes every field in English and Chinese', () => {
    const undocumented = guideKinds().flatMap((k) =>
      k.fields.filter((f) => !f.description?.en || !f.description['zh-CN'] || f.description.en === f.description['zh-CN']).map((f) => `${k.kind}: ${f.path}`),
    );
    expect(undocumented).toEqual([]);
  });

  it('tells required, optional and required-when apart, with defaults and allowed values', () => {
    const release = new Map(guideKind('release').fields.map((f) => [f.path, f]));
    expect(release.get('service')).toMatchObject({ requirement: 'required', type: { kind: 'value', name: 'id' } });
    expect(release.get('type')).toMatchObject({ requirement: 'optional', default: 'standard', values: ['standard', 'hotfix', 'temporary'] });
    expect(release.get('window')?.requirement).toBe('when');
    expect(release.get('window')?.requiredWhen?.en).toBe('required unless status is planned or cancelled');
    expect(release.get('plan.components[].dependsOn')).toMatchObject({ depth: 2, default: [], type: { kind: 'list', of: { kind: 'value', name: 'id' } } });
    expect(release.get('people.<role>')).toMatchObject({ requirement: 'required', type: { kind: 'value', name: 'text' } });
    expect(release.get('checklist.<item-id>')?.values).toEqual(['done', 'pending', 'n/a', 'waived']);
    expect(release.get('checklist.<item-id>.note')?.requirement).toBe('when');
    expect(release.get('knownIssues[].severity')?.values).toEqual(['A', 'B', 'C', 'D']);
    const report = new Map(guideKind('test-report').fields.map((f) => [f.path, f]));
    expect(report.get('bugCounts')?.values).toEqual(['A', 'B', 'C', 'D']);
    expect(report.get('bugCounts.<severity>.open')).toMatchObject({ default: 0, type: { kind: 'value', name: 'count' } });
    expect(report.get('round')?.type).toEqual({ kind: 'number', integer: true });
  });

  it('words every value type and every checklist rule', () => {
    expect(Object.keys(VALUE_TYPE_DOCS).sort()).toEqual([...VALUE_TYPES].sort());
    expect(Object.keys(RULE_DOCS).sort()).toEqual([...RULES].sort());
  });

  it('shows defaults and examples as a line of YAML', () => {
    expect(yamlInline({ A: 0, B: 0, C: 5 })).toBe('{ A: 0, B: 0, C: 5 }');
    expect(yamlInline([])).toBe('[]');
    expect(yamlInline([{ title: '禅道', url: 'https://zentao.example.com' }])).toBe('[ { title: 禅道, url: https://zentao.example.com } ]');
  });

  it('words types in both languages', () => {
    const list = { kind: 'list', of: { kind: 'value', name: 'link' } } as const;
    expect(guideLabels('en').type(list)).toBe('list of link');
    expect(guideLabels('zh-CN').type(list)).toBe('link 列表');
    expect(guideLabels('zh-CN').type({ kind: 'list', of: { kind: 'object' } })).toBe('映射列表');
  });
});

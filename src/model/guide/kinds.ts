/**
 * The field guide's model: for each record kind, where its files live, how a record is
 * identified, and every field (from the schema). Plain data in both portal languages; the
 * `/guide/` page renders it and a unit test checks that it lists every field the schema knows.
 */
import type { z } from 'zod';
import { RECORD_KINDS, SCHEMA_OF_KIND } from '../../schema/index.ts';
import type { Localized } from '../../schema/doc.ts';
import { guideFields, type GuideField } from './fields.ts';

export const GUIDE_KINDS = RECORD_KINDS;
export type GuideKind = (typeof GUIDE_KINDS)[number];

export interface GuideKindModel {
  kind: GuideKind;
  /** Where the files of this kind live, relative to the content folder. */
  files: string;
  /** The JSON Schema an editor can use (schemas/<name>.schema.json in the Shiplog repository). */
  jsonSchema: string;
  /** What the file is, and how a record of this kind is identified. */
  about: Localized;
  /** What the body holds (Markdown kinds only). */
  body?: Localized;
  fields: GuideField[];
}

export const KIND_SCHEMAS: Record<GuideKind, z.core.$ZodType> = SCHEMA_OF_KIND;

const ABOUT: Record<GuideKind, Omit<GuideKindModel, 'kind' | 'fields' | 'jsonSchema'>> = {
  site: {
    files: 'site.yaml',
    about: {
      en: 'Portal settings: one file at the top of the content folder.',
      'zh-CN': '门户设置：内容目录顶层的唯一文件。',
    },
  },
  service: {
    files: 'services/<id>.yaml',
    about: {
      en: 'One file per service. The id is the file name without .yaml: lowercase letters, digits and -.',
      'zh-CN': '每个服务一个文件。服务 id 就是去掉 .yaml 的文件名：小写字母、数字和 -。',
    },
  },
  process: {
    files: 'processes/<id>.md | .mdx',
    about: {
      en: 'One release process: its stages in order, who owns each, and the checklists that gate a release. The id is the file name.',
      'zh-CN': '一个发布流程：按顺序排列的阶段、各阶段负责人，以及把关发布的检查项。流程 id 就是文件名。',
    },
    body: { en: "The process's written guide.", 'zh-CN': '流程的文字说明。' },
  },
  release: {
    files: 'releases/**/*.md | .mdx',
    about: {
      en: 'One file per release, in any sub-folder; file names carry no meaning. A release is identified by <service>@<version>, which must be unique.',
      'zh-CN': '每次发布一个文件，可放在任意子目录，文件名不影响识别。发布以 <服务 id>@<版本号> 识别，且必须唯一。',
    },
    body: {
      en: 'The written launch plan, the go-live meeting minutes, anything else. ```mermaid blocks render as diagrams.',
      'zh-CN': '上线方案正文、部署大会纪要等。```mermaid 代码块会渲染成图。',
    },
  },
  'test-report': {
    files: 'test-reports/**/*.md | .mdx',
    about: {
      en: 'One test report of a release (one stage, one round), optionally with JUnit XML files.',
      'zh-CN': '某次发布的一份测试报告(一个测试阶段的一轮)，可附 JUnit XML 文件。',
    },
    body: { en: 'Scope, findings, anything else.', 'zh-CN': '测试范围、发现的问题等。' },
  },
  retrospective: {
    files: 'retrospectives/**/*.md | .mdx',
    about: {
      en: 'One retrospective, naming the releases it covers.',
      'zh-CN': '一次复盘，列出其涉及的发布。',
    },
    body: {
      en: 'The narrative: timeline, what went well, what went wrong, lessons.',
      'zh-CN': '经过、做得好的、做得不好的、经验教训。',
    },
  },
};

export function guideKind(kind: GuideKind): GuideKindModel {
  return { kind, ...ABOUT[kind], jsonSchema: `schemas/${kind}.schema.json`, fields: guideFields(KIND_SCHEMAS[kind]) };
}

export function guideKinds(): GuideKindModel[] {
  return GUIDE_KINDS.map(guideKind);
}

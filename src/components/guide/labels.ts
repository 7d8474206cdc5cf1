/**
 * Labels of the field guide (`/guide/`), by site.locale. Kept beside the guide components;
 * the type makes both languages define every label. Field descriptions and rules come from
 * the model (src/model/guide) already in both languages.
 */
import type { GuideKind, TypeRef } from '../../model/guide/index.ts';
import type { DocLocale } from '../../schema/doc.ts';

export interface GuideLabels {
  title: string;
  lede: string;
  contents: string;
  kind: Record<GuideKind, string>;
  files: string;
  jsonSchema: string;
  body: string;
  fieldsCaption: (kind: string) => string;
  col: { field: string; type: string; required: string; values: string; default: string; description: string; example: string };
  requirement: { required: string; optional: string; when: string };
  /** Between a label and its value (`Default: []`). */
  sep: string;
  valueTypes: string;
  valueTypesLede: string;
  valueTypeCol: { name: string; form: string; example: string };
  format: string;
  crossRecord: string;
  crossRecordLede: string;
  gate: string;
  rules: string;
  rulesLede: string;
  ruleCol: { rule: string; passes: string };
  authoring: string;
  authoringText: string;
  /** A field's type in words; value types stay as their names (they link to the table). */
  type: (t: TypeRef) => string;
}

const en: GuideLabels = {
  title: 'Field guide',
  lede: 'Every field of every record kind: its type, whether it is required, the allowed values, the default and an example — generated from the schemas that npm run check applies.',
  contents: 'Contents',
  kind: {
    site: 'site.yaml',
    service: 'Services',
    process: 'Processes',
    release: 'Releases',
    'test-report': 'Test reports',
    retrospective: 'Retrospectives',
  },
  files: 'Files',
  jsonSchema: 'JSON Schema',
  body: 'Body',
  fieldsCaption: (kind) => `Fields of ${kind}`,
  col: { field: 'Field', type: 'Type', required: 'Required', values: 'Allowed values', default: 'Default', description: 'Description', example: 'Example' },
  requirement: { required: 'required', optional: 'optional', when: 'when' },
  sep: ': ',
  valueTypes: 'Value types',
  valueTypesLede: 'The forms that fields share.',
  valueTypeCol: { name: 'Type', form: 'Form', example: 'Example' },
  format: 'General rules',
  crossRecord: 'Rules across records',
  crossRecordLede: 'Checked at build time after each record is valid on its own; every problem is reported in one run.',
  gate: 'The gate',
  rules: 'Checklist rules',
  rulesLede: 'A checklist item with rule: is computed from the records instead of ticked by hand.',
  ruleCol: { rule: 'Rule', passes: 'Passes when' },
  authoring: 'Writing a record',
  authoringText: 'npm run new -- <kind> creates a record from a template; npm run check validates the content folder.',
  type: (t) => typeText(t, WORDS.en),
};

const zh: GuideLabels = {
  title: '字段说明',
  lede: '每种记录的每个字段：类型、是否必填、可选值、默认值和示例。内容由 npm run check 使用的同一套 schema 生成。',
  contents: '目录',
  kind: {
    site: 'site.yaml 门户设置',
    service: '服务',
    process: '发布流程',
    release: '发布记录',
    'test-report': '测试报告',
    retrospective: '复盘',
  },
  files: '文件位置',
  jsonSchema: 'JSON Schema',
  body: '正文',
  fieldsCaption: (kind) => `${kind}的字段`,
  col: { field: '字段', type: '类型', required: '必填', values: '可选值', default: '默认值', description: '说明', example: '示例' },
  requirement: { required: '必填', optional: '可选', when: '条件必填' },
  sep: '：',
  valueTypes: '值类型',
  valueTypesLede: '各字段共用的取值格式。',
  valueTypeCol: { name: '类型', form: '格式', example: '示例' },
  format: '通用规则',
  crossRecord: '跨记录规则',
  crossRecordLede: '每条记录自身校验通过后，在构建时检查；所有问题一次全部报告。',
  gate: '门禁',
  rules: '检查项规则',
  rulesLede: '带 rule: 的检查项由记录自动计算，而不是手工勾选。',
  ruleCol: { rule: '规则', passes: '通过条件' },
  authoring: '编写记录',
  authoringText: 'npm run new -- <类型> 按模板新建记录；npm run check 校验整个内容目录。',
  type: (t) => typeText(t, WORDS['zh-CN']),
};

interface TypeWords {
  string: string;
  integer: string;
  number: string;
  boolean: string;
  any: string;
  object: string;
  list: (of: string) => string;
  map: (key: string, value: string) => string;
  or: string;
  oneOf: string;
}

const WORDS: Record<DocLocale, TypeWords> = {
  en: {
    string: 'string',
    integer: 'whole number',
    number: 'number',
    boolean: 'true | false',
    any: 'any',
    object: 'mapping',
    list: (of) => `list of ${of}`,
    map: (key, value) => `mapping ${key} → ${value}`,
    or: ' or ',
    oneOf: 'enum',
  },
  'zh-CN': {
    string: '字符串',
    integer: '整数',
    number: '数字',
    boolean: 'true | false',
    any: '任意',
    object: '映射',
    list: (of) => (/^[\x00-\x7f]/.test(of.slice(-1)) ? `${of} 列表` : `${of}列表`),
    map: (key, value) => `映射 ${key} → ${value}`,
    or: ' 或 ',
    oneOf: '枚举',
  },
};

function typeText(t: TypeRef, w: TypeWords): string {
  switch (t.kind) {
    case 'value':
      return t.name;
    case 'enum':
      return w.oneOf;
    case 'string':
      return w.string;
    case 'number':
      return t.integer ? w.integer : w.number;
    case 'boolean':
      return w.boolean;
    case 'any':
      return w.any;
    case 'object':
      return w.object;
    case 'list':
      return w.list(typeText(t.of, w));
    case 'map':
      return w.map(typeText(t.key, w), typeText(t.value, w));
    case 'union':
      return t.options.map((o) => typeText(o, w)).join(w.or);
  }
}

const LABELS: Record<DocLocale, GuideLabels> = { en, 'zh-CN': zh };

export function guideLabels(locale: DocLocale): GuideLabels {
  return LABELS[locale];
}

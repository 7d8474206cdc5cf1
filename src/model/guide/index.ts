/** The field guide (`/guide/`): record kinds with their fields, and the rules in plain words. */
export { guideFields, type GuideField, type Requirement, type TypeRef } from './fields.ts';
export { GUIDE_KINDS, KIND_SCHEMAS, guideKind, guideKinds, type GuideKind, type GuideKindModel } from './kinds.ts';
export { CROSS_RECORD_RULES, FORMAT_RULES, GATE_RULES, RULE_DOCS, VALUE_TYPE_DOCS, type ValueTypeDoc } from './rules.ts';
export { yamlInline } from './yaml-inline.ts';

/** The few words of the diagram component and its client script, in the portal's two locales. */
export type DiagramUiLocale = 'zh-CN' | 'en';

const TEXT = {
  'zh-CN': {
    source: 'Mermaid 源码',
    textVersion: '文字版',
    failed: '图表无法绘制，下面显示其源码。',
    authorDiagram: '图表',
  },
  en: {
    source: 'Mermaid source',
    textVersion: 'Text version',
    failed: 'This diagram could not be drawn; its source is shown below.',
    authorDiagram: 'Diagram',
  },
} as const satisfies Record<DiagramUiLocale, Record<string, string>>;

export function diagramText(locale: string | undefined): (typeof TEXT)[DiagramUiLocale] {
  return locale?.toLowerCase().startsWith('zh') ? TEXT['zh-CN'] : TEXT.en;
}

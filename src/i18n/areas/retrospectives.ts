/** Labels of one area of the portal; `en` defines the keys, `zhCN` must have the same ones. */
export const en = {} as const;

export const zhCN: Record<keyof typeof en, string> = {};

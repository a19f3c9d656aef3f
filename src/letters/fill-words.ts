/**
 * Fills `{key}` in a sentence of the letter's words. A value that ends in a full stop (a company
 * "… B.V.", a name "J.") swallows the sentence's own full stop right after it, so the letter never
 * says "B.V.." — whatever the words put after `{company}`.
 */
export function fillWords(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}(\.?)/g, (whole, key: string, stop: string) => {
    const value = values[key];
    if (value === undefined) return whole;
    return value.endsWith('.') ? value : value + stop;
  });
}

/** Text safe inside XML or HTML, in an element or a quoted attribute: the five markup characters as numeric references. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

import { editionHeading } from './headings';

/** The edition's fields a credit needs. */
export interface EditionCredit {
  title: string;
  subtitle: string;
  byline: readonly string[];
}

/** The edition's full name as a newspaper would cite it: 《踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事》. */
export function editionName(edition: EditionCredit): string {
  return `《${editionHeading(edition)}》`;
}

/** The authors as a credit names them: 作者张浩、刘峰. */
export function authorsOf({ byline }: EditionCredit): string {
  return `作者${byline.join('、')}`;
}

/** The credit line printed under every page and carried by every repost. */
export function sourceLine(edition: EditionCredit): string {
  return `来源：${editionName(edition)}，${authorsOf(edition)}。`;
}

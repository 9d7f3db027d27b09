/** The recap's fields a credit needs. */
export interface Recap {
  title: string;
  subtitle: string;
  byline: readonly string[];
}

/** The recap's full name as a newspaper would cite it: 《踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事》. */
export function recapName({ title, subtitle }: Recap): string {
  return `《${title}——${subtitle}》`;
}

/** The authors as a credit names them: 作者张浩、刘峰. */
export function authorsOf({ byline }: Recap): string {
  return `作者${byline.join('、')}`;
}

/** The credit line printed under every page and carried by every repost. */
export function sourceLine(recap: Recap): string {
  return `来源：${recapName(recap)}，${authorsOf(recap)}。`;
}

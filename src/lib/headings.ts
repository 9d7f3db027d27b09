/** An achievement's heading on one line, as titles, feeds and citations print it: 第二件 持续重拳出击…. */
export function achievementHeading({ kicker, title }: { kicker: string; title: string }): string {
  return `${kicker} ${title}`;
}

/** An edition's full name: 踔厉奋发保平安 笃行实干护坦途——2022年枣庄公安交警十件实事. */
export function editionHeading({ title, subtitle }: { title: string; subtitle: string }): string {
  return `${title}——${subtitle}`;
}

import { absoluteUrl, editionFiles } from '../paths';
import type { Recap } from '../source-line';

/**
 * Schema.org NewsArticle data for search engines and link previews. Only what the source supports:
 * the two authors as Persons, the police force as what the recap is about, no publisher (the source
 * names no publishing organisation: it was printed on a newspaper page that goes unnamed, and its
 * authors are not its publisher; BaseLayout adds the owners' 主办单位 as publisher when it is set,
 * src/lib/publisher.ts) and no date (the source gives none).
 */
const SUBJECT = { '@type': 'GovernmentOrganization', name: '枣庄市公安交警系统' } as const;

export interface ArticleFacts {
  headline: string;
  description: string;
  url: string;
  image: string;
}

function people({ byline }: Recap) {
  return byline.map((name) => ({ '@type': 'Person', name }));
}

function base(recap: Recap, facts: ArticleFacts) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: facts.headline,
    description: facts.description,
    inLanguage: 'zh-CN',
    url: facts.url,
    mainEntityOfPage: facts.url,
    image: [facts.image],
    author: people(recap),
    about: SUBJECT,
  };
}

/** A section: a NewsArticle that is part of the recap. */
export function sectionArticle(recap: Recap, facts: ArticleFacts, recapUrl: string) {
  return {
    ...base(recap, facts),
    isPartOf: { '@type': 'CreativeWork', name: `${recap.title}——${recap.subtitle}`, url: recapUrl },
  };
}

/** The recap as a whole (the front page), listing its sections. */
export function recapArticle(recap: Recap, facts: ArticleFacts, sections: readonly { headline: string; url: string }[]) {
  return {
    ...base(recap, facts),
    hasPart: sections.map((s) => ({ '@type': 'NewsArticle', headline: s.headline, url: s.url })),
  };
}

/** What a front page knows about its edition (an Edition has it all). */
export interface EditionFacts extends Recap {
  lead: string;
  href: string;
  achievements: readonly { kicker: string; title: string; href: string }[];
}

/** The recap's data for a page showing the whole edition (/, /2022/, /2022/full/). */
export function editionArticle(edition: EditionFacts, pagePath: string, site: URL | undefined) {
  return recapArticle(
    edition,
    {
      headline: `${edition.title}——${edition.subtitle}`,
      description: edition.lead,
      url: absoluteUrl(pagePath, site),
      image: absoluteUrl(editionFiles(edition.href).card, site),
    },
    edition.achievements.map((a) => ({ headline: `${a.kicker} ${a.title}`, url: absoluteUrl(a.href, site) })),
  );
}

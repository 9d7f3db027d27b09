import { absoluteUrl, editionFiles } from '../paths';
import type { EditionCredit } from '../source-line';
import { achievementHeading, editionHeading } from '../headings';

/**
 * Schema.org NewsArticle data for search engines and link previews. Only what the source supports:
 * the two authors as Persons, the police force as what the edition is about, no publisher (the source
 * names no publishing organisation: it was printed on a newspaper page that goes unnamed, and its
 * authors are not its publisher) and no date (the source gives none).
 */
const SUBJECT = { '@type': 'GovernmentOrganization', name: '枣庄市公安交警系统' } as const;

export interface ArticleFacts {
  headline: string;
  description: string;
  url: string;
  image: string;
}

function people({ byline }: EditionCredit) {
  return byline.map((name) => ({ '@type': 'Person', name }));
}

function base(edition: EditionCredit, facts: ArticleFacts) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: facts.headline,
    description: facts.description,
    inLanguage: 'zh-CN',
    url: facts.url,
    mainEntityOfPage: facts.url,
    image: [facts.image],
    author: people(edition),
    about: SUBJECT,
  };
}

/** An achievement: a NewsArticle that is part of the edition. */
export function achievementNewsArticle(edition: EditionCredit, facts: ArticleFacts, editionUrl: string) {
  return {
    ...base(edition, facts),
    isPartOf: { '@type': 'CreativeWork', name: editionHeading(edition), url: editionUrl },
  };
}

/** The edition as a whole (the front page), listing its achievements. */
export function editionNewsArticle(edition: EditionCredit, facts: ArticleFacts, achievements: readonly { headline: string; url: string }[]) {
  return {
    ...base(edition, facts),
    hasPart: achievements.map((s) => ({ '@type': 'NewsArticle', headline: s.headline, url: s.url })),
  };
}

/** What a front page knows about its edition (an Edition has it all). */
export interface EditionFacts extends EditionCredit {
  lead: string;
  href: string;
  achievements: readonly { kicker: string; title: string; href: string }[];
}

/** The edition's data for a page showing the whole edition (/, /2022/, /2022/full/). */
export function editionArticle(edition: EditionFacts, pagePath: string, site: URL | undefined) {
  return editionNewsArticle(
    edition,
    {
      headline: editionHeading(edition),
      description: edition.lead,
      url: absoluteUrl(pagePath, site),
      image: absoluteUrl(editionFiles(edition.href).card, site),
    },
    edition.achievements.map((a) => ({ headline: achievementHeading(a), url: absoluteUrl(a.href, site) })),
  );
}

/** The 2022 achievements' permanent slugs, in the article's order (tests/fixtures/source/README.md). */
export const SLUGS = [
  'congress-security',
  'accident-prevention',
  'civilized-city',
  'muck-trucks',
  'drunk-driving',
  'transport-companies',
  'service-windows',
  'severe-weather-road',
  'enforcement-oversight',
  'party-building',
];

// The publisher's settings, provided by src/integrations/publisher.ts.
declare module 'virtual:publisher' {
  const publisher: import('../lib/publisher').Publisher;
  export default publisher;
}

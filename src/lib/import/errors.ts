/** A problem with the article an editor gave the importer: the message is Chinese and names the file. */
export class ImportError extends Error {
  override name = 'ImportError';
}

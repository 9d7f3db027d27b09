import { startFirefox } from '../support/firefox';
import { readerPath } from '../support/reader-path';

// Firefox ESR (Debian's), over WebDriver BiDi: the same reader's path as WebKit (docs/webkit.md).
readerPath('Firefox', /Firefox\/\d+/, startFirefox);

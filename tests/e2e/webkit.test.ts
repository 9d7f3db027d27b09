import { readerPath } from '../support/reader-path';
import { startWebKit } from '../support/webdriver';

// iPhone readers (WeChat on iOS included) read the site in WebKit: one WebKitGTK session walks a
// reader's path through the built site (docs/webkit.md). Safari's user agent, not Chrome's.
readerPath('WebKit', /^(?!.*(Chrome|Firefox)).*AppleWebKit\/605\.1\.15 .*Safari\//, startWebKit);

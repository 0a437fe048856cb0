// Debian's Chromium, as the browser tests and the bench drive it: headless, offline, never downloaded.

/** Where Debian's package `chromium` puts the browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** The flags every launch passes: headless, and nothing that reaches the network by itself. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

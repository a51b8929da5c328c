import { describe, expect, it } from 'vitest';
import { absoluteAssetLinks, isAppRoute } from './pages';

describe('the pages the host serves', () => {
  it.each([
    [
      '<script type="module" src="./assets/index-1.js"></script>',
      '<script type="module" src="/assets/index-1.js"></script>',
    ],
    ['<link rel="stylesheet" href="./assets/index.css">', '<link rel="stylesheet" href="/assets/index.css">'],
    ['<link rel="modulepreload" href="./assets/a.js">', '<link rel="modulepreload" href="/assets/a.js">'],
    ['<a href="../up.html">', '<a href="../up.html">'],
    ['<a href="https://example.com/./x">', '<a href="https://example.com/./x">'],
    ['<img data-src="./x.png">', '<img data-src="./x.png">'],
  ])('rewrites %s', (html, expected) => {
    expect(absoluteAssetLinks(html)).toBe(expected);
  });

  it.each([
    ['/', true],
    ['/checkout', true],
    ['/settings/store', true],
    ['/products/01ABC?tab=stock', true],
    ['/assets/index-1.js', false],
    ['/settings/assets/index-1.js', false],
    ['/favicon.ico', false],
    ['/api', false],
    ['/api/system.info', false],
  ])('%s is an app route: %s', (url, expected) => {
    expect(isAppRoute(url)).toBe(expected);
  });
});

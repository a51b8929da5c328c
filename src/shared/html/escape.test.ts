import { describe, expect, it } from 'vitest';
import { escapeHtml } from '.';

describe('escapeHtml', () => {
  it.each([
    ['Latte', 'Latte'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`"quoted" & 'single'`, '&quot;quoted&quot; &amp; &#39;single&#39;'],
    ['&amp;', '&amp;amp;'],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
  });
});

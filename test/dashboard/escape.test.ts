import { describe, expect, it } from 'vitest';
import { html, raw } from '../../src/http/dashboard/escape.ts';
import { safeNext } from '../../src/http/dashboard/sign-in.ts';

describe('dashboard HTML escaping', () => {
  it('escapes what a lead wrote, in text and in attributes, but not markup we wrote', () => {
    const body = '<script>alert(1)</script> & "quotes" \'too\'';
    const out = html`<p title="${body}">${body}</p>${raw('<br>')}${[html`<i>${'<b>'}</i>`, null, false]}`
      .value;
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;too&#39;');
    expect(out).toContain('<br><i>&lt;b&gt;</i>');
  });

  it('sends a signed-in browser back only to a page of this site', () => {
    expect(safeNext('/contacts/sandbox/a?x=1')).toBe('/contacts/sandbox/a?x=1');
    for (const evil of [
      '//evil.example',
      'https://evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '',
      undefined,
    ])
      expect(safeNext(evil)).toBe('/inbox');
  });
});

import { type HtmlValue, html, type SafeHtml } from './escape.ts';

/** The sections of the nav, in order; `current` marks the page being shown. */
export const NAV = [
  { key: 'inbox', href: '/inbox', label: 'Inbox' },
  { key: 'queues', href: '/queues', label: 'Queues' },
  { key: 'overview', href: '/overview', label: 'Overview' },
  { key: 'scripts', href: '/scripts', label: 'Scripts and answers' },
  { key: 'simulator', href: '/simulator', label: 'Simulator' },
] as const;

export type NavKey = (typeof NAV)[number]['key'];

export interface LayoutOptions {
  title: string;
  /** The nav entry to mark as the current page; none for sign-in and error pages. */
  current?: NavKey;
  /** The session's CSRF token; htmx sends it on every request as X-CSRF-Token. Omit when signed out. */
  csrf?: string;
  /** Whether to show the sign-out button (only when sign-in is required). */
  signOut?: boolean;
  body: HtmlValue;
}

export const HTML_TYPE = 'text/html; charset=utf-8';

/**
 * The page shell: skip link, banner with the nav, one <main id="main">, the stylesheet and htmx,
 * both served by the service (/assets/…). JSON in hx-headers is HTML-escaped by the html tag.
 */
export function layout(o: LayoutOptions): SafeHtml {
  const nav = NAV.map(
    (n) =>
      html`<li><a href="${n.href}"${n.key === o.current ? html` aria-current="page"` : ''}>${n.label}</a></li>`,
  );
  const headers = o.csrf ? JSON.stringify({ 'X-CSRF-Token': o.csrf }) : undefined;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} · Jorge Bots</title>
<link rel="stylesheet" href="/assets/dashboard.css">
<script src="/assets/htmx.min.js" defer></script>
<script src="/assets/dashboard.js" defer></script>
</head>
<body${headers ? html` hx-headers="${headers}"` : ''}>
<a class="skip" href="#main">Skip to content</a>
<header class="bar">
<a class="brand" href="/inbox">Jorge Bots</a>
${
  o.current !== undefined || o.signOut
    ? html`<nav aria-label="Main"><ul>${o.current !== undefined ? nav : ''}</ul></nav>`
    : ''
}
${
  o.signOut && o.csrf
    ? html`<form method="post" action="/sign-out" class="sign-out"><input type="hidden" name="_csrf" value="${o.csrf}"><button type="submit">Sign out</button></form>`
    : ''
}
</header>
<main id="main" tabindex="-1">
${o.body}
</main>
</body>
</html>`;
}

/** The hidden form field that carries the CSRF token on a plain (non-htmx) form. */
export const csrfField = (csrf: string): SafeHtml => html`<input type="hidden" name="_csrf" value="${csrf}">`;

// Inbound emails as the common mail clients build them (markup trimmed to what matters), with the
// words the lead actually wrote. Names, addresses and numbers are fictional.

export interface EmailSample {
  name: string;
  raw: string;
  expected: string;
}

const quotedThread = `<p>Hi Ana, thanks for reaching out about 6842 Etiwanda Ave.</p><p>Would you like a market analysis?</p>`;

export const EMAIL_SAMPLES: EmailSample[] = [
  {
    name: 'Gmail web reply with signature and quote',
    raw:
      '<div dir="ltr">Yes, we would like the analysis. Our budget is around $650k.<div><br></div>' +
      '<div><span class="gmail_signature_prefix">-- </span><br><div dir="ltr" class="gmail_signature" ' +
      'data-smartmail="gmail_signature">Ana Lopez<br>(909) 555-0143</div></div></div><br>' +
      '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Tue, Sep 1, 2026 at 10:00 AM Jorge ' +
      `Realty &lt;jorge@example.com&gt; wrote:<br></div><blockquote class="gmail_quote">${quotedThread}</blockquote></div>`,
    expected: 'Yes, we would like the analysis. Our budget is around $650k.',
  },
  {
    name: 'Outlook desktop reply (quote as siblings after the header)',
    raw:
      '<html><head><style>p{margin:0}</style></head><body><div class="elementToProof">We can meet Saturday ' +
      'morning.</div><div id="Signature"><p>Best,<br>Mark Chen</p></div><div id="appendonsend"></div>' +
      '<hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Jorge ' +
      '&lt;jorge@example.com&gt;<br><b>Sent:</b> Tuesday, September 1, 2026 10:00 AM<br><b>To:</b> Mark ' +
      `Chen<br><b>Subject:</b> Your home</div><div>${quotedThread}</div></body></html>`,
    expected: 'We can meet Saturday morning.',
  },
  {
    name: 'Apple Mail on iPhone',
    raw:
      '<html><body dir="auto"><div dir="ltr">Is the price negotiable?</div><div dir="ltr"><br></div>' +
      '<div dir="ltr">Sent from my iPhone</div><div dir="ltr"><br><blockquote type="cite">On Sep 1, 2026, ' +
      'at 10:00 AM, Jorge Realty &lt;jorge@example.com&gt; wrote:<br><br></blockquote></div>' +
      `<blockquote type="cite"><div dir="ltr">${quotedThread}</div></blockquote></body></html>`,
    expected: 'Is the price negotiable?',
  },
  {
    name: 'Yahoo reply',
    raw:
      '<html><body><div class="ydp-body"><div>Please call me after 5pm.</div></div>' +
      '<div id="yahoo_quoted_123" class="yahoo_quoted"><div>On Tuesday, September 1, 2026, 10:00 AM, ' +
      `Jorge Realty &lt;jorge@example.com&gt; wrote:</div>${quotedThread}</div></body></html>`,
    expected: 'Please call me after 5pm.',
  },
  {
    name: 'Plain text with ">" quote and "-- " signature',
    raw:
      'Two bedrooms is enough for us.\n\n-- \nDana Smith\nDana Smith Designs | (909) 555-0177\n\n' +
      'On Tue, Sep 1, 2026 at 10:00 AM Jorge Realty <jorge@example.com> wrote:\n> How many bedrooms do you need?\n',
    expected: 'Two bedrooms is enough for us.',
  },
  {
    name: 'Interleaved answers between quoted lines',
    raw: '> How many bedrooms do you need?\nThree.\n\n> Which area do you like?\nUpland or Ontario.\n',
    expected: 'Three.\n\nUpland or Ontario.',
  },
  {
    name: 'Spanish Gmail reply with wrapped header',
    raw:
      '<div dir="ltr">Sí, queremos vender antes de diciembre.</div><br><div class="gmail_quote">' +
      '<div dir="ltr" class="gmail_attr">El mar, 1 sept 2026 a las 10:00, Jorge Realty (&lt;jorge@example.com&gt;) ' +
      `escribió:<br></div><blockquote class="gmail_quote">${quotedThread}</blockquote></div>`,
    expected: 'Sí, queremos vender antes de diciembre.',
  },
  {
    name: 'Outlook mobile plain text with "-----Original Message-----"',
    raw:
      'Friday works.\n\nGet Outlook for Android\n\n-----Original Message-----\nFrom: Jorge Realty ' +
      '<jorge@example.com>\nSent: Tuesday, September 1, 2026 10:00 AM\nTo: Lee\nSubject: Showing\n\nWhen can you come by?',
    expected: 'Friday works.',
  },
  {
    name: 'Outlook text header without a rule',
    raw:
      'I already have an agent, thanks.\n\nFrom: Jorge Realty <jorge@example.com>\nSent: Tuesday, September 1, ' +
      '2026 10:00 AM\nTo: Pat\nSubject: Your home\n\nHi Pat, are you still thinking of selling?',
    expected: 'I already have an agent, thanks.',
  },
  {
    name: 'A new email with no quote keeps its paragraphs and entities',
    raw: '<div>Hello,</div><div><br></div><div>We saw the listing on Elm St &amp; want a tour.</div>',
    expected: 'Hello,\n\nWe saw the listing on Elm St & want a tour.',
  },
];

import { describe, expect, it } from 'vitest';
import { emailText, emailThreadOf } from '../../../src/adapters/ghl-webhooks/email-text.ts';
import { emailReplyFields, replySubject } from '../../../src/app/turn/email-reply.ts';
import { EMAIL_SAMPLES } from './email-samples.ts';

describe('the new words of an inbound email', () => {
  for (const s of EMAIL_SAMPLES) {
    it(s.name, () => {
      expect(emailText(s.raw)).toBe(s.expected);
    });
  }

  it('a bare forward (nothing but the quote) still says something', () => {
    const fwd =
      '<div>---------- Forwarded message ---------<br>From: Sam<br>Date: Tue<br>Subject: Listing</div>';
    expect(emailText(fwd)).toContain('Subject: Listing');
  });

  it('a line of dashes inside the text is not taken for a signature', () => {
    expect(emailText('Price range:\n--- 500k to 600k ---\nThanks')).toBe(
      'Price range:\n--- 500k to 600k ---\nThanks',
    );
  });
});

describe('the thread an answer goes into', () => {
  it('reads the email ids and subject GHL puts on an InboundMessage email', () => {
    const event = {
      emailMessageId: 'em1',
      threadId: 'th1',
      subject: ' Your home on Elm St ',
      body: '<p>hi</p>',
    };
    expect(emailThreadOf(event)).toEqual({
      messageId: 'em1',
      threadId: 'th1',
      subject: 'Your home on Elm St',
    });
    expect(emailThreadOf({ body: 'hi' })).toBeUndefined();
  });

  it('answers with "Re: <subject>" once, and names the email and thread replied to', () => {
    expect(replySubject('Your home on Elm St')).toBe('Re: Your home on Elm St');
    expect(replySubject('RE: Your home')).toBe('RE: Your home');
    expect(replySubject('Fwd: Listing')).toBe('Re: Fwd: Listing');
    expect(emailReplyFields({ messageId: 'em1', threadId: 'th1', subject: 'Tour' })).toEqual({
      subject: 'Re: Tour',
      replyToMessageId: 'em1',
      threadId: 'th1',
    });
    expect(emailReplyFields(undefined)).toEqual({});
  });
});

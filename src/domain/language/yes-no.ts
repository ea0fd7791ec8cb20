/**
 * Yes and no words in English, Spanish and the slang of both, shared by the readers that take a
 * yes or a no as an answer (pre-approval, polarity), so a "nel" or a "simón" reads the same in each.
 * Alternatives for a regular expression over simplified text (folded, no apostrophes); the callers
 * add the words that mean yes or no only in their own question ("ya" = already, after "are you
 * pre-approved?"). A bare "no" is left out: it opens many Spanish sentences ("no me interesa").
 */
export const YES_WORDS =
  'yes|yess+|yessir|yeah|yea|yep|yup|ye|yas+|si|sip|simon|sure|correct|absolutely|of course|claro|affirmative|definitely|totally|for sure|orale|andale';

/** An acknowledgment before the answer: "ok, not yet", "bueno, todavía no", "ok we are". */
export const ACK_WORDS = 'ok|okay|k|kk|bueno|pues|well|oh|ah|hmm';

export const NO_WORDS =
  'nope|nah|naw|nay|nel|nop|nones|negative|not yet|not really|todavia no|aun no|no todavia|para nada';

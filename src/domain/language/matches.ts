/**
 * Every match of a global pattern, in order: what `[...text.matchAll(re)]` gives, without the
 * copy of the pattern and the iterator `matchAll` makes on every call (the readers run hundreds of
 * patterns over each message). All matches are found before any is used, so a caller may run the
 * same pattern again while it reads them.
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matchesOf needs a global pattern: /${re.source}/${re.flags}`);
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    found.push(m);
    // An empty match moves on by one character (a whole surrogate pair under the u or v flag).
    if (m[0] === '') re.lastIndex = afterEmpty(text, re.lastIndex, re.unicode || re.flags.includes('v'));
  }
  re.lastIndex = 0;
  return found;
}

function afterEmpty(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const first = text.charCodeAt(at);
  const second = text.charCodeAt(at + 1);
  return first >= 0xd800 && first <= 0xdbff && second >= 0xdc00 && second <= 0xdfff ? at + 2 : at + 1;
}

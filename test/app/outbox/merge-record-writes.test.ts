import { describe, expect, it } from 'vitest';
import { mergeRecordWrites } from '../../../src/app/outbox/merge-record-writes.ts';

describe('a contact’s queued tag and field writes merged into the calls that leave the same CRM state', () => {
  it('keeps each field’s latest value and the tags whose last word was add or remove', () => {
    const merged = mergeRecordWrites([
      { kind: 'set_fields', fields: { lead_score: 20, timeline: '6 months' } },
      { kind: 'add_tags', tags: ['Seller-Lead', 'Warm-Lead'] },
      { kind: 'remove_tags', tags: ['warm-lead'] },
      { kind: 'add_tags', tags: ['Hot-Lead'] },
      { kind: 'set_fields', fields: { lead_score: 80 } },
      { kind: 'remove_tags', tags: ['Cold-Lead'] },
    ]);
    expect(merged.fields).toEqual({ lead_score: 80, timeline: '6 months' });
    expect(merged.addTags).toEqual(['Seller-Lead', 'Hot-Lead']);
    expect(merged.removeTags).toEqual(['warm-lead', 'Cold-Lead']);
  });

  it('writes no fields when only tags changed, and re-adds a tag removed earlier', () => {
    const merged = mergeRecordWrites([
      { kind: 'remove_tags', tags: ['AI-Off'] },
      { kind: 'add_tags', tags: ['AI-Off'] },
    ]);
    expect(merged).toEqual({ fields: null, removeTags: [], addTags: ['AI-Off'] });
  });
});

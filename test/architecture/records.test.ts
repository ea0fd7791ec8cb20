import { expectTypeOf, it } from 'vitest';
import type { ModelCallRecord as DeclaredInApp } from '../../src/app/model-assist.ts';
import type { ModelCallRecord } from '../../src/ports/model-call-record.ts';

// app/model-assist.ts still declares its own copy of the record; the typecheck fails if the two part.
it('the model call record of app/model-assist.ts is the one in ports/', () => {
  expectTypeOf<DeclaredInApp>().toEqualTypeOf<ModelCallRecord>();
});

// A file that cannot be read as a table at all: wrong format, undecodable, empty. It is an
// InputError on the field "file", so the CLI and the HTTP layer report it like any bad input;
// problems inside rows are not thrown but listed by previewImport.

import type { Bilingual } from '../../core/text/bilingual.ts';
import { InputError } from '../../services/input-error.ts';

export class ImportFileError extends InputError {
  override readonly name = 'ImportFileError';

  constructor(readonly reason: Bilingual) {
    super('file', reason.en, reason.zh);
  }
}

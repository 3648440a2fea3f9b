import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_COLLECTIONS, FIELD_DOCS } from '../shared/content';

/** The ops README documents every field the schemas know, under its collection's heading. */
describe('content/README.md', () => {
  const text = readFileSync(join(__dirname, 'README.md'), 'utf8');
  const section = (c: string) => {
    const start = text.indexOf(`### ${c} `);
    const next = text.indexOf('\n### ', start + 1);
    return start < 0 ? '' : text.slice(start, next < 0 ? undefined : next);
  };

  it.each([...CONTENT_COLLECTIONS])('documents every field of %s in both languages', (c) => {
    const s = section(c);
    expect(s).not.toBe('');
    for (const [key, doc] of Object.entries(FIELD_DOCS[c])) {
      expect(s).toContain(`\`${key}\``);
      expect(s).toContain(doc.name_zh);
      expect(s).toContain(doc.name_en);
    }
  });
});

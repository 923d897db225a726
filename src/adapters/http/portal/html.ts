import { escapeHtml } from '../../../core/documents/news/index.ts';

// HTML built with a tagged template that escapes every interpolated value: text from the database
// (titles, bodies, captions, names) can only ever become text on the page. Markup that is already
// safe — another html`` result — passes through unchanged; nothing else does.

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = SafeHtml | string | number | null | undefined | false | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/**
 * A stored plain text as HTML: paragraphs at blank lines, line breaks within a paragraph kept.
 * Every piece is escaped.
 */
export function paragraphs(text: string): SafeHtml {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '');
  return html`${blocks.map((block) => {
    const lines = block.split('\n');
    // A block of several lines (a list with its heading) is set without the first-line indent.
    const open = lines.length > 1 ? html`<p class="lines">` : html`<p>`;
    return html`${open}${lines.map((line, i) => html`${i > 0 ? html`<br>` : ''}${line}`)}</p>\n`;
  })}`;
}

/** An href or src the portal will print: a path of this site or an https address; anything else is dropped. */
export function safeUrl(url: string): string | null {
  return /^(https:\/\/|\/(?!\/))[^\s<>"']+$/.test(url) ? url : null;
}

import { escapeHtml } from '../../../core/documents/news/index.ts';
import { pressName } from '../../../core/documents/press-names.ts';

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

/** A name as lists print it: Han characters (a ·), an annotation in brackets after it. */
const LISTED_NAME = /^[\p{Script=Han}·]{2,6}(?:（[^（）]{1,12}）)?$/u;

/**
 * A line of names separated by ideographic spaces (丁宁　王刚　张俊宁), as the news writes the lists
 * of those elected: its names, or null for any other line.
 */
export function nameRow(line: string): string[] | null {
  const names = line.trim().split(/\u3000+/u);
  return names.length >= 2 && names.every((name) => LISTED_NAME.test(name)) ? names : null;
}

/** A romanised name as the English news lists it: Wang Zhenbin, Ouyang Huimin (female). */
const LISTED_NAME_EN = /^\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){1,3}(?: \([^()]{1,30}\))?$/u;

/** A line of romanised names separated by commas (the English lists): its names, or null. */
export function nameRowEn(line: string): string[] | null {
  const names = line.trim().split(', ');
  return names.length >= 2 && names.every((name) => LISTED_NAME_EN.test(name)) ? names : null;
}

/**
 * A stored plain text as HTML: paragraphs at blank lines, line breaks within a paragraph kept.
 * A line of names is set as the press sets a list: in columns, two-character names padded
 * (王　宁), and never broken across lines (张俊 / 宁). Every piece is escaped.
 */
export function paragraphs(text: string): SafeHtml {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '');
  return html`${blocks.map((block) => {
    const lines = block.split('\n');
    // Runs of text lines and of name rows: a list of names cannot sit inside a paragraph.
    const runs: Array<{ names: string[] } | { lines: string[] }> = [];
    for (const line of lines) {
      const names = nameRow(line);
      const last = runs.at(-1);
      if (names) runs.push({ names });
      else if (last && 'lines' in last) last.lines.push(line);
      else runs.push({ lines: [line] });
    }
    // A block of several lines (a list with its heading) is set without the first-line indent.
    const open = lines.length > 1 ? html`<p class="lines">` : html`<p>`;
    // An English list runs on as the English press prints it, but no name is broken (Zhang / Junning).
    const textLine = (line: string) => {
      const names = nameRowEn(line);
      return names
        ? names.map((name, i) => html`${i > 0 ? ', ' : ''}<span class="name">${name}</span>`)
        : line;
    };
    return html`${runs.map((run) =>
      'names' in run
        ? html`<ul class="names">${run.names.map((name) => html`<li>${pressName(name)}</li>`)}</ul>\n`
        : html`${open}${run.lines.map((line, i) => html`${i > 0 ? html`<br>` : ''}${textLine(line)}`)}</p>\n`,
    )}`;
  })}`;
}

/** An href or src the portal will print: a path of this site or an https address; anything else is dropped. */
export function safeUrl(url: string): string | null {
  return /^(https:\/\/|\/(?!\/))[^\s<>"']+$/.test(url) ? url : null;
}

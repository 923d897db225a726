// A small template language for the announcements, safe by construction: a template is parsed
// into text, placeholders and conditional blocks, and rendering only looks values up by name in
// the object it is given. Nothing is evaluated, no function is called, no prototype is reached.
//
//   {{congress.fullName}}              the value at that path (a string or a number)
//   {{#if opening.chairs}}…{{/if}}     the block when the value is not empty
//   {{#if x}}…{{else}}…{{/if}}         either block
//
// A path is names of letters and digits joined by dots. A placeholder the values do not hold is
// an error naming it (never an empty string), as is a malformed tag: a published text must not
// silently lose a sentence. Values are plain text; `escape` turns them into HTML where needed.

export type TemplateValue = string | number | TemplateValues;
export interface TemplateValues {
  readonly [name: string]: TemplateValue;
}

export type TemplateErrorCode = 'syntax' | 'missing' | 'group' | 'unknown' | 'too-long';

/** Why a template cannot be used: in English and Chinese, with the placeholder and where it is. */
export class TemplateError extends Error {
  constructor(
    readonly code: TemplateErrorCode,
    readonly en: string,
    readonly zh: string,
    readonly position: { readonly line: number; readonly column: number },
    readonly placeholder?: string,
  ) {
    super(`${en} (line ${position.line}, column ${position.column})`);
    this.name = 'TemplateError';
  }
}

type Node =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'value'; readonly path: string; readonly at: Position }
  | {
      readonly type: 'if';
      readonly path: string;
      readonly at: Position;
      readonly whenTrue: readonly Node[];
      readonly whenFalse: readonly Node[];
    };

type Position = { readonly line: number; readonly column: number };

export interface ParsedTemplate {
  readonly nodes: readonly Node[];
}

/** Longest template accepted (a whole report with its lists is far shorter). */
export const MAX_TEMPLATE_LENGTH = 50_000;
const MAX_DEPTH = 8;

const PATH = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;

function positionAt(source: string, offset: number): Position {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset; i++) {
    if (source[i] === '\n') {
      line += 1;
      column = 1;
    } else column += 1;
  }
  return { line, column };
}

function syntax(source: string, offset: number, en: string, zh: string): TemplateError {
  return new TemplateError('syntax', en, zh, positionAt(source, offset));
}

function checkPath(source: string, offset: number, path: string, tag: string): string {
  if (!PATH.test(path)) {
    throw syntax(
      source,
      offset,
      `{{${tag}}} is not a placeholder: use a name such as {{congress.fullName}}`,
      `{{${tag}}}不是有效的占位符，应为如{{congress.fullName}}的名称`,
    );
  }
  return path;
}

/** Parses a template; a malformed tag is a TemplateError with its line and column. */
export function parseTemplate(source: string): ParsedTemplate {
  if (source.length > MAX_TEMPLATE_LENGTH) {
    throw new TemplateError(
      'too-long',
      `the template is longer than ${MAX_TEMPLATE_LENGTH} characters`,
      `模板超过${MAX_TEMPLATE_LENGTH}个字符`,
      { line: 1, column: 1 },
    );
  }
  // A stack of open blocks; the root collects the top level.
  type Open = {
    path: string;
    at: Position;
    offset: number;
    whenTrue: Node[];
    whenFalse: Node[];
    inElse: boolean;
  };
  const root: Node[] = [];
  const stack: Open[] = [];
  const target = (): Node[] => {
    const top = stack.at(-1);
    if (!top) return root;
    return top.inElse ? top.whenFalse : top.whenTrue;
  };
  let offset = 0;
  while (offset < source.length) {
    const open = source.indexOf('{{', offset);
    if (open === -1) {
      target().push({ type: 'text', text: source.slice(offset) });
      break;
    }
    if (open > offset) target().push({ type: 'text', text: source.slice(offset, open) });
    const close = source.indexOf('}}', open + 2);
    const nextOpen = source.indexOf('{{', open + 2);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      throw syntax(source, open, '{{ is not closed by }}', '“{{”缺少对应的“}}”');
    }
    const tag = source.slice(open + 2, close).trim();
    const at = positionAt(source, open);
    if (tag.startsWith('#if ') || tag === '#if') {
      if (stack.length >= MAX_DEPTH) {
        throw syntax(
          source,
          open,
          `blocks are nested more than ${MAX_DEPTH} deep`,
          `条件块嵌套超过${MAX_DEPTH}层`,
        );
      }
      const path = checkPath(source, open, tag.slice(3).trim(), tag);
      stack.push({ path, at, offset: open, whenTrue: [], whenFalse: [], inElse: false });
    } else if (tag === 'else') {
      const top = stack.at(-1);
      if (!top || top.inElse)
        throw syntax(source, open, '{{else}} outside an {{#if}} block', '“{{else}}”不在“{{#if}}”条件块内');
      top.inElse = true;
    } else if (tag === '/if') {
      const top = stack.pop();
      if (!top) throw syntax(source, open, '{{/if}} without an {{#if}}', '“{{/if}}”没有对应的“{{#if}}”');
      target().push({
        type: 'if',
        path: top.path,
        at: top.at,
        whenTrue: top.whenTrue,
        whenFalse: top.whenFalse,
      });
    } else {
      target().push({ type: 'value', path: checkPath(source, open, tag, tag), at });
    }
    offset = close + 2;
  }
  const unclosed = stack.at(-1);
  if (unclosed) {
    throw syntax(
      source,
      unclosed.offset,
      `{{#if ${unclosed.path}}} is not closed by {{/if}}`,
      `“{{#if ${unclosed.path}}}”缺少对应的“{{/if}}”`,
    );
  }
  return { nodes: root };
}

/** Every placeholder a template names, in order of first use, with where it is first used. */
export function templatePlaceholders(template: ParsedTemplate): { path: string; at: Position }[] {
  const seen = new Map<string, Position>();
  const walk = (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (node.type === 'text') continue;
      if (!seen.has(node.path)) seen.set(node.path, node.at);
      if (node.type === 'if') {
        walk(node.whenTrue);
        walk(node.whenFalse);
      }
    }
  };
  walk(template.nodes);
  return [...seen].map(([path, at]) => ({ path, at }));
}

/** Refuses a template naming a placeholder outside `known` (checked when a template is saved). */
export function checkPlaceholders(template: ParsedTemplate, known: ReadonlySet<string>): void {
  for (const { path, at } of templatePlaceholders(template)) {
    if (!known.has(path)) {
      throw new TemplateError(
        'unknown',
        `unknown placeholder {{${path}}}`,
        `未知的占位符{{${path}}}`,
        at,
        path,
      );
    }
  }
}

function lookUp(values: TemplateValues, path: string, at: Position): TemplateValue {
  let current: TemplateValue = values;
  for (const name of path.split('.')) {
    // Own properties of plain data only: {{constructor}} or {{toString}} are simply missing.
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, name)) {
      throw new TemplateError(
        'missing',
        `the placeholder {{${path}}} has no value`,
        `占位符{{${path}}}没有对应的内容`,
        at,
        path,
      );
    }
    current = (current as TemplateValues)[name]!;
  }
  return current;
}

/** A group is "not empty" when any value in it is. */
function isTruthy(value: TemplateValue): boolean {
  if (typeof value === 'string') return value !== '';
  if (typeof value === 'number') return value !== 0;
  return Object.values(value).some(isTruthy);
}

export interface RenderOptions {
  /** Applied to every value (not to the template's own text): escapeHtml for HTML output. */
  readonly escape?: (text: string) => string;
}

export function renderTemplate(
  template: ParsedTemplate | string,
  values: TemplateValues,
  options: RenderOptions = {},
): string {
  const parsed = typeof template === 'string' ? parseTemplate(template) : template;
  const escapeValue = options.escape ?? ((text: string) => text);
  const render = (nodes: readonly Node[]): string => {
    let out = '';
    for (const node of nodes) {
      if (node.type === 'text') out += node.text;
      else if (node.type === 'if')
        out += render(isTruthy(lookUp(values, node.path, node.at)) ? node.whenTrue : node.whenFalse);
      else {
        const value = lookUp(values, node.path, node.at);
        if (typeof value === 'object') {
          const fields = Object.keys(value).join(', ');
          throw new TemplateError(
            'group',
            `{{${node.path}}} is a group; name one of its fields: ${fields}`,
            `{{${node.path}}}是一组内容，请指明其中一项：${fields}`,
            node.at,
            node.path,
          );
        }
        out += escapeValue(String(value));
      }
    }
    return out;
  };
  return render(parsed.nodes);
}

/** Every path of a values object, groups included (what a template may name). */
export function valuePaths(values: TemplateValues, prefix = ''): string[] {
  const paths: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    const path = prefix + name;
    paths.push(path);
    if (typeof value === 'object') paths.push(...valuePaths(value, `${path}.`));
  }
  return paths;
}

/** &, <, >, " and ' as entities: safe in element text and in quoted attribute values. */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

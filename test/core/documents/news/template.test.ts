import { describe, expect, it } from 'vitest';
import {
  checkPlaceholders,
  escapeHtml,
  parseTemplate,
  renderTemplate,
  TemplateError,
  templatePlaceholders,
} from '../../../../src/core/documents/news/index.ts';

const values = {
  congress: { fullName: '中国共产党通辽市第六次代表大会', theme: '' },
  attendance: '应到代表417名，因事因病请假4人，实到代表413名，符合法定人数',
  count: 417,
  zero: 0,
  empty: { a: '', b: '' },
};

function failure(run: () => unknown): TemplateError {
  try {
    run();
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('expected a TemplateError');
}

describe('the template engine', () => {
  it('puts values in place', () => {
    expect(renderTemplate('{{congress.fullName}}隆重开幕。本次大会{{ attendance }}。', values)).toBe(
      '中国共产党通辽市第六次代表大会隆重开幕。本次大会应到代表417名，因事因病请假4人，实到代表413名，符合法定人数。',
    );
    expect(renderTemplate('{{count}}名', values)).toBe('417名');
  });

  it('renders a block only when its value is not empty, with an else', () => {
    const template =
      '{{#if congress.theme}}主题：{{congress.theme}}{{else}}无主题{{/if}}|{{#if count}}有{{/if}}|{{#if zero}}零{{/if}}';
    expect(renderTemplate(template, values)).toBe('无主题|有|');
    expect(renderTemplate('{{#if empty}}组{{else}}空组{{/if}}{{#if congress}}有组{{/if}}', values)).toBe(
      '空组有组',
    );
    expect(
      renderTemplate(
        '{{#if count}}{{#if zero}}x{{else}}{{#if congress.fullName}}嵌套{{/if}}{{/if}}{{/if}}',
        values,
      ),
    ).toBe('嵌套');
  });

  it('a missing placeholder is an error naming it and where it is, not an empty string', () => {
    const error = failure(() => renderTemplate('第一行\n开幕{{congress.venue}}', values));
    expect(error.code).toBe('missing');
    expect(error.placeholder).toBe('congress.venue');
    expect(error.position).toEqual({ line: 2, column: 3 });
    expect(error.en).toBe('the placeholder {{congress.venue}} has no value');
    expect(error.zh).toBe('占位符{{congress.venue}}没有对应的内容');
    expect(error.message).toContain('line 2, column 3');
    // In a condition too: a misspelt name must not silently drop a paragraph.
    expect(failure(() => renderTemplate('{{#if congres.theme}}x{{/if}}', values)).code).toBe('missing');
  });

  it('a group is not a value', () => {
    const error = failure(() => renderTemplate('{{congress}}', values));
    expect(error.code).toBe('group');
    expect(error.en).toContain('fullName, theme');
  });

  it('malformed tags are errors with their position', () => {
    expect(failure(() => parseTemplate('abc {{congress.fullName')).en).toBe('{{ is not closed by }}');
    expect(failure(() => parseTemplate('{{#if x}}a')).en).toBe('{{#if x}} is not closed by {{/if}}');
    expect(failure(() => parseTemplate('a{{/if}}')).en).toBe('{{/if}} without an {{#if}}');
    expect(failure(() => parseTemplate('{{else}}')).code).toBe('syntax');
    expect(failure(() => parseTemplate('{{#if x}}{{else}}{{else}}{{/if}}')).code).toBe('syntax');
    expect(failure(() => parseTemplate('{{a {{b}}')).en).toBe('{{ is not closed by }}');
    expect(failure(() => parseTemplate('x\n  {{ a b }}')).position).toEqual({ line: 2, column: 3 });
  });

  it('runs no code: expressions are syntax errors, prototype names are simply missing', () => {
    for (const source of [
      '{{process.exit()}}',
      '{{constructor.constructor("return process")()}}',
      '{{ a + b }}',
      '{{this}}',
      '{{__proto__}}',
      '{{x[0]}}',
      '{{`x`}}',
      '{{#if (1)}}a{{/if}}',
    ]) {
      expect(failure(() => renderTemplate(source, values)).code, source).toMatch(/syntax|missing/);
    }
    for (const source of [
      '{{constructor}}',
      '{{toString}}',
      '{{congress.constructor.name}}',
      '{{hasOwnProperty}}',
      '{{__proto__.x}}',
    ]) {
      const error = failure(() => renderTemplate(source, values));
      expect(error.code, source).toMatch(/missing|syntax/);
    }
    // A value is turned into text, never called or evaluated.
    const lookalike = `{{congress.fullName}} ${'$'}{1+1} <%= x %>`;
    expect(renderTemplate('{{a}}', { a: lookalike })).toBe(lookalike);
  });

  it('escapes values, not the template, where the text goes into HTML', () => {
    const html = renderTemplate(
      '<p>{{title}}</p>',
      { title: '<script>alert("x")</script> & \'quoted\'' },
      { escape: escapeHtml },
    );
    expect(html).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;</p>');
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('lists the placeholders a template uses and refuses unknown ones', () => {
    const parsed = parseTemplate('{{a.b}}{{#if c}}{{d}}{{else}}{{a.b}}{{e}}{{/if}}');
    expect(templatePlaceholders(parsed).map((p) => p.path)).toEqual(['a.b', 'c', 'd', 'e']);
    expect(() => checkPlaceholders(parsed, new Set(['a', 'a.b', 'c', 'd', 'e']))).not.toThrow();
    const error = failure(() => checkPlaceholders(parsed, new Set(['a.b', 'c', 'd'])));
    expect(error.code).toBe('unknown');
    expect(error.zh).toBe('未知的占位符{{e}}');
  });

  it('refuses a template too long to be one', () => {
    expect(failure(() => parseTemplate('x'.repeat(50_001))).code).toBe('too-long');
  });
});

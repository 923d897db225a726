import { describe, expect, it } from 'vitest';
import { nameRow, nameRowEn, paragraphs } from '../../../src/adapters/http/portal/html.ts';

// Issue 12, 11: the portal broke names across lines (张俊 / 宁 at 1440 px) and set the lists of
// those elected as running text; the press sets them in columns, two-character names padded.

describe('the portal’s text', () => {
  it('sets a list of names in columns, each name whole and two-character names padded', () => {
    const body = [
      '大会选举产生了新一届委员会。',
      '',
      '中国共产党示范市第十三届委员会委员名单\n（3名，按姓氏笔画为序）\n丁宁　王刚　张俊宁',
    ].join('\n');
    const out = paragraphs(body).value;
    expect(out).toContain('<p>大会选举产生了新一届委员会。</p>');
    expect(out).toContain(
      '<p class="lines">中国共产党示范市第十三届委员会委员名单<br>（3名，按姓氏笔画为序）</p>',
    );
    expect(out).toContain('<ul class="names"><li>丁　宁</li><li>王　刚</li><li>张俊宁</li></ul>');
    expect(out).not.toContain('丁宁　王刚');
  });

  it('takes only a line of names for a list, never prose', () => {
    expect(nameRow('丁宁　王刚　欧阳慧敏　马明（回族）')).toEqual([
      '丁宁',
      '王刚',
      '欧阳慧敏',
      '马明（回族）',
    ]);
    expect(nameRow('会议由丁宁主持。')).toBeNull();
    expect(nameRow('丁宁、王刚')).toBeNull();
    expect(nameRow('Ding Ning, Wang Gang')).toBeNull();
    expect(nameRow('丁宁')).toBeNull();
    expect(nameRowEn('Ding Ning, Wang Gang, Ouyang Huimin (female)')).toHaveLength(3);
    expect(nameRowEn('The congress closed, and Wang Gang spoke')).toBeNull();
  });

  it('keeps each name of an English list whole', () => {
    const out = paragraphs('Members (3)\nDing Ning, Wang Gang, Zhang Junning').value;
    expect(out).toContain(
      '<span class="name">Ding Ning</span>, <span class="name">Wang Gang</span>, <span class="name">Zhang Junning</span>',
    );
    expect(paragraphs('The congress closed on 28 November, and Wang Gang spoke.').value).not.toContain(
      'class="name"',
    );
  });

  it('escapes what it sets', () => {
    expect(paragraphs('<b>丁宁</b>　王刚').value).toContain('&lt;b&gt;');
  });
});

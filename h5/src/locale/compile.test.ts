import { createI18n } from 'vue-i18n';
import { describe, expect, it } from 'vitest';
import { compileMessage } from './compile';

const i18n = createI18n({
  legacy: false,
  locale: 'zh-Hans',
  messages: {
    'zh-Hans': {
      greeting: '你好，{name}',
      share: '{label} {value} / {total}（{pct}%）',
      list: '{0} 和 {1}',
      literal: "邮箱 {'{'}name{'}'} 保留",
      spaced: '赢率 { n }%',
      unclosed: '折扣 { 10',
      items: '没有 | 一项 | {n} 项',
    },
  },
  messageCompiler: compileMessage,
});
const { t } = i18n.global;

describe('compileMessage', () => {
  it('interpolates named and list placeholders and keeps other text as is', () => {
    expect(t('greeting', { name: '张三' })).toBe('你好，张三');
    expect(t('share', { label: '赢单', value: 3, total: 4, pct: 75 })).toBe('赢单 3 / 4（75%）');
    expect(t('list', ['甲', '乙'])).toBe('甲 和 乙');
    expect(t('spaced', { n: 30 })).toBe('赢率 30%');
    expect(t('unclosed')).toBe('折扣 { 10');
  });

  it('supports literals and plural branches', () => {
    expect(t('literal')).toBe('邮箱 {name} 保留');
    expect(t('items', 0)).toBe('没有');
    expect(t('items', 1)).toBe('一项');
    expect(t('items', { n: 5 }, 5)).toBe('5 项');
  });
});

import { describe, expect, it } from 'vitest';
import { emptyForm, validateCustomerForm } from './form';

const BAD_CAPITAL = 'bad capital';

describe('customer form', () => {
  it('asks for the name in Chinese, from the shared schema', () => {
    const r = validateCustomerForm(emptyForm(), 'create', BAD_CAPITAL);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.name).toBe('请填写客户名称');
  });
  it('checks the credit code, the contact mobile and the capital', () => {
    const r = validateCustomerForm(
      { ...emptyForm(), name: '杭州示例', creditCode: '91350100M000100Y44', contactName: '李四', contactMobile: '123', registeredCapital: '1.234' },
      'create',
      BAD_CAPITAL,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.creditCode).toContain('统一社会信用代码');
    expect(r.errors.contactMobile).toBeTruthy();
    expect(r.errors.registeredCapital).toBe(BAD_CAPITAL);
  });
  it('builds the create body: yuan → fen, tags split, first contact', () => {
    const r = validateCustomerForm(
      { ...emptyForm(), name: ' 杭州示例科技 ', grade: 'A', registeredCapital: '5,000,000', tags: '重点，华东', contactName: '李四', contactMobile: '13800138000' },
      'create',
      BAD_CAPITAL,
    );
    expect(r).toMatchObject({
      ok: true,
      body: { name: '杭州示例科技', grade: 'A', registeredCapital: 500000000, tags: ['重点', '华东'], contact: { name: '李四', mobile: '13800138000' } },
    });
  });
  it('clears emptied fields on edit with null', () => {
    const r = validateCustomerForm({ ...emptyForm(), name: '杭州示例科技' }, 'edit', BAD_CAPITAL);
    expect(r.ok && r.body).toMatchObject({ name: '杭州示例科技', industry: null, registeredCapital: null });
  });
});

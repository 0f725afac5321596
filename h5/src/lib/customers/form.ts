import { customerCreateBody, customerPatchBody, type CustomerCreateBody, type CustomerDetail, type CustomerPatchBody } from '@scrm/shared';
import { yuanToFen } from '@/utils/money';

/** The customer form as typed: text everywhere, capital in yuan, tags comma-separated. */
export interface CustomerForm {
  name: string;
  grade: string;
  industry: string;
  source: string;
  region: string;
  address: string;
  creditCode: string;
  legalRepresentative: string;
  registeredCapital: string;
  tags: string;
  remark: string;
  contactName: string;
  contactMobile: string;
  contactTitle: string;
}

export const emptyForm = (): CustomerForm => ({
  name: '',
  grade: '',
  industry: '',
  source: '',
  region: '',
  address: '',
  creditCode: '',
  legalRepresentative: '',
  registeredCapital: '',
  tags: '',
  remark: '',
  contactName: '',
  contactMobile: '',
  contactTitle: '',
});

/** A saved customer back into the form (for editing). */
export function formOf(c: CustomerDetail): CustomerForm {
  return {
    ...emptyForm(),
    name: c.name,
    grade: c.grade ?? '',
    industry: c.industry ?? '',
    source: c.source ?? '',
    region: c.region ?? '',
    address: c.address ?? '',
    creditCode: c.creditCode ?? '',
    legalRepresentative: c.legalRepresentative ?? '',
    registeredCapital: c.registeredCapital === null ? '' : (c.registeredCapital / 100).toFixed(2).replace(/\.00$/, ''),
    tags: c.tags.join(', '),
    remark: c.remark ?? '',
  };
}

/** Field → Chinese message; keys are form field names. */
export type FieldErrors = Partial<Record<keyof CustomerForm, string>>;

const FIELD_OF_PATH: Record<string, keyof CustomerForm> = {
  'contact.name': 'contactName',
  'contact.mobile': 'contactMobile',
  'contact.title': 'contactTitle',
};

const splitTags = (s: string) =>
  s
    .split(/[,，、;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Checks the form with the same zod schema the server uses (messages are the schema's Chinese
 * ones) and builds the request body. Edit mode sends null for cleared fields so they are erased.
 */
export function validateCustomerForm(
  form: CustomerForm,
  mode: 'create' | 'edit',
  capitalInvalid: string,
): { ok: true; body: CustomerCreateBody | CustomerPatchBody } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const blank = mode === 'edit' ? null : undefined;
  const text = (s: string) => (s.trim() === '' ? blank : s.trim());
  let capital: number | null | undefined = blank;
  if (form.registeredCapital.trim()) {
    const fen = yuanToFen(form.registeredCapital);
    if (fen === null) errors.registeredCapital = capitalInvalid;
    else capital = fen;
  }
  const raw: Record<string, unknown> = {
    name: form.name,
    grade: text(form.grade),
    industry: text(form.industry),
    source: text(form.source),
    region: text(form.region),
    address: text(form.address),
    creditCode: text(form.creditCode),
    legalRepresentative: text(form.legalRepresentative),
    registeredCapital: capital,
    tags: splitTags(form.tags),
    remark: text(form.remark),
  };
  if (mode === 'create' && (form.contactName.trim() || form.contactMobile.trim() || form.contactTitle.trim())) {
    raw.contact = { name: form.contactName, mobile: form.contactMobile.trim() || undefined, title: form.contactTitle.trim() || undefined };
  }
  const parsed = (mode === 'create' ? customerCreateBody : customerPatchBody).safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      const field = FIELD_OF_PATH[path] ?? (issue.path[0] as keyof CustomerForm);
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, body: parsed.success ? parsed.data : (raw as CustomerPatchBody) };
}

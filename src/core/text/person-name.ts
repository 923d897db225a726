/**
 * A person's name as stored: Chinese names lose any spaces (王　宁 is padded for print, the name
 * is 王宁) and their middle dot is unified (买买提·艾力 typed with . or ・); names in Latin letters
 * keep single spaces. Shared by the delegate import and the delegate form.
 */
export function normalisePersonName(text: string): string {
  const s = text.trim();
  if (/[A-Za-z]/.test(s)) return s.replace(/\s+/g, ' ');
  return s.replace(/\s+/g, '').replace(/[.．・•‧∙⋅]/g, '·');
}

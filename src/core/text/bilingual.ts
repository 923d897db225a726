// Every message a user may read is given in both languages; the interface picks one.
export interface Bilingual {
  zh: string;
  en: string;
}

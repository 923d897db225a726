// The shapes the API answers with for the console's publishing sections (documents, news, audit
// log, organisations), as far as the pages use them: services/news/news-items.ts and
// news-templates.ts, services/audit/audit-reader.ts, services/congress/organisations.ts, terms.ts
// and term-positions.ts. Kept by hand: the web app does not import server code.

export type NewsKind = 'opening' | 'closing' | 'first-plenary' | 'plenary-decision';
export type NewsCategory = 'news' | 'communique' | 'notice';
export type NewsStatus = 'draft' | 'published' | 'withdrawn';

export interface NewsImage {
  readonly url: string;
  readonly captionZh: string;
  readonly captionEn: string;
}

export interface NewsLink {
  readonly url: string;
  readonly titleZh: string;
  readonly titleEn: string;
}

export interface NewsItem {
  readonly id: string;
  readonly congressId: string | null;
  readonly kind: NewsKind | 'custom';
  readonly category: NewsCategory;
  readonly titleZh: string;
  readonly titleEn: string;
  readonly bodyZh: string;
  readonly bodyEn: string;
  readonly source: string;
  readonly status: NewsStatus;
  readonly publishedAt: string | null;
  readonly views: number;
  readonly images: readonly NewsImage[];
  readonly links: readonly NewsLink[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** GET …/news/preview: the text a draft of a kind would have now. */
export interface NewsPreview {
  readonly titleZh: string;
  readonly titleEn: string;
  readonly bodyZh: string;
  readonly bodyEn: string;
  readonly links: readonly NewsLink[];
}

export interface NewsTemplate {
  readonly kind: NewsKind;
  readonly lang: 'zh' | 'en';
  readonly title: string;
  readonly body: string;
  readonly isDefault: boolean;
  readonly updatedAt: string | null;
  readonly placeholders: ReadonlyArray<{ readonly path: string; readonly zh: string; readonly en: string }>;
}

export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly prevHash: string;
  readonly hash: string;
}

export interface AuditLabel {
  readonly name: string;
  readonly round?: number;
}

export interface AuditPage {
  readonly entries: readonly AuditEntry[];
  readonly total: number;
  readonly actions: readonly string[];
  readonly labels: Readonly<Record<string, AuditLabel>>;
  readonly head: AuditHead;
}

export type AuditVerdict =
  | { readonly ok: true; readonly entries: number; readonly head: AuditHead }
  | {
      readonly ok: false;
      readonly entries: number;
      readonly brokenAt: number;
      readonly reason: { readonly en: string; readonly zh: string };
      readonly head: AuditHead;
    };

export type OrganisationLevel = 'province' | 'city' | 'county' | 'grassroots';

export interface OrganisationView {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  readonly locality: string;
  readonly level: OrganisationLevel;
  readonly parentId: string | null;
}

export type TermBody = 'committee' | 'discipline-commission';

export interface TermView {
  readonly id: string;
  readonly organisationId: string;
  readonly body: TermBody;
  readonly number: number;
  readonly title: string;
  readonly name: string;
  readonly startedOn: string;
  readonly endedOn: string | null;
  readonly electedByCongressId: string | null;
}

export type Position = 'member' | 'alternate' | 'standing-member' | 'secretary' | 'deputy-secretary';

export interface PositionView {
  readonly id: string;
  readonly termId: string;
  readonly personName: string;
  readonly position: Position;
  readonly rank: number | null;
  readonly delegateId: string | null;
  readonly electionId: string | null;
  readonly reportingStatus: 'filed' | 'pending-approval' | 'approved' | null;
  readonly approvedAt: string | null;
  readonly approvalNote: string | null;
}

export interface TermWithPositions extends TermView {
  readonly positions: readonly PositionView[];
}

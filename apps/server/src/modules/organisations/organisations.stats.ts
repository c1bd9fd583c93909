import { ORG_KINDS, ORG_KIND_LABELS, type OrgKind } from '@shuren/core';
import type { DbOrTx } from '../../db/client.js';
import type { StatFigure } from '../manifest.js';
import { countByKind } from './organisations.repository.js';

/** Kinds DOMAIN.md reports on their own (81 街坊会, 72 自治小组, 284 社团, 4 红色业委会). */
const HEADLINE_KINDS: OrgKind[] = ['mutual_aid_association', 'self_governance_group', 'club', 'red_owners_committee'];

const listPath = (regionId: string, kind?: OrgKind) => `/api/v1/organisations?${kind ? `kind=${kind}&` : ''}regionId=${regionId}`;

/** Organisations in the region's subtree, counted live; dissolved ones do not count (nor do they list by default). */
export async function organisationStats(db: DbOrTx, region: { id: string; path: string }): Promise<StatFigure[]> {
  const counts = await countByKind(db, region.path);
  const n = (k: OrgKind) => counts.get(k) ?? 0;
  const total = ORG_KINDS.reduce((sum, k) => sum + n(k), 0);
  return [
    {
      key: 'organisations.by_kind',
      zh: '社会组织（按类型）',
      en: 'Organisations by kind',
      value: total,
      breakdown: ORG_KINDS.map((k) => ({ key: k, ...ORG_KIND_LABELS[k], value: n(k), listPath: listPath(region.id, k) })),
      listPath: listPath(region.id),
    },
    ...HEADLINE_KINDS.map((k) => ({ key: `organisations.${k}`, ...ORG_KIND_LABELS[k], value: n(k), listPath: listPath(region.id, k) })),
  ];
}

import { ORG_KIND_LABELS, type OrgKind } from '@shuren/core';
import type { XlsxColumn } from '../../shared/xlsx.js';
import type { OrgListRow } from './organisations.repository.js';

/** The organisations ledger (组织台账) as community offices file it: one row per organisation, no member data. */
export const orgExportColumns: XlsxColumn<OrgListRow>[] = [
  { header: '组织名称', width: 28, value: (o) => o.name },
  { header: '类型', width: 16, value: (o) => ORG_KIND_LABELS[o.kind as OrgKind]?.zh ?? o.kind },
  { header: '所属区域', width: 18, value: (o) => o.regionName },
  { header: '成立日期', value: (o) => o.foundedOn },
  { header: '现有成员数', value: (o) => Number(o.memberCount) },
  { header: '状态', value: (o) => (o.dissolvedOn ? '已解散' : '正常') },
  { header: '解散日期', value: (o) => o.dissolvedOn },
  { header: '解散原因', width: 24, value: (o) => o.dissolvedReason },
  { header: '简介', width: 40, value: (o) => o.description },
];

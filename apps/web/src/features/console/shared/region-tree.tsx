import { useEffect, useMemo, useState } from 'react';
import { Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { REGION_KIND_LABELS, type Region } from '@shuren/core';
import { api } from '../../../shared/api';
import { STAFF_ROLES, useMe } from '../../../shared/auth';
import { useI18n } from '../../../shared/i18n';
import { useRegionScope } from './scope';

interface Node extends TreeDataNode {
  key: string;
  region: Region;
  children?: Node[];
}

/** All children of a node (the API pages at most 200 at a time). */
async function fetchChildren(parentId: string): Promise<Region[]> {
  const out: Region[] = [];
  let cursor: string | undefined;
  do {
    const page = await api<{ items: Region[]; nextCursor: string | null }>('/regions', { query: { parentId, limit: 200, cursor } });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

function toNode(r: Region, lang: 'zh' | 'en'): Node {
  return {
    key: r.id,
    region: r,
    title: (
      <span>
        {r.name} <Typography.Text type="secondary" style={{ fontSize: 11 }}>{REGION_KIND_LABELS[r.kind as keyof typeof REGION_KIND_LABELS]?.[lang] ?? r.kind}</Typography.Text>
      </span>
    ),
    isLeaf: r.childCount === 0 || r.level === 'grid3',
  };
}

function replaceChildren(list: Node[], key: string, children: Node[]): Node[] {
  return list.map((n) => (n.key === key ? { ...n, children } : n.children ? { ...n, children: replaceChildren(n.children, key, children) } : n));
}

/**
 * Region navigator: the roots are the nodes the caller works over (their desk assignments), children
 * load lazily from `GET /regions?parentId=`. Selecting a node puts it into the URL (`?region=`).
 */
export function RegionTree() {
  const { lang, t } = useI18n();
  const me = useMe();
  const [region, setRegion] = useRegionScope();
  const rootIds = useMemo(() => {
    const staff = (me.data?.assignments ?? []).filter((a) => STAFF_ROLES.includes(a.role));
    // Nested assignments collapse into their ancestor.
    const sorted = [...staff].sort((a, b) => a.regionPath.length - b.regionPath.length);
    const roots: typeof staff = [];
    for (const a of sorted) if (!roots.some((r) => a.regionPath.startsWith(r.regionPath))) roots.push(a);
    return roots.map((r) => r.regionId);
  }, [me.data]);
  const roots = useQueries({ queries: rootIds.map((id) => ({ queryKey: ['region', id], queryFn: () => api<Region>(`/regions/${id}`) })) });
  const [tree, setTree] = useState<Node[]>([]);
  const [expanded, setExpanded] = useState<string[]>([]);
  const rootsReady = roots.every((q) => q.data);
  const rootKey = roots.map((q) => q.data?.id ?? '').join(',');

  useEffect(() => {
    if (!rootsReady) return;
    setTree(roots.map((q) => toNode(q.data!, lang)));
    setExpanded(roots.map((q) => q.data!.id));
    // Open the first level so the tree is useful at once.
    for (const q of roots) {
      void fetchChildren(q.data!.id).then((kids) => setTree((prev) => replaceChildren(prev, q.data!.id, kids.map((k) => toNode(k, lang)))));
    }
  }, [rootKey, rootsReady, lang]);

  async function onLoadData(node: { key: React.Key; children?: unknown[] }) {
    if (node.children) return;
    const kids = await fetchChildren(String(node.key));
    setTree((prev) => replaceChildren(prev, String(node.key), kids.map((k) => toNode(k, lang))));
  }

  return (
    <nav aria-label={t('区域导航', 'Region navigator')} data-testid="region-tree">
      <Typography.Text type="secondary" style={{ display: 'block', padding: '8px 12px 4px', fontSize: 12 }}>
        {t('区域范围', 'Region scope')}
        {region && (
          <a style={{ float: 'right' }} onClick={() => setRegion(undefined)}>
            {t('全部', 'All')}
          </a>
        )}
      </Typography.Text>
      <Tree<Node>
        blockNode
        treeData={tree}
        loadData={onLoadData}
        expandedKeys={expanded}
        onExpand={(keys) => setExpanded(keys as string[])}
        selectedKeys={region ? [region] : []}
        onSelect={(keys) => setRegion((keys[0] as string | undefined) ?? undefined)}
        style={{ padding: '0 4px 12px', background: 'transparent' }}
      />
    </nav>
  );
}

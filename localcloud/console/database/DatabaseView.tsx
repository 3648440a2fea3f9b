/** The database: collections on the left, the open collection's documents on the right. */
import { Empty } from '../components/States';
import { useOverview } from '../overviewStore';
import { CollectionList } from './CollectionList';
import { CollectionPanel } from './CollectionPanel';

export function DatabaseView({ collection }: { collection: string | null }) {
  const exists = useOverview((s) => (collection ? (s.overview?.collections.some((c) => c.name === collection) ?? true) : false));
  return (
    <div className="lc-db">
      <CollectionList open={collection} />
      <div className="lc-db__main">
        {collection && exists ? (
          <CollectionPanel key={collection} name={collection} />
        ) : (
          <Empty icon="database" title={collection ? `没有集合 ${collection}` : '选择一个集合'}>
            在左侧选择集合，浏览、查询、编辑文档，或导入导出（云开发控制台的 JSON Lines 格式）。
            <br />
            Pick a collection to browse, query, edit, import or export its documents.
          </Empty>
        )}
      </div>
    </div>
  );
}

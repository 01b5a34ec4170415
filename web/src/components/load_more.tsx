import { useTranslation } from 'react-i18next';

interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

/** Cursor pagination: lists answer `next`, and this button asks for the page after it. */
export function LoadMore({ hasMore, loading, onLoadMore }: LoadMoreProps) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <div className="load-more">
      <button type="button" className="btn btn-secondary" onClick={onLoadMore} disabled={loading}>
        {loading ? t('common.loading') : t('common.load_more')}
      </button>
    </div>
  );
}

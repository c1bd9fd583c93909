import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../shared/i18n';
import { ErrorBlock, LoadingBlock, Screen } from '../../resident/ui';
import { useCategories, type AppealCategory } from '../appeals-api';
import { categoryIcon } from '../appeal-labels';
import { useDraft } from './report-state';

/**
 * Screen 1 of 3: what is it about? Big pictures, one tap. A category with sub-categories (安全隐患) opens
 * them on the same screen, with "other …" for the parent itself.
 */
export function CategoryScreen() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const parentCode = params.get('parent');
  const categories = useCategories();
  const { draft, update } = useDraft();
  const all = categories.data ?? [];
  const parent = parentCode ? all.find((c) => c.code === parentCode) : undefined;
  const children = (code: string) => all.filter((c) => c.parentCode === code);
  const shown: { category: AppealCategory; label: string; hasChildren: boolean }[] = parent
    ? [...children(parent.code).map((c) => ({ category: c, label: t(c.name), hasChildren: false })), { category: parent, label: t(`其他${parent.name.zh}`, `Other ${parent.name.en.toLowerCase()}`), hasChildren: false }]
    : all.filter((c) => !c.parentCode).map((c) => ({ category: c, label: t(c.name), hasChildren: children(c.code).length > 0 }));

  const choose = (c: AppealCategory, hasChildren: boolean) => {
    if (hasChildren) {
      setParams({ parent: c.code });
      return;
    }
    // A different category asks different questions: answers to the old ones are dropped.
    update({ category: c, answers: draft.category?.code === c.code ? draft.answers : {} });
    navigate('/r/appeals/new/describe');
  };

  return (
    <Screen title={t('我要反映', 'Report a problem')} back={parent ? '/r/appeals/new' : '/r'} testId="ra-category">
      <p className="r-lead">
        <span className="ra-step">{t('第 1 步，共 3 步', 'Step 1 of 3')}</span>
        {parent ? t(`${parent.name.zh}：具体是哪一种？`, `${parent.name.en}: which kind?`) : t('您要反映哪一类事情？', 'What is it about?')}
      </p>
      {categories.isPending && <LoadingBlock />}
      {categories.isError && <ErrorBlock error={categories.error} retry={() => categories.refetch()} />}
      <ul className="r-tiles">
        {shown.map(({ category, label, hasChildren }) => (
          <li key={`${category.code}${category.code === parentCode ? '-self' : ''}`}>
            <button type="button" className="r-tile ra-tile" onClick={() => choose(category, hasChildren)} data-testid={`category-${category.code}`}>
              <span className="r-tile-icon" aria-hidden="true">
                {categoryIcon(category.code)}
              </span>
              <span className="r-tile-title">{label}</span>
              {hasChildren && <span className="r-tile-sub">{children(category.code).map((c) => t(c.name)).join(' · ')}</span>}
            </button>
          </li>
        ))}
      </ul>
      {!parent && (
        <Link className="r-btn r-secondary" to="/r/appeals" style={{ marginTop: 20 }} data-testid="ra-mine-link">
          <span aria-hidden="true">📋</span> {t('我的反映 · 查办理进度', 'My reports · progress')}
        </Link>
      )}
    </Screen>
  );
}

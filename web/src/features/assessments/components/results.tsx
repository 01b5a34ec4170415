import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/badge';
import type { Assessment } from '../api/assessments';
import type { Template } from '../api/templates';
import { AreaBars } from './charts';
import { itemCode } from './labels';
import { entryOf, formatScore, sheetFrom } from './sheet';

/** Area and overall scores, as a table and as bars, with the critical gaps listed below. */
export function Results({ assessment, template }: { assessment: Assessment; template: Template }) {
  const { t, i18n } = useTranslation();
  const result = assessment.result;
  const items = new Map(
    template.areas.flatMap((area) =>
      area.items.map((item) => [`${area.key}.${item.key}`, { area, item }] as const),
    ),
  );
  return (
    <div className="results">
      <dl className="case-facts score-facts">
        <div>
          <dt>{t('assessments.sheet.overall')}</dt>
          <dd className="big-score" data-testid="overall-result">
            {formatScore(result.overall.score, i18n.language)}
          </dd>
        </div>
        <div>
          <dt>{t('assessments.results.scored')}</dt>
          <dd>{result.overall.scored}</dd>
        </div>
        <div>
          <dt>{t('assessments.results.na')}</dt>
          <dd>{result.overall.na}</dd>
        </div>
        <div>
          <dt>{t('assessments.results.unscored')}</dt>
          <dd>{result.overall.unscored}</dd>
        </div>
        <div>
          <dt>{t('assessments.results.critical_gaps')}</dt>
          <dd>
            <Badge tone={result.critical_gaps.length > 0 ? 'bad' : 'good'}>
              {result.critical_gaps.length}
            </Badge>
          </dd>
        </div>
      </dl>
      <AreaBars
        title={t('assessments.results.chart_title')}
        bars={result.areas.map((area) => ({ key: area.key, label: area.title, value: area.score }))}
      />
      <div className="table-wrap">
        <table className="table table-compact table-wrap-text">
          <caption className="visually-hidden">{t('assessments.results.areas_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assessments.results.area')}</th>
              <th scope="col" className="numeric">
                {t('assessments.results.score')}
              </th>
              <th scope="col" className="numeric">
                {t('assessments.results.scored')}
              </th>
              <th scope="col" className="numeric">
                {t('assessments.results.na')}
              </th>
              <th scope="col" className="numeric">
                {t('assessments.results.critical_gaps')}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.areas.map((area) => (
              <tr key={area.key} className={area.critical_gaps > 0 ? 'row-gap' : undefined}>
                <th scope="row" className="row-header" dir="auto">
                  {area.title}
                </th>
                <td className="numeric">{formatScore(area.score, i18n.language)}</td>
                <td className="numeric">{area.scored}</td>
                <td className="numeric">{area.na}</td>
                <td className="numeric">
                  {area.critical_gaps > 0 ? (
                    <Badge tone="bad">{area.critical_gaps}</Badge>
                  ) : (
                    area.critical_gaps
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="section-title">{t('assessments.results.critical_gaps')}</h3>
      {result.critical_gaps.length === 0 ? (
        <p className="muted">{t('assessments.results.no_gaps')}</p>
      ) : (
        <ul className="gap-list">
          {result.critical_gaps.map((gap) => {
            const found = items.get(`${gap.area}.${gap.item}`);
            return (
              <li key={`${gap.area}.${gap.item}`} className="gap">
                <Badge tone="bad">{t('assessments.sheet.score_n', { score: gap.score })}</Badge>{' '}
                <strong>
                  {found?.area.title ?? gap.area} · <span dir="ltr">{itemCode(gap.item)}</span>
                </strong>{' '}
                <span dir="auto">{found?.item.statement}</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** Every item with its score, the level it stands for, and the evidence: the sheet, read-only. */
export function ItemsReadOnly({
  assessment,
  template,
}: {
  assessment: Assessment;
  template: Template;
}) {
  const { t } = useTranslation();
  const sheet = sheetFrom(assessment, template);
  return (
    <div className="items-readonly">
      {template.areas.map((area) => (
        <section key={area.key} className="readonly-area" aria-labelledby={`ro-${area.key}`}>
          <h3 id={`ro-${area.key}`} className="section-title" dir="auto">
            {area.title}
          </h3>
          <div className="table-wrap">
            <table className="table table-compact table-wrap-text">
              <caption className="visually-hidden">{area.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('assessments.results.item')}</th>
                  <th scope="col">{t('assessments.results.score')}</th>
                  <th scope="col">{t('assessments.sheet.evidence')}</th>
                </tr>
              </thead>
              <tbody>
                {area.items.map((item) => {
                  const entry = entryOf(sheet, area.key, item.key);
                  const gap = item.critical && entry.score !== null && entry.score <= 1;
                  return (
                    <tr key={item.key} className={gap ? 'row-gap' : undefined}>
                      <th scope="row" className="row-header">
                        <span dir="ltr">{itemCode(item.key)}</span>{' '}
                        <span dir="auto">{item.statement}</span>
                        {item.critical ? (
                          <>
                            {' '}
                            <Badge tone={gap ? 'bad' : 'warn'}>
                              {gap
                                ? t('assessments.sheet.critical_gap')
                                : t('assessments.sheet.critical')}
                            </Badge>
                          </>
                        ) : null}
                      </th>
                      <td>
                        {entry.na ? (
                          t('assessments.sheet.not_applicable')
                        ) : entry.score === null ? (
                          <span className="muted">{t('assessments.results.not_scored')}</span>
                        ) : (
                          <>
                            <strong>{entry.score}</strong>{' '}
                            <span className="muted" dir="auto">
                              {item.levels[entry.score]}
                            </span>
                          </>
                        )}
                      </td>
                      <td className="prewrap" dir="auto">
                        {entry.evidence}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}

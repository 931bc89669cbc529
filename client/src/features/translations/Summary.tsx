import type { TranslationSummary } from '@omnibus/shared';
import { formatNumber, useT } from '../../i18n';
import { languageName } from './names';

/** current / outdated / missing per language: the secretariat's dashboard of the translation work. */
export function SummaryTable({ summary }: { summary: TranslationSummary }) {
  const t = useT('translations');
  if (summary.languages.length === 0) return <p className="muted">{t('summary.none')}</p>;
  // Focusable: on a phone the table may scroll sideways inside it, and keyboard users must reach that.
  return (
    <section className="translation-summary" aria-labelledby="translation-summary-title" tabIndex={0}>
      <h3 id="translation-summary-title">{t('summary.title')}</h3>
      <p className="muted">
        {t('summary.units', { paragraphs: formatNumber(summary.units.paragraphs), amendments: formatNumber(summary.units.amendments), original: languageName(summary.original) })}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('summary.language')}</th>
            <th scope="col">{t('summary.current')}</th>
            <th scope="col">{t('summary.outdated')}</th>
            <th scope="col">{t('summary.missing')}</th>
            <th scope="col">{t('summary.total')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.languages.map((l) => (
            <tr key={l.lang} data-summary-lang={l.lang}>
              <th scope="row">{languageName(l.lang)}</th>
              <td data-count="current">{formatNumber(l.current)}</td>
              <td data-count="outdated">{formatNumber(l.outdated)}</td>
              <td data-count="missing">{formatNumber(l.missing)}</td>
              <td>{formatNumber(l.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

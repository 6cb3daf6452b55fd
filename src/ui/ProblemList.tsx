// a list of import problems precise enough to fix the file by hand: feature, name, rule and message.
import { useTranslation } from 'react-i18next';
import type { ReportedProblem } from '../store/appState.ts';
import './residentPanelsEnglish.ts';

export function ProblemList({ problems }: { problems: readonly ReportedProblem[] }) {
  const { t } = useTranslation();
  return (
    <ul className="problem-list">
      {problems.map((p, i) => (
        <li key={`${p.path}-${p.rule}-${i}`}>
          {p.feature !== undefined ? (
            <strong>
              {p.featureName !== undefined
                ? t('problems.featureNamed', { index: p.feature, name: p.featureName })
                : t('problems.feature', { index: p.feature })}
            </strong>
          ) : null}{' '}
          <code>{p.rule}</code>: {p.message}
          {p.feature === undefined && p.path && p.path !== '(root)' ? <span className="problem-path"> ({p.path})</span> : null}
        </li>
      ))}
    </ul>
  );
}

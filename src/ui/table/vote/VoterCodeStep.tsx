// the first screen for each voter: the code from their slip, typed on the table's own keyboard (it opens on a touch).
import { useTranslation } from 'react-i18next';

interface VoterCodeStepProps {
  code: string;
  onCode(code: string): void;
  /** false: voting is not open, so there is nothing to vote on yet */
  open: boolean;
  /** why the server refused this code, in the reader's language */
  refusal: string | null;
  onContinue(): void;
}

export const VOTER_CODE_FIELD = 'table-voter-code';

export function VoterCodeStep({ code, onCode, open, refusal, onContinue }: VoterCodeStepProps) {
  const { t } = useTranslation();
  const ready = open && code.trim().length > 0;
  return (
    <form
      className="table-vote-code"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) onContinue();
      }}
    >
      <h2>{t('tableVote.welcome')}</h2>
      <p>{t('tableVote.codeIntro')}</p>
      {open ? null : <p role="alert">{t('tableVote.notOpen')}</p>}
      <label htmlFor={VOTER_CODE_FIELD} className="table-vote-code-label">
        {t('tableVote.codeLabel')}
      </label>
      <span id={`${VOTER_CODE_FIELD}-hint`} className="table-vote-hint">{t('tableVote.codeHint')}</span>
      {/* the code is Latin letters and digits in every language: the keyboard for it is Latin, and it reads left to right */}
      <span className="table-vote-code-row">
        <input
          id={VOTER_CODE_FIELD}
          className="table-vote-code-field"
          type="text"
          dir="ltr"
          value={code}
          onChange={(event) => onCode(event.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          data-keyboard-kind="code"
          aria-describedby={`${VOTER_CODE_FIELD}-hint${refusal ? ` ${VOTER_CODE_FIELD}-refusal` : ''}`}
          aria-invalid={refusal ? true : undefined}
        />
        {/* a finger cannot select text well: one touch empties the box for typing the code again */}
        <button
          type="button"
          className="table-button"
          disabled={code === ''}
          // the keyboard types into the field by id: the field keeps the focus and the keyboard stays open
          onPointerDown={(event) => event.preventDefault()}
          onClick={() => onCode('')}
        >
          {t('tableVote.clear')}
        </button>
      </span>
      <p id={`${VOTER_CODE_FIELD}-refusal`} role="alert" className="table-vote-refusal" data-testid="table-vote-code-refusal">
        {refusal ?? ''}
      </p>
      <button type="submit" className="table-button table-button--primary table-vote-go" disabled={!ready}>
        {t('tableVote.showBallot')}
      </button>
    </form>
  );
}

import { useState } from 'preact/hooks';
import { useI18n } from '../i18n.js';
import { sendFeedback } from '../lib/assistant-api.js';

interface Props {
  answerId?: string;
  language?: string;
  procedureIds: string[];
  /** No confident answer: talking to an agent becomes the main action. */
  refused?: boolean;
  onEscalate: () => void;
}

export function FeedbackBar({ answerId, language, procedureIds, refused, onEscalate }: Props) {
  const { t } = useI18n();
  const [rating, setRating] = useState<'up' | 'down' | null>(null);
  const [state, setState] = useState<'idle' | 'sent' | 'error'>('idle');
  const [comment, setComment] = useState('');
  const submit = async (chosen: 'up' | 'down', text?: string) => {
    try {
      await sendFeedback({ answerId, language, procedureIds, rating: chosen, comment: text || undefined });
      setState('sent');
    } catch {
      setState('error');
    }
  };
  const choose = (chosen: 'up' | 'down') => {
    setRating(chosen);
    if (chosen === 'up') void submit('up');
  };
  const commentId = `fb-${answerId ?? 'answer'}`;
  return (
    <div class="feedback">
      {state === 'sent' ? (
        <p role="status">{t('feedback.thanks')}</p>
      ) : (
        <fieldset>
          <legend>{t('feedback.question')}</legend>
          <button type="button" aria-pressed={rating === 'up'} onClick={() => choose('up')}>
            <span aria-hidden="true">👍 </span>
            {t('feedback.up')}
          </button>
          <button type="button" aria-pressed={rating === 'down'} onClick={() => choose('down')}>
            <span aria-hidden="true">👎 </span>
            {t('feedback.down')}
          </button>
          {rating === 'down' && (
            <form
              class="feedback-comment"
              onSubmit={(e) => {
                e.preventDefault();
                void submit('down', comment.trim());
              }}
            >
              <label for={commentId}>{t('feedback.commentLabel')}</label>
              <textarea
                id={commentId}
                dir="auto"
                rows={2}
                maxLength={2000}
                value={comment}
                onInput={(e) => setComment(e.currentTarget.value)}
              />
              <button type="submit">{t('feedback.submit')}</button>
            </form>
          )}
          {state === 'error' && <p role="alert">{t('feedback.error')}</p>}
        </fieldset>
      )}
      <button type="button" class={refused ? 'escalate primary' : 'escalate'} onClick={onEscalate}>
        {t('escalate.button')}
      </button>
    </div>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n.js';
import { type ChatTurn, requestAgent } from '../lib/assistant-api.js';

interface Props {
  id: string;
  messages: ChatTurn[];
  answerId?: string;
  language?: string;
  procedureIds: string[];
  onClose: () => void;
}

/** "Talk to an agent": opens a ticket with the conversation; contact details are optional. */
export function EscalationForm({ id: formId, messages, answerId, language, procedureIds, onClose }: Props) {
  const { t } = useI18n();
  const [contact, setContact] = useState('');
  const [state, setState] = useState<
    { kind: 'idle' | 'sending' | 'error' } | { kind: 'done'; ticket: string }
  >({
    kind: 'idle',
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const id = `esc-${formId}`;
  return (
    <section class="escalation" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} tabIndex={-1} ref={heading}>
        {t('escalate.title')}
      </h3>
      {state.kind === 'done' ? (
        <p role="status">
          {t('escalate.done')} <bdi dir="ltr">{state.ticket}</bdi>
        </p>
      ) : (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            setState({ kind: 'sending' });
            try {
              const { ticketId } = await requestAgent({
                messages,
                contact: contact.trim() || undefined,
                answerId,
                language,
                procedureIds,
              });
              setState({ kind: 'done', ticket: ticketId ?? '—' });
            } catch {
              setState({ kind: 'error' });
            }
          }}
        >
          <label for={`${id}-contact`}>{t('escalate.contactLabel')}</label>
          <input
            id={`${id}-contact`}
            dir="auto"
            autoComplete="tel email"
            maxLength={200}
            aria-describedby={`${id}-hint`}
            value={contact}
            onInput={(e) => setContact(e.currentTarget.value)}
          />
          <p id={`${id}-hint`} class="hint">
            {t('escalate.contactHint')}
          </p>
          <div class="actions">
            <button type="submit" disabled={state.kind === 'sending'}>
              {t('escalate.submit')}
            </button>
            <button type="button" class="secondary" onClick={onClose}>
              {t('escalate.cancel')}
            </button>
          </div>
          {state.kind === 'error' && <p role="alert">{t('escalate.error')}</p>}
        </form>
      )}
    </section>
  );
}

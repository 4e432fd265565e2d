import { useEffect, useRef, useState } from 'preact/hooks';
import { htmlLangForAnswer, localeForAnswer } from '../../i18n/answer-lang.js';
import { useI18n } from '../i18n.js';
import { createSentenceAnnouncer } from '../lib/announcer.js';
import { askAssistant, type ChatTurn, type CitationView, fetchProcedureCards } from '../lib/assistant-api.js';
import { AnswerBody } from './bidi-text.js';
import { CitationCard } from './citation-card.js';
import { EscalationForm } from './escalation-form.js';
import { FeedbackBar } from './feedback-bar.js';

interface Exchange {
  id: number;
  question: string;
  answer: string;
  citations: CitationView[];
  status: 'streaming' | 'done' | 'error';
  answerId?: string;
  language?: string;
  refused?: boolean;
  escalating?: boolean;
}

const MAX_QUESTION = 2000;

const procedureIdsOf = (x: Exchange) => x.citations.map((c) => c.procedureId).filter((p): p is string => !!p);

/** The conversation up to and including one exchange, for an agent to read. */
function transcriptUpTo(exchanges: Exchange[], id: number): ChatTurn[] {
  const end = exchanges.findIndex((x) => x.id === id);
  return exchanges
    .slice(0, end + 1)
    .flatMap((x) => [
      { role: 'user' as const, content: x.question },
      ...(x.answer ? [{ role: 'assistant' as const, content: x.answer }] : []),
    ]);
}

export function Chat() {
  const { t, locale } = useI18n();
  const [exchanges, setExchanges] = useState<Exchange[]>([]);
  // A procedure page links here with ?ask=<title> so the question is ready to send.
  const [draft, setDraft] = useState(
    () => new URLSearchParams(location.search).get('ask')?.slice(0, MAX_QUESTION) ?? '',
  );
  const [announcement, setAnnouncement] = useState('');
  const abort = useRef<AbortController | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const busy = exchanges.some((x) => x.status === 'streaming');

  useEffect(() => () => abort.current?.abort(), []);

  const update = (id: number, patch: (x: Exchange) => Partial<Exchange>) =>
    setExchanges((list) => list.map((x) => (x.id === id ? { ...x, ...patch(x) } : x)));

  const ask = async (question: string) => {
    const text = question.trim().slice(0, MAX_QUESTION);
    if (!text || busy) return;
    const id = Date.now();
    const history = exchanges
      .filter((x) => x.status === 'done')
      .slice(-4)
      .flatMap((x) => [
        { role: 'user' as const, content: x.question },
        { role: 'assistant' as const, content: x.answer },
      ]);
    setExchanges((list) => [...list, { id, question: text, answer: '', citations: [], status: 'streaming' }]);
    setDraft('');
    setAnnouncement(t('chat.thinking'));
    const controller = new AbortController();
    abort.current = controller;
    let answer = '';
    let language: string | undefined;
    let cards: Promise<CitationView[]> = Promise.resolve([]);
    const announcer = createSentenceAnnouncer(setAnnouncement);
    try {
      for await (const event of askAssistant([...history, { role: 'user', content: text }], {
        signal: controller.signal,
      })) {
        if (event.type === 'delta') {
          answer += event.text;
          const snapshot = answer;
          update(id, () => ({ answer: snapshot }));
          announcer.update(snapshot);
        } else if (event.type === 'citations') {
          update(id, () => ({ citations: event.citations }));
          cards = fetchProcedureCards(
            event.citations.map((c) => c.procedureId).filter((p): p is string => !!p),
            localeForAnswer(language, locale),
          ).catch(() => []);
        } else if (event.type === 'meta') {
          language = event.language ?? language;
          update(id, (x) => ({
            answerId: event.answerId ?? x.answerId,
            language: event.language ?? x.language,
            refused: event.refused ?? x.refused,
          }));
        } else if (event.type === 'error') {
          throw new Error(event.message);
        }
      }
      announcer.finish(answer);
      // Enrich the cards with the procedure's documents, fee, delay and office once they arrive.
      const details = await cards;
      update(id, (x) => ({
        status: 'done',
        citations: x.citations.map((c) => ({
          ...c,
          ...details.find((d) => d.procedureId === c.procedureId),
          n: c.n,
        })),
      }));
      setAnnouncement((current) => `${current} ${t('chat.answerComplete')}`);
    } catch {
      if (controller.signal.aborted) {
        update(id, () => ({ status: 'done' }));
      } else {
        update(id, () => ({ status: 'error' }));
        setAnnouncement(t('chat.error'));
      }
    } finally {
      abort.current = null;
    }
  };

  const examples = [t('chat.example1'), t('chat.example2'), t('chat.example3')];

  return (
    <section class="chat" aria-labelledby="page-title">
      {exchanges.length === 0 && (
        <div class="intro">
          <p>{t('chat.intro')}</p>
          <p class="examples-title" id="examples-title">
            {t('chat.examples')}
          </p>
          <ul class="examples" aria-labelledby="examples-title">
            {examples.map((example) => (
              <li key={example}>
                <button type="button" dir="auto" onClick={() => void ask(example)}>
                  {example}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ol class="exchanges" aria-busy={busy}>
        {exchanges.map((x) => (
          <li key={x.id} class="exchange">
            <div class="question">
              <span class="visually-hidden">{t('chat.you')}: </span>
              <p dir="auto">{x.question}</p>
            </div>
            <div class="answer" lang={htmlLangForAnswer(x.language)} aria-busy={x.status === 'streaming'}>
              <span class="visually-hidden">{t('chat.assistant')}: </span>
              {x.answer === '' && x.status === 'streaming' && <p class="pending">{t('chat.thinking')}</p>}
              <AnswerBody text={x.answer} citePrefix={`cite-${x.id}`} />
              {x.status === 'error' && (
                <p class="error" role="alert">
                  {t('chat.error')}
                </p>
              )}
              {x.citations.length > 0 && (
                <section class="citations" aria-label={t('chat.sources')}>
                  {x.citations.map((c) => (
                    <CitationCard
                      key={`${c.procedureId}-${c.title}`}
                      citation={c}
                      anchor={c.n ? `cite-${x.id}-${c.n}` : undefined}
                    />
                  ))}
                </section>
              )}
              {x.status !== 'streaming' && (
                <FeedbackBar
                  answerId={x.answerId}
                  language={x.language}
                  procedureIds={procedureIdsOf(x)}
                  refused={x.refused}
                  onEscalate={() => update(x.id, () => ({ escalating: true }))}
                />
              )}
              {x.escalating && (
                <EscalationForm
                  id={String(x.id)}
                  messages={transcriptUpTo(exchanges, x.id)}
                  answerId={x.answerId}
                  language={x.language}
                  procedureIds={procedureIdsOf(x)}
                  onClose={() => {
                    update(x.id, () => ({ escalating: false }));
                    input.current?.focus();
                  }}
                />
              )}
            </div>
          </li>
        ))}
      </ol>
      <div class="visually-hidden" aria-live="polite" aria-atomic="true" role="status">
        {announcement}
      </div>
      <form
        class="composer"
        onSubmit={(e) => {
          e.preventDefault();
          void ask(draft);
        }}
      >
        <label for="question">{t('chat.inputLabel')}</label>
        <div class="composer-row">
          <textarea
            id="question"
            ref={input}
            dir="auto"
            rows={1}
            maxLength={MAX_QUESTION}
            placeholder={t('chat.placeholder')}
            aria-describedby="composer-privacy"
            value={draft}
            onInput={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
                e.preventDefault();
                void ask(draft);
              }
            }}
          />
          {busy ? (
            <button type="button" onClick={() => abort.current?.abort()}>
              {t('chat.stop')}
            </button>
          ) : (
            <button type="submit" disabled={draft.trim() === ''}>
              {t('chat.send')}
            </button>
          )}
        </div>
        <p id="composer-privacy" class="hint">
          {t('chat.privacyHint')} <a href="#privacy">{t('privacy.title')}</a>
        </p>
      </form>
    </section>
  );
}

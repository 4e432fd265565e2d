import { useI18n } from '../i18n.js';
import type { CitationView } from '../lib/assistant-api.js';
import { BidiText } from './bidi-text.js';

export function CitationCard({ citation, anchor }: { citation: CitationView; anchor?: string }) {
  const { t } = useI18n();
  const headingId = `cite-${citation.procedureId ?? citation.title.length}-${Math.abs(hash(citation.title))}`;
  return (
    <article
      id={anchor}
      class="citation"
      aria-labelledby={headingId}
      lang={citation.lang}
      dir="auto"
      tabIndex={-1}
    >
      <h3 id={headingId} dir="auto">
        {citation.procedureId ? (
          <a href={`/procedures/${encodeURIComponent(citation.procedureId)}`}>
            {citation.n ? <span class="cite-n">[{citation.n}] </span> : null}
            {citation.title}
          </a>
        ) : (
          citation.title
        )}
      </h3>
      <dl>
        {citation.documents.length > 0 && (
          <div>
            <dt>{t('citation.documents')}</dt>
            <dd>
              <ul>
                {citation.documents.map((doc) => (
                  <li key={doc} dir="auto">
                    <BidiText text={doc} />
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        {citation.fee && (
          <div>
            <dt>{t('citation.fee')}</dt>
            <dd dir="auto">
              <BidiText text={citation.fee} />
            </dd>
          </div>
        )}
        {citation.delay && (
          <div>
            <dt>{t('citation.delay')}</dt>
            <dd dir="auto">
              <BidiText text={citation.delay} />
            </dd>
          </div>
        )}
        {citation.office && (
          <div>
            <dt>{t('citation.office')}</dt>
            <dd dir="auto">
              <BidiText text={citation.office} />
            </dd>
          </div>
        )}
      </dl>
      {citation.sourceUrl && (
        <p class="citation-source">
          <a href={citation.sourceUrl} rel="noopener noreferrer" target="_blank">
            {t('citation.source')}
          </a>{' '}
          <bdi dir="ltr" class="url">
            {hostOf(citation.sourceUrl)}
          </bdi>
        </p>
      )}
    </article>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h;
}

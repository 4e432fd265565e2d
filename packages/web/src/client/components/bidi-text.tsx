import { bidiSegments, firstStrongDirection } from '../../i18n/bidi.js';

/**
 * Renders one paragraph with its own base direction (dir="auto" semantics computed here so that the
 * isolation of opposite-direction runs agrees with it) and URLs as links.
 */
export function BidiText({ text, citePrefix }: { text: string; citePrefix?: string }) {
  const dir = firstStrongDirection(text);
  if (citePrefix && CITE_MARKER.test(text)) {
    // Citation markers ([1], [2]…) link to their card; the text between them is rendered as usual.
    const parts = text.split(/(\[\d{1,2}\])/);
    return (
      <>
        {parts.map((part, i) => {
          const marker = /^\[(\d{1,2})\]$/.exec(part);
          return marker ? (
            <bdi key={i} dir="ltr">
              <a class="cite-ref" href={`#${citePrefix}-${marker[1]}`}>
                {part}
              </a>
            </bdi>
          ) : (
            <Segments key={i} text={part} dir={dir} />
          );
        })}
      </>
    );
  }
  return <Segments text={text} dir={dir} />;
}

const CITE_MARKER = /\[\d{1,2}\]/;

function Segments({ text, dir }: { text: string; dir: 'rtl' | 'ltr' | undefined }) {
  return (
    <>
      {bidiSegments(text, dir).map((segment, i) => {
        const key = `${i}:${segment.text.length}`;
        if (segment.kind === 'url') {
          return (
            <bdi key={key} dir="ltr">
              <a href={segment.text} rel="noopener noreferrer" target="_blank">
                {segment.text}
              </a>
            </bdi>
          );
        }
        if (segment.kind === 'isolate') {
          return (
            <bdi key={key} dir={segment.dir}>
              {segment.text}
            </bdi>
          );
        }
        return segment.text;
      })}
    </>
  );
}

const BULLET = /^\s*(?:[-*•]|\d{1,2}[.)])\s+/;

/**
 * An explicit direction for a block of streamed text. `dir="auto"` on an element whose text arrives
 * after it is created leaves Chromium laying it out (list markers included) with the stale direction.
 */
const blockDir = (text: string) => firstStrongDirection(text) ?? 'auto';

/** Splits an answer into paragraphs and lists (the assistant writes light Markdown). */
export function AnswerBody({ text, citePrefix }: { text: string; citePrefix?: string }) {
  const blocks: { kind: 'p' | 'ul'; lines: string[] }[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\*\*/g, '').trimEnd();
    if (line.trim() === '') continue;
    const isItem = BULLET.test(line);
    const last = blocks[blocks.length - 1];
    if (isItem) {
      if (last?.kind === 'ul') last.lines.push(line.replace(BULLET, ''));
      else blocks.push({ kind: 'ul', lines: [line.replace(BULLET, '')] });
    } else blocks.push({ kind: 'p', lines: [line.replace(/^#+\s*/, '')] });
  }
  return (
    <>
      {blocks.map((block, i) =>
        block.kind === 'p' ? (
          <p key={i} dir={blockDir(block.lines[0]!)}>
            <BidiText text={block.lines[0]!} citePrefix={citePrefix} />
          </p>
        ) : (
          <ul key={i} dir={blockDir(block.lines.join(' '))}>
            {block.lines.map((line, j) => (
              <li key={j} dir={blockDir(line)}>
                <BidiText text={line} citePrefix={citePrefix} />
              </li>
            ))}
          </ul>
        ),
      )}
    </>
  );
}

/**
 * Turns a growing answer into screen-reader announcements. Announcing every streamed token would
 * flood an aria-live region; announcing only at the end leaves the listener waiting. We announce each
 * completed sentence (Latin, Arabic and Tifinagh punctuation, or a line break) as it arrives.
 */
const SENTENCE_END = /[.!?؟۔\n](?=\s|$)/g;

export function createSentenceAnnouncer(announce: (text: string) => void) {
  let announcedUpTo = 0;
  return {
    /** Called with the whole answer so far. */
    update(full: string) {
      SENTENCE_END.lastIndex = announcedUpTo;
      let lastEnd = -1;
      for (let m = SENTENCE_END.exec(full); m; m = SENTENCE_END.exec(full)) lastEnd = m.index + 1;
      if (lastEnd > announcedUpTo) {
        const sentence = full.slice(announcedUpTo, lastEnd).trim();
        announcedUpTo = lastEnd;
        if (sentence) announce(sentence);
      }
    },
    /** Called once the stream ends: announces the remainder. */
    finish(full: string) {
      const rest = full.slice(announcedUpTo).trim();
      announcedUpTo = full.length;
      if (rest) announce(rest);
    },
  };
}

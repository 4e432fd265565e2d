import type { Messages } from '../../i18n/translate.js';

/**
 * Whether this device can draw Tifinagh. Many phones ship without a Tifinagh font and show empty boxes
 * ("tofu"). We draw a Tifinagh letter and an unassigned code point with the page's Tifinagh font stack:
 * identical pixels mean both are the missing-glyph box.
 */
export function canRenderTifinagh(): boolean {
  try {
    const canvas = document.createElement('canvas');
    canvas.width = 40;
    canvas.height = 40;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return true;
    const draw = (text: string) => {
      ctx.clearRect(0, 0, 40, 40);
      ctx.font = '28px "Khidma Tifinagh", "Noto Sans Tifinagh", Ebrima, sans-serif';
      ctx.fillStyle = '#000';
      ctx.fillText(text, 4, 30);
      return ctx.getImageData(0, 0, 40, 40).data.join(',');
    };
    return draw('\u2D63') !== draw('\u0378');
  } catch {
    return true;
  }
}

/** The Tamazight catalog transcribed to IRCAM Latin script, for devices without a Tifinagh font. */
export async function latinTamazight(messages: Messages): Promise<Messages> {
  const { tifinaghToLatin } = await import('@khidma/lang');
  return Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, tifinaghToLatin(v)])) as Messages;
}

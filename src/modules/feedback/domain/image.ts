import { sniffContentType } from '../../../platform/storage/content-type.ts';

/** Image types accepted as photos, recognised by their first bytes (never by name or header). */
export type ImageMime = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | 'image/heic';

const IMAGES = new Set<string>(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic']);

/** The photo's image type from its bytes, or null when it is not an accepted image. */
export function sniffImage(buf: Uint8Array): ImageMime | null {
  const t = sniffContentType(buf);
  return t && IMAGES.has(t) ? (t as ImageMime) : null;
}

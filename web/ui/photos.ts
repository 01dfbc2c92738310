/**
 * An uploaded photo's variants, derived from its URL. POST /v1/listings/upload-photo stores
 * `{brand}/{yyyy}/{MM}/{24 hex}/{name}.{ext}` and beside it `{name}-300x300.{ext}` (fits 300x300)
 * and `{name}-1024x1024.{ext}` (fits 1024x1024); a GIF's variants are PNG. A partner's own image
 * URL (not uploaded here) does not have that shape and gets no srcset: only the variants that exist.
 */
const UPLOADED = /^(https?:\/\/.+\/[a-z0-9_-]+\/\d{4}\/\d{2}\/[0-9a-f]{24}\/[a-z0-9-]+)\.(jpg|png|webp|gif)$/;

export interface PhotoSources {
  src: string;
  srcSet?: string;
}

/** `src` plus, for an upload, a `srcSet` of its 300 and 1024 px variants (their widths at most; never upscaled). */
export function photoSources(url: string): PhotoSources {
  const m = UPLOADED.exec(url);
  if (!m) return { src: url };
  const [, stem, ext] = m;
  const variant = ext === "gif" ? "png" : ext;
  const medium = `${stem}-300x300.${variant}`;
  const large = `${stem}-1024x1024.${variant}`;
  return { src: large, srcSet: `${medium} 300w, ${large} 1024w` };
}

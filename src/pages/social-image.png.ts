/**
 * The default link-preview image, rendered from SVG to PNG by sharp (installed
 * with Astro) at build time: social networks do not show SVG previews, and a
 * generated image follows site.config.ts without a committed binary.
 */
import type { APIRoute } from 'astro';
import sharp from 'sharp';
import siteConfig from '../../site.config.ts';
import { socialImageSvg } from '../lib/social-image.ts';

export const GET: APIRoute = async () => {
  const png = await sharp(Buffer.from(socialImageSvg(siteConfig)))
    .png({ compressionLevel: 9, palette: true })
    .toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};

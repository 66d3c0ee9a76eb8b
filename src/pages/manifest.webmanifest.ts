/**
 * The web app manifest, built from site.config.ts so an institution's copy
 * installs under its own name, colour and base path.
 */
import type { APIRoute } from 'astro';
import siteConfig from '../../site.config.ts';
import { joinBase } from '../lib/routes.ts';

export const GET: APIRoute = () => {
  const base = import.meta.env.BASE_URL;
  const icon = (file: string) => joinBase(base, `icons/${file}`);
  const manifest = {
    id: joinBase(base, ''),
    name: siteConfig.name,
    short_name: siteConfig.shortName,
    description: siteConfig.tagline,
    lang: siteConfig.lang,
    start_url: joinBase(base, ''),
    scope: joinBase(base, ''),
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: siteConfig.accentColor,
    icons: [
      { src: icon('icon.svg'), sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      { src: icon('icon-192.png'), sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: icon('icon-512.png'), sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: icon('icon-maskable-512.png'), sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
  return new Response(JSON.stringify(manifest, null, 2), {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
};

/**
 * robots.txt with the sitemap's absolute URL from site + base. Under a sub-path
 * (base "/mentoring/") crawlers only read /robots.txt at the domain's root, so
 * the host's own robots.txt must list this sitemap (README "Deploying").
 */
import type { APIRoute } from 'astro';
import { joinBase } from '../lib/routes.ts';

export const GET: APIRoute = ({ site }) => {
  const base = import.meta.env.BASE_URL;
  if (!site) throw new Error('robots.txt needs `site` in astro.config.mjs (from site.config.ts) for the sitemap URL.');
  const sitemap = new URL(joinBase(base, 'sitemap-index.xml'), site);
  const body = `User-agent: *\nAllow: ${joinBase(base, '')}\n\nSitemap: ${sitemap.href}\n`;
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};

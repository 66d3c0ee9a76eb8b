import { readFileSync } from 'node:fs';
import { parseSiteConfig, type SiteConfig } from './src/schemas/site-config.ts';
import example from './site.config.example.ts';

/**
 * Settings a deployment changes: name, institution, where it is served, colours
 * and local contacts. Copy `site.config.example.ts` for a worked example.
 */
const ownConfig = parseSiteConfig(
  {
    name: 'Mentor Field Guide',
    shortName: 'Field Guide',
    tagline: 'Find mentors, run meetings that help, and keep burnout at bay.',
    site: 'https://mentor-field-guide.example.org',
    base: '/',
    lang: 'en',
    accentColor: '#0f766e',
    institution: null,
    localResources: [],
  },
  'site.config.ts',
);

/**
 * Tests and previews can build with another config without editing this file:
 * MFG_SITE_CONFIG=example uses site.config.example.ts; any other value is the
 * path of a JSON file with the same fields, checked the same way.
 */
function selectConfig(choice: string | undefined): SiteConfig {
  if (!choice) return ownConfig;
  if (choice === 'example') return example;
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(choice, 'utf8'));
  } catch (error) {
    throw new Error(`Invalid site config in ${choice} (named by MFG_SITE_CONFIG): ${(error as Error).message}`);
  }
  return parseSiteConfig(input, choice);
}

export default selectConfig(process.env.MFG_SITE_CONFIG);

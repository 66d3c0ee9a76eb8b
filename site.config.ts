import { parseSiteConfig } from './src/schemas/site-config.ts';

/**
 * Settings a deployment changes: name, institution, where it is served, colours
 * and local contacts. Copy `site.config.example.ts` for a worked example.
 */
export default parseSiteConfig(
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

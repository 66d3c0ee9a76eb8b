/**
 * The components of guide MDX (src/lib/guide-body.ts lists the names):
 * <Checklist>, <Item>, <Callout>, <Diagram>, <Term>, <HelpNow>, used without an
 * import. Headings get shareable anchors and site links get the base path.
 */
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import type { GuideComponentName } from '../lib/guide-body.ts';
import Callout from './Callout.astro';
import Checklist from './Checklist.astro';
import ChecklistItem from './ChecklistItem.astro';
import Diagram from './Diagram.astro';
import H2 from './H2.astro';
import H3 from './H3.astro';
import HelpNow from './HelpNow.astro';
import Link from './Link.astro';
import Term from './Term.astro';

export const guideComponents: Record<GuideComponentName, AstroComponentFactory> = {
  a: Link,
  h2: H2,
  h3: H3,
  Callout,
  Checklist,
  Item: ChecklistItem,
  Diagram,
  Term,
  // Crisis lines come from src/data/help-resources.ts only; guides never type them.
  HelpNow,
};

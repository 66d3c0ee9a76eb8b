/**
 * The fixed list of topics. Guides name one of these ids in `topic`; hubs,
 * navigation and search filters are built from this list and nowhere else.
 */
export const topics = [
  {
    id: 'finding-a-mentor',
    title: 'Finding a mentor',
    description: 'Why mentors matter, the different roles people can play, and how to find and ask the right people.',
    order: 1,
  },
  {
    id: 'the-relationship',
    title: 'The mentoring relationship',
    description: 'Expectations, goals, trust and boundaries, and how to change or end a relationship well.',
    order: 2,
  },
  {
    id: 'meetings',
    title: 'Mentoring meetings',
    description: 'Prepare for and run meetings that move you forward, in person or online.',
    order: 3,
  },
  {
    id: 'feedback',
    title: 'Feedback',
    description: 'Ask for, receive and give feedback that helps you improve.',
    order: 4,
  },
  {
    id: 'career-and-residency',
    title: 'Career and residency',
    description: 'Mentorship through medical school, choosing a specialty, applications, the intern year and early career.',
    order: 5,
  },
  {
    id: 'research',
    title: 'Research',
    description: 'Find a research mentor and make a project work for both of you.',
    order: 6,
  },
  {
    id: 'burnout-and-wellbeing',
    title: 'Burnout and well-being',
    description: 'Recognise burnout in yourself and others, what helps, and where to get confidential help.',
    order: 7,
  },
  {
    id: 'becoming-a-mentor',
    title: 'Becoming a mentor',
    description: 'What good mentors do, near-peer mentoring, mentoring across difference, and training.',
    order: 8,
  },
] as const satisfies readonly Topic[];

export interface Topic {
  /** Stable id used in frontmatter and URLs. */
  id: string;
  /** Heading shown on hubs and in navigation. */
  title: string;
  /** One or two sentences shown on the hub and in cards. */
  description: string;
  /** Position in lists, lowest first. */
  order: number;
}

export type TopicId = (typeof topics)[number]['id'];
export const topicIds = topics.map((topic) => topic.id) as [TopicId, ...TopicId[]];

export function getTopic(id: TopicId): Topic {
  const topic = topics.find((candidate) => candidate.id === id);
  if (!topic) throw new Error(`Unknown topic "${id}". Allowed: ${topicIds.join(', ')}`);
  return topic;
}

/**
 * The relevance suite's queries: what students, residents and mentors actually
 * type (lower case, abbreviations, half-sentences), each with the guide that
 * must be among the first three results. Written from the reader's side, not
 * copied from guide titles, so a query passes because search understands the
 * reader, not because the words were lifted from the page.
 */
export interface RelevanceQuery {
  /** What the reader types. */
  query: string;
  /** Slug of the guide that must be in the top three. */
  expected: string;
}

export const relevanceQueries: RelevanceQuery[] = [
  // Finding a mentor
  { query: 'do i even need a mentor', expected: 'why-mentorship-matters' },
  { query: 'sponsor vs mentor', expected: 'mentor-sponsor-coach' },
  { query: 'what does a career coach do', expected: 'mentor-sponsor-coach' },
  { query: 'more than one mentor', expected: 'mentoring-network' },
  { query: 'how to find a mentor in med school', expected: 'where-to-find-mentors' },
  { query: 'email asking someone to be my mentor', expected: 'how-to-ask-for-mentorship' },
  { query: 'red flags in a mentor', expected: 'choosing-a-mentor' },
  { query: 'first gen med student mentor', expected: 'mentorship-for-underrepresented-students' },
  { query: 'URM mentorship', expected: 'mentorship-for-underrepresented-students' },

  // The relationship
  { query: 'mentoring agreement example', expected: 'setting-expectations' },
  { query: 'IDP', expected: 'individual-development-plan' },
  { query: 'smart goals', expected: 'individual-development-plan' },
  { query: 'my mentor never replies', expected: 'managing-up' },
  { query: 'is what i tell my mentor confidential', expected: 'trust-confidentiality-boundaries' },
  { query: 'mentor took credit for my work', expected: 'signs-of-a-poor-fit' },
  { query: 'how to break up with my mentor', expected: 'ending-a-mentoring-relationship' },
  { query: 'thank you email to old mentor', expected: 'staying-in-touch' },

  // Feedback and meetings
  { query: 'how to take criticism on rounds', expected: 'giving-and-receiving-feedback' },
  { query: 'what to ask at first mentor meeting', expected: 'first-meeting' },
  { query: 'how often should i meet my mentor', expected: 'running-regular-meetings' },
  { query: 'meeting notes template', expected: 'meeting-templates' },
  { query: 'mentoring over zoom', expected: 'virtual-and-asynchronous-mentoring' },

  // Career and residency
  { query: 'mentor for M3 year', expected: 'mentorship-through-medical-school' },
  { query: 'torn between two specialties', expected: 'choosing-a-specialty' },
  { query: 'how many LORs for ERAS', expected: 'residency-applications-and-letters' },
  { query: 'asking for a letter of rec', expected: 'residency-applications-and-letters' },
  { query: 'starting intern year', expected: 'the-intern-year' },
  { query: 'informational interview questions', expected: 'networking-and-informational-interviews' },
  { query: 'first attending job contract', expected: 'early-career-transitions' },
  { query: 'research PI authorship', expected: 'research-mentorship' },

  // Burnout and well-being
  { query: 'what is burnout', expected: 'what-is-burnout' },
  { query: 'am i burned out', expected: 'recognising-burnout' },
  { query: 'burnout or depression', expected: 'recognising-burnout' },
  { query: 'how many residents are burnt out', expected: 'how-common-is-burnout' },
  { query: 'what actually helps burnout', expected: 'what-helps-with-burnout' },
  { query: 'talk to my PD about hours', expected: 'talking-about-workload' },
  { query: 'therapist without it affecting my license', expected: 'getting-help-confidentially' },
  { query: 'worried about a co-resident', expected: 'supporting-a-struggling-colleague' },
  { query: 'my mentee seems burned out', expected: 'mentors-role-in-wellbeing' },
  { query: 'wellbeing self check', expected: 'weekly-wellbeing-check-in' },

  // Becoming a mentor
  { query: 'how to be a good mentor', expected: 'what-good-mentors-do' },
  { query: 'peer mentoring program', expected: 'near-peer-mentoring' },
  { query: 'mentoring someone from a different culture', expected: 'mentoring-across-difference' },
  { query: 'mentor training course', expected: 'mentor-training-and-resources' },
];

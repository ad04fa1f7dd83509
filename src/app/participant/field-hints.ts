/** A line under each template field saying what it asks for; unknown fields get none. */
const hints: Readonly<Record<string, string>> = {
  situation: 'What is happening, in a sentence.',
  impact: 'Who or what is affected, and how badly.',
  actions_taken: 'What you have tried or done so far.',
  ask: 'What you need from them, and by when.',
  next_update: 'When you will update them next.',
  current_state: 'Where things stand right now.',
  open_actions: 'What is still in progress or to do.',
  risks: 'What could go wrong next.',
  owner: 'Who owns the incident from now on.',
  what_happened: 'What happened, in plain words for the public.',
  customer_impact: 'What customers notice.',
};

export function fieldHint(field: string): string | null {
  return hints[field] ?? null;
}

/** The chats a drill can be mirrored into (issue 17); a drill names its own in `drill.created`. */
export const chatNames = ['slack', 'teams'] as const;
export type ChatName = (typeof chatNames)[number];

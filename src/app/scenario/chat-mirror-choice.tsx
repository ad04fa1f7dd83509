import type { ChatName } from '../../protocol/integrations';
import { integrationsReply } from '../../protocol/integrations';
import { apiRequest } from '../api/api-client';
import { useAsync } from '../components/use-async';

const chatLabels: Record<ChatName, string> = { slack: 'Slack', teams: 'Microsoft Teams' };

/**
 * A checkbox per chat this server can post to (`GET /api/integrations`), to mirror the new
 * drill there (issue 17). Nothing at all when the server has none, or cannot say.
 */
export function ChatMirrorChoice({
  chosen,
  onChange,
}: {
  chosen: readonly ChatName[];
  onChange: (chosen: readonly ChatName[]) => void;
}) {
  const integrations = useAsync(() => apiRequest('/api/integrations', integrationsReply), 'chat');
  if (integrations.status !== 'ready' || integrations.value.chat.length === 0) return null;
  const toggle = (chat: ChatName, on: boolean) =>
    onChange(on ? [...chosen, chat] : chosen.filter((other) => other !== chat));
  return (
    <fieldset>
      <legend>
        Mirror into the team’s chat{' '}
        <span className="muted">(start, injects for everyone, pages, acks and the result)</span>
      </legend>
      {integrations.value.chat.map((chat) => (
        <label key={chat} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(chat)}
            onChange={(event) => toggle(chat, event.target.checked)}
          />{' '}
          {chatLabels[chat]}
        </label>
      ))}
    </fieldset>
  );
}

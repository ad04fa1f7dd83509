import type { PageView } from '../../engine/projection/projection-views';

/**
 * One open page: who sent it and how, and what it is about. A system page (an alert that
 * pages, or the paging system moving a page up) reads as the alert it carries.
 */
export function PagerLine({
  page,
  roles,
}: {
  page: PageView;
  roles: readonly { readonly id: string; readonly name: string }[];
}) {
  const sender = roles.find((role) => role.id === page.from)?.name ?? 'the paging system';
  const about = page.message.situation;
  return (
    <p className={page.system ? 'system-page' : undefined}>
      {page.system && about ? (
        <>
          <strong>{about}</strong>
          <br />
        </>
      ) : null}
      Page from {sender} ({page.channel})
      {page.system && page.via ? `, level ${page.via.level + 1}` : ''}
    </p>
  );
}

import { type Account, createArticle, join, signUp } from '../support/accounts.js';
import type { TestServer } from '../support/server.js';

export interface DeskTeam {
  owner: Account;
  editor: Account;
  checker: Account;
  viewer: Account;
  article: { id: string; docId: string; title: string };
}

/**
 * A workspace with one member of each role below its owner and one article (the owner's).
 * `roles` limits who is signed up (each signup costs a scrypt): the others are left out.
 */
export async function deskTeam(
  server: Pick<TestServer, 'httpUrl'>,
  roles: ReadonlyArray<'editor' | 'checker' | 'viewer'> = ['editor', 'checker', 'viewer'],
  text = 'The minister said 40% of roads were repaired. Critics said only 12 bridges were built.',
): Promise<DeskTeam> {
  const owner = await signUp(server, 'owner');
  const team = { owner } as DeskTeam;
  for (const role of roles) {
    const member = await signUp(server, role);
    await join(server, owner, owner.workspaceId, member, role);
    team[role] = member;
  }
  team.article = await createArticle(server, owner, owner.workspaceId, { title: 'Roads and bridges', text, sourceUrl: 'https://news.example/roads' });
  return team;
}

/**
 * Who is in one drill's room: the participants (by token hash, in the order they joined),
 * the roles each holds now, and their presence — how many WebSockets opened with each token
 * are open. None of this is a drill fact: joins and releases live in the participants' store,
 * presence only in memory. Every screen hears the list (`participants` frames) whenever
 * someone joins, connects, disconnects (once their last socket closes) or loses a role.
 */
import type { Participant } from '../protocol/drill-snapshot';
import type { StoredParticipant } from './store/drill-repository';

export type ParticipantsListener = (participants: readonly Participant[]) => void;
/** A participant's roles changed (a release): their sockets must see the drill afresh. */
export type RolesListener = (tokenHash: string) => void;

export class DrillRoom {
  private readonly byToken = new Map<string, StoredParticipant>();
  private readonly openSockets = new Map<string, number>();
  private readonly listeners = new Set<ParticipantsListener>();
  private readonly rolesListeners = new Set<RolesListener>();
  /**
   * Tokens that lost a role while this server ran: a client's `lastSeq` may be in the old
   * roles' numbering (it was offline during the release), so each hello gets a snapshot.
   */
  private readonly renumbered = new Set<string>();

  constructor(participants: readonly StoredParticipant[]) {
    for (const participant of participants) this.byToken.set(participant.tokenHash, participant);
  }

  /** Everyone who joined, in the order they joined. */
  participants(): StoredParticipant[] {
    return [...this.byToken.values()];
  }

  participant(tokenHash: string): StoredParticipant | undefined {
    return this.byToken.get(tokenHash);
  }

  /** The roles someone holds now. */
  takenRoles(): Set<string> {
    return new Set(this.participants().flatMap(({ roles }) => roles));
  }

  holderOf(role: string): StoredParticipant | undefined {
    return this.participants().find(({ roles }) => roles.includes(role));
  }

  /** A join, held before it is stored so that a second join for its roles finds them taken. */
  add(participant: StoredParticipant): void {
    this.byToken.set(participant.tokenHash, participant);
  }

  /** A participant's roles after a release (already stored); their sockets hear of it first. */
  setRoles(tokenHash: string, roles: readonly string[]): void {
    const participant = this.byToken.get(tokenHash);
    if (!participant) return;
    this.byToken.set(tokenHash, { ...participant, roles });
    this.renumbered.add(tokenHash);
    for (const listener of this.rolesListeners) listener(tokenHash);
    this.changed();
  }

  /** Whether a hello with this token must get a snapshot whatever its `lastSeq`. */
  wasRenumbered(tokenHash: string): boolean {
    return this.renumbered.has(tokenHash);
  }

  /** A socket opened with this token said hello; the answer closes it again (once). */
  connect(tokenHash: string): () => void {
    const open = (this.openSockets.get(tokenHash) ?? 0) + 1;
    this.openSockets.set(tokenHash, open);
    if (open === 1) this.changed();
    let connected = true;
    return () => {
      if (!connected) return;
      connected = false;
      const left = (this.openSockets.get(tokenHash) ?? 1) - 1;
      if (left > 0) {
        this.openSockets.set(tokenHash, left);
        return;
      }
      this.openSockets.delete(tokenHash);
      this.changed();
    };
  }

  /** The list every screen shows: names, roles held now, presence. */
  view(): Participant[] {
    return this.participants().map(({ tokenHash, name, roles }) => ({
      name,
      roles,
      connected: this.openSockets.has(tokenHash),
    }));
  }

  onChange(listener: ParticipantsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onRolesChanged(listener: RolesListener): () => void {
    this.rolesListeners.add(listener);
    return () => this.rolesListeners.delete(listener);
  }

  /** Tells every screen who is in the room now. */
  changed(): void {
    const participants = this.view();
    for (const listener of this.listeners) listener(participants);
  }

  close(): void {
    this.listeners.clear();
    this.rolesListeners.clear();
  }
}

/** A WebSocket stand-in the tests drive by hand: open it, push frames, drop it. */
export class FakeSocket {
  static instances: FakeSocket[] = [];
  static readonly OPEN = 1;
  readyState = 0;
  sent: unknown[] = [];
  private readonly handlers = new Map<string, ((event: unknown) => void)[]>();
  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }
  static latest(): FakeSocket {
    const socket = FakeSocket.instances.at(-1);
    if (!socket) throw new Error('no socket was opened');
    return socket;
  }
  addEventListener(type: string, handler: (event: unknown) => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.drop(1000);
  }
  open() {
    this.readyState = 1;
    this.emit('open', {});
  }
  receive(frame: unknown) {
    this.emit('message', { data: JSON.stringify(frame) });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.emit('close', { code, reason: '' });
  }
  /** The actions this socket sent, without their ids. */
  actions(): Record<string, unknown>[] {
    return this.sent.flatMap((frame) => {
      const { type, action } = frame as { type: string; action?: Record<string, unknown> };
      if (type !== 'action' || !action) return [];
      const { id: _id, ...rest } = action;
      return [rest];
    });
  }
  /** The id of the last action sent. */
  lastActionId(): string {
    const last = [...this.sent]
      .reverse()
      .find((frame) => (frame as { type: string }).type === 'action') as
      { action: { id: string } } | undefined;
    if (!last) throw new Error('no action was sent');
    return last.action.id;
  }
  private emit(type: string, event: unknown) {
    for (const handler of this.handlers.get(type) ?? []) handler(event);
  }
}

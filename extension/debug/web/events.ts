// Browser stand-in for Node's `events`, enough for @vscode/debugadapter's ProtocolServer in the web
// extension host (the build aliases `events` to this file for the web bundle only).

type Listener = (...args: unknown[]) => void;

export class EventEmitter {
  private readonly listeners = new Map<string | symbol, Listener[]>();

  on(name: string | symbol, listener: Listener): this {
    const list = this.listeners.get(name) ?? [];
    list.push(listener);
    this.listeners.set(name, list);
    return this;
  }

  addListener(name: string | symbol, listener: Listener): this {
    return this.on(name, listener);
  }

  once(name: string | symbol, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.removeListener(name, wrapped);
      listener(...args);
    };
    return this.on(name, wrapped);
  }

  removeListener(name: string | symbol, listener: Listener): this {
    const list = this.listeners.get(name);
    if (list) {
      const i = list.indexOf(listener);
      if (i >= 0) list.splice(i, 1);
    }
    return this;
  }

  off(name: string | symbol, listener: Listener): this {
    return this.removeListener(name, listener);
  }

  removeAllListeners(name?: string | symbol): this {
    if (name === undefined) this.listeners.clear();
    else this.listeners.delete(name);
    return this;
  }

  emit(name: string | symbol, ...args: unknown[]): boolean {
    const list = this.listeners.get(name);
    if (!list?.length) return false;
    for (const l of [...list]) l(...args);
    return true;
  }

  listenerCount(name: string | symbol): number {
    return this.listeners.get(name)?.length ?? 0;
  }
}

export default { EventEmitter };

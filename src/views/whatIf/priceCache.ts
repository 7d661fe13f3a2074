// Price lists kept on disk (the extension's global storage) with the date they were fetched, so a
// RateCard or a retail query is asked once and reused across sessions until it is a day old
// (list prices change rarely; docs/what-if.md#caching). Files are written atomically (a temporary
// file renamed over the old one, as invoice downloads do), so a crash never leaves half a list.
import { createHash } from 'crypto';
import { NodeFolderPort } from '../downloads/nodeFolderPort';

export const PRICE_CACHE_MAX_AGE_MS = 24 * 3_600_000;

interface CacheFile<T> {
  fetchedAt: string;
  key: string;
  value: T;
}

export interface Cached<T> {
  value: T;
  fetchedAt: Date;
  fromDisk: boolean;
}

export class PriceCache {
  private readonly folder: NodeFolderPort;
  private readonly inFlight = new Map<string, Promise<Cached<unknown>>>();

  constructor(folderPath: string, private readonly now: () => number = Date.now, private readonly maxAgeMs = PRICE_CACHE_MAX_AGE_MS) {
    this.folder = new NodeFolderPort(folderPath);
  }

  /** The cached value of `key` when fresh, else `load()`'s, stored. Concurrent asks share one load. */
  get<T>(key: string, load: () => Promise<T>): Promise<Cached<T>> {
    const running = this.inFlight.get(key) as Promise<Cached<T>> | undefined;
    if (running) { return running; }
    const result = this.read<T>(key).then(async (hit) => hit ?? this.store(key, await load()));
    this.inFlight.set(key, result);
    const forget = () => { this.inFlight.delete(key); };
    result.then(forget, forget);
    return result;
  }

  private fileName(key: string): string {
    return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`;
  }

  private async read<T>(key: string): Promise<Cached<T> | undefined> {
    const bytes = await this.folder.readIfExists(this.fileName(key)).catch(() => undefined);
    if (!bytes) { return undefined; }
    try {
      const file = JSON.parse(Buffer.from(bytes).toString('utf8')) as CacheFile<T>;
      const fetchedAt = new Date(file.fetchedAt);
      // Another key hashing alike, or an old file: fetched again.
      if (file.key !== key || !(this.now() - fetchedAt.getTime() < this.maxAgeMs)) { return undefined; }
      return { value: file.value, fetchedAt, fromDisk: true };
    } catch {
      return undefined; // a damaged file is fetched again and replaced
    }
  }

  private async store<T>(key: string, value: T): Promise<Cached<T>> {
    const fetchedAt = new Date(this.now());
    const name = this.fileName(key);
    const temporary = `${name}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    const body: CacheFile<T> = { fetchedAt: fetchedAt.toISOString(), key, value };
    try {
      await this.folder.ensureExists();
      await this.folder.write(temporary, Buffer.from(JSON.stringify(body), 'utf8'));
      await this.folder.renameReplacing(temporary, name);
    } catch {
      // A cache that cannot be written only costs a fetch next time.
      await this.folder.deleteIfExists(temporary).catch(() => undefined);
    }
    return { value, fetchedAt, fromDisk: false };
  }
}

import { memoryLearnerStorage, type LearnerRecord, type LearnerStorage } from './learner-key';

/**
 * The learner's record in this browser's IndexedDB: the key pair is stored as CryptoKey objects
 * (structured clone keeps a non-extractable private key non-extractable), so the private key
 * survives reloads without ever existing as bytes a script could read.
 * @see https://www.w3.org/TR/WebCryptoAPI/#cryptokey-interface-clone
 */

const DB_NAME = 'flowlab-learner';
const STORE = 'learner';
const KEY = 'record';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB is not available.'));
  });
}

function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>) {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const request = act(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(request.result);
        };
        tx.onerror = () => {
          db.close();
          reject(tx.error ?? new Error('IndexedDB transaction failed.'));
        };
      }),
  );
}

/** This browser's IndexedDB storage, or memory where there is none (a private window, say). */
export function indexedDbLearnerStorage(): LearnerStorage {
  if (typeof indexedDB === 'undefined') return memoryLearnerStorage();
  return {
    load: () => run<LearnerRecord | undefined>('readonly', (s) => s.get(KEY)),
    save: async (record) => {
      await run('readwrite', (s) => s.put(record, KEY));
    },
  };
}

import type { i18n as I18n, TFunction } from 'i18next';
import { useContext, useSyncExternalStore } from 'react';
import { I18nContext, getI18n } from 'react-i18next';
import { getCommitteeTimeZone } from './format';

/**
 * Who follows an i18next instance's language, and the translation functions made for it. One
 * listener on the instance for the whole page, not one per component: a draft shows hundreds of
 * components that translate (each card, badge and meter), and react-i18next's `useTranslation`
 * subscribes each of them to the instance and re-checks its namespaces on every render.
 */
interface Watch {
  subscribe: (listener: () => void) => () => void;
  /** By language and namespace; emptied when the language changes. */
  fixed: Map<string, TFunction>;
}

const watches = new WeakMap<I18n, Watch>();

/** `getFixedT` as react-i18next calls it; i18next's typings leave out the options it reads the scope from. */
type GetFixedT = (lng: string, ns: string, keyPrefix: undefined, options: { scopeNs: string[] }) => TFunction;

/** How many translations one namespace remembers in one language before it starts again. */
const REMEMBERED = 4000;

/** A call's identity: its key and options, when all of them are plain values; null for any other call. */
function callId(key: unknown, options: unknown): string | null {
  if (typeof key !== 'string') return null;
  if (options === undefined) return key;
  if (typeof options === 'string') return `${key}\u0000=${options}`;
  if (options === null || typeof options !== 'object') return null;
  let id = key;
  for (const [name, value] of Object.entries(options as Record<string, unknown>)) {
    const type = typeof value;
    if (value !== null && type !== 'string' && type !== 'number' && type !== 'boolean' && type !== 'undefined') return null;
    id += `\u0000${name}\u0001${value === null ? 'null' : type}\u0001${String(value)}`;
  }
  return id;
}

/**
 * The translation function with what it returned remembered. A draft's cards translate the same
 * labels over and over (each redraw of a card asks for a dozen), and i18next resolves, interpolates
 * and pluralises each time: three quarters of a card's redraw. The catalogues are bundled and
 * fixed, so a call with the same key and plain options gives the same sentence in a language;
 * remembered sentences are forgotten with the language (a new function) and when the committee's
 * time zone, which date formats read, changes. Calls with other options, and keys no catalogue
 * has (the key comes back), are not remembered.
 */
function remembering(t: TFunction): TFunction {
  const translate = t as unknown as (...args: unknown[]) => unknown;
  const seen = new Map<string, string>();
  let zone = getCommitteeTimeZone();
  const call = (key: unknown, options?: unknown, ...rest: unknown[]): unknown => {
    const id = rest.length === 0 ? callId(key, options) : null;
    if (id === null) return translate(key, options, ...rest);
    if (zone !== getCommitteeTimeZone()) {
      seen.clear();
      zone = getCommitteeTimeZone();
    }
    const known = seen.get(id);
    if (known !== undefined) return known;
    const said = translate(key, options);
    if (typeof said === 'string' && said !== key) {
      if (seen.size >= REMEMBERED) seen.clear();
      seen.set(id, said);
    }
    return said;
  };
  // What i18next's fixed function carries beside itself.
  const { lng, ns, keyPrefix } = t as unknown as { lng?: unknown; ns?: unknown; keyPrefix?: unknown };
  return Object.assign(call, { lng, ns, keyPrefix }) as unknown as TFunction;
}

function watch(instance: I18n): Watch {
  let w = watches.get(instance);
  if (!w) {
    const listeners = new Set<() => void>();
    const fixed = new Map<string, TFunction>();
    instance.on('languageChanged', () => {
      fixed.clear();
      for (const l of [...listeners]) l();
    });
    w = {
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      fixed,
    };
    watches.set(instance, w);
  }
  return w;
}

/**
 * The translation function of one feature's namespace, falling back to `common`: what
 * `useTranslation([ns, 'common']).t` returns (every catalogue is bundled, so it is always ready),
 * remembering its sentences; the same function while the language stays, a new one (and a redraw)
 * when it changes.
 */
export function useT(ns: string): TFunction {
  const instance = useContext(I18nContext)?.i18n ?? getI18n();
  const w = watch(instance);
  const lng = useSyncExternalStore(w.subscribe, () => instance.language);
  const key = `${lng}\u0000${ns}`;
  let t = w.fixed.get(key);
  if (!t) {
    t = remembering((instance.getFixedT as unknown as GetFixedT).call(instance, lng, ns, undefined, { scopeNs: [ns, 'common'] }));
    w.fixed.set(key, t);
  }
  return t;
}

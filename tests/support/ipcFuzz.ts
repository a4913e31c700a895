/**
 * Seeded fuzzing of the IPC boundary (docs/architecture.md, "The life of a request"): payload and channel
 * generators, a kiosk core with simulated devices and fakes to fuzz, a logger that watches for
 * payload text, and a loop that sends the payloads through a host's transport and checks every
 * answer. Everything random comes from one seed (FUZZ_SEED), printed with every failure, so a
 * failure replays exactly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { expect } from 'vitest';
import { createKioskCore, type KioskCore } from '#core/app/kioskCore';
import { createLogger, errorKind, type Logger } from '#core/logging/logger';
import type { PortalPage, PortalSurface } from '#core/portal/portalSurface';
import type { KioskConfig } from '#shared/config/kioskConfig';
import { eventChannels, requestChannels, type RequestChannel } from '#shared/contract/channels';
import { kioskErrorCodes } from '#shared/result';
import { z } from '#shared/zodConfig';
import { fixedContent, loadJenaPack } from '#tests/unit/support/contentFakes';
import { FakeClock } from '#tests/unit/support/fakeClock';
import { testConfig } from '#tests/unit/support/testConfig';

/** Marks every string the fuzzer makes: it must never show up in a log line or an error detail. */
export const fuzzCanary = 'FUZZCANARY';

const defaultSeed = 0x5eed_1c0;

/** The run's seed: FUZZ_SEED (decimal or 0x-hex) or a fixed default, so CI is reproducible. */
export function fuzzSeed(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const text = env.FUZZ_SEED?.trim();
  if (text === undefined || text === '') return defaultSeed;
  const seed = Number(text);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`FUZZ_SEED must be a non-negative integer, got ${JSON.stringify(text)}`);
  return seed >>> 0;
}

/** Payloads per channel: FUZZ_RUNS or 10,000 (the acceptance criterion). */
export function fuzzRuns(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const text = env.FUZZ_RUNS?.trim();
  if (text === undefined || text === '') return 10_000;
  const runs = Number(text);
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`FUZZ_RUNS must be a positive integer, got ${JSON.stringify(text)}`);
  return runs;
}

/** How to replay a run, for failure messages. */
export function replayHint(seed: number): string {
  return `FUZZ_SEED=0x${seed.toString(16)}`;
}

// ---------------------------------------------------------------------------------------------
// Randomness

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: small, fast and good enough to spread test inputs; the same seed gives the same stream. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)] as T;
    },
    chance: (p) => next() < p,
  };
}

/** A seed for one named stream of a run (FNV-1a of the name mixed with the seed), independent of the order streams are made in. */
export function streamSeed(seed: number, name: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < name.length; i += 1) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Hostile values

/** Strings that have broken text handling somewhere: each generated string carries one or two. */
export const unicodeEdges: readonly string[] = [
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  'a\uDC00\uD800b', // surrogates in the wrong order
  '\u0000', // NUL
  'a\u0000b',
  '\u202Etxt.exe', // right-to-left override
  '\u202D\u2066abc\u2069\u202C', // left-to-right override and isolates
  '\u200B\u200C\u200D\u2060\uFEFF', // zero-width characters, word joiner, BOM
  '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}', // family: emoji ZWJ sequence
  '\u{1F3F3}\uFE0F\u200D\u{1F308}', // rainbow flag: ZWJ with variation selector
  '\u{1F44D}\u{1F3FD}', // skin tone modifier
  'e\u0301\u0302\u0303\u0304\u0305\u0306\u0307', // stacked combining marks
  '\u00C0\u00AF', // an overlong "/" (C0 AF) read as Latin-1
  '\u00E0\u0080\u00AF', // an overlong "/" in three bytes, read as Latin-1
  '%C0%AF%E0%80%AF', // the same, percent-encoded
  '\uFFFD\uFFFE\uFFFF', // replacement character and noncharacters
  '\u{10FFFF}', // the last code point
  '\u2028\u2029', // line and paragraph separators
  '\r\n\t\u000B\u000C\u0085', // line breaks and control characters
  '\u001B[31m\u001B]0;title\u0007', // terminal escape sequences
  '\u0130\u0131\u00DF\uFB03', // case mapping oddities: İ ı ß ﬃ
  '\u0627\u0644\u0639\u0631\u0628\u064A\u0629 \u05E2\u05D1\u05E8\u05D9\u05EA', // Arabic and Hebrew
  '\u4E2D\u6587\u65E5\u672C\u8A9E', // CJK
  '\u00A0\u2007\u202F\u3000', // spaces that are not U+0020
  '../../etc/passwd', // a path
  '<script>alert(1)</script>', // markup
  '${7*7}{{7*7}}', // template syntax
];

const numberEdges: readonly number[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  2 ** 53,
  -(2 ** 53),
  0.1 + 0.2,
  2 ** 31,
  -(2 ** 31) - 1,
  1e21,
  -1,
  0.5,
];

/** Keys that reach into prototypes when code copies an object naively. */
const prototypeKeys = ['__proto__', 'constructor', 'prototype'] as const;

/** A string made of the canary and one or two of the edge cases. */
function edgeString(r: Random): string {
  const edge = r.pick(unicodeEdges);
  const more = r.chance(0.5) ? r.pick(unicodeEdges) : '';
  switch (r.int(3)) {
    case 0:
      return `${fuzzCanary}${edge}${more}`;
    case 1:
      return `${edge}${fuzzCanary}${more}`;
    default:
      return `${edge}${more}${fuzzCanary}`;
  }
}

let bigText: string | null = null;
/** One 5 MB string, made once: every 64-character window holds the canary, so any slice of it that reached a log would show. */
function bigString(): string {
  const unit = `${fuzzCanary}${'\u00B7'.repeat(64 - fuzzCanary.length)}`;
  bigText ??= unit.repeat((5 * 1024 * 1024) / 64);
  return bigText;
}

/** A slice of the big string, 1–5 MB (a slice shares the big string's memory). */
function hugeString(r: Random): string {
  const mb = 1024 * 1024;
  return bigString().slice(0, mb + r.int(4 * mb));
}

let hugeKeyValues: readonly string[] | null = null;
/**
 * Two huge strings for keys, made once: a key is hashed when it is set, which for a new 5 MB string
 * each time would cost more than everything else the fuzzer does.
 */
function hugeKey(r: Random): string {
  hugeKeyValues ??= [bigString().slice(0, 1024 * 1024), bigString()];
  return r.pick(hugeKeyValues);
}

let hugeArrayValue: readonly string[] | null = null;
function hugeArray(): readonly string[] {
  hugeArrayValue ??= new Array<string>(100_000).fill(`${fuzzCanary}-item`);
  return hugeArrayValue;
}

interface DeepValues {
  readonly objects: unknown;
  readonly arrays: unknown;
  readonly mixed: unknown;
}
let deepValues: DeepValues | null = null;
/** Nestings 10,000 levels deep, made once and shared (no code on the way may change a payload). */
function deep(): DeepValues {
  if (deepValues !== null) return deepValues;
  let objects: unknown = { leaf: fuzzCanary };
  let arrays: unknown = [fuzzCanary];
  let mixed: unknown = fuzzCanary;
  for (let i = 0; i < 10_000; i += 1) {
    objects = { a: objects };
    arrays = [arrays];
    mixed = i % 2 === 0 ? { [`${fuzzCanary}${String(i % 7)}`]: mixed, text: fuzzCanary } : [mixed, 0];
  }
  deepValues = { objects, arrays, mixed };
  return deepValues;
}

function deepValue(r: Random): unknown {
  const values = deep();
  return r.pick([values.objects, values.arrays, values.mixed]);
}

/** An object whose own keys are the prototype keys (JSON.parse makes `__proto__` an own key, as IPC would). */
function prototypeObject(r: Random): unknown {
  const polluter = `{"polluted":"${fuzzCanary}","toString":"${fuzzCanary}","isAdmin":true}`;
  const texts = [
    `{"__proto__":${polluter}}`,
    `{"constructor":{"prototype":${polluter}}}`,
    `{"prototype":${polluter}}`,
    `{"__proto__":{"__proto__":${polluter}}}`,
    `{"__proto__":[${polluter}]}`,
    `{"__proto__":null,"constructor":null}`,
    `{"__proto__":${polluter},"constructor":{"prototype":${polluter}},"prototype":${polluter}}`,
  ];
  return JSON.parse(r.pick(texts)) as unknown;
}

/** Primitives and objects of every kind but the expected one (all of them survive structured clone except symbol and function). */
function wrongTypeValue(r: Random): unknown {
  switch (r.int(22)) {
    case 0:
      return undefined;
    case 1:
      return null;
    case 2:
      return true;
    case 3:
      return false;
    case 4:
      return 0;
    case 5:
      return '';
    case 6:
      return edgeString(r);
    case 7:
      return 10n ** 30n;
    case 8:
      return Symbol(fuzzCanary);
    case 9:
      return () => fuzzCanary;
    case 10:
      return new Date(Number.NaN);
    case 11:
      return new RegExp(fuzzCanary, 'g');
    case 12:
      return new Map([[fuzzCanary, fuzzCanary]]);
    case 13:
      return new Set([fuzzCanary]);
    case 14:
      return new Uint8Array(16).fill(0x41);
    case 15:
      return new ArrayBuffer(8);
    case 16:
      return new Error(fuzzCanary);
    case 17:
      return Object.create(null) as unknown;
    case 18:
      return new String(fuzzCanary);
    case 19:
      return new Number(7);
    case 20:
      return new Date(0);
    default:
      return 1;
  }
}

/** Any hostile value, for replacing one field. */
function hostileValue(r: Random): unknown {
  switch (r.int(9)) {
    case 0:
    case 1:
      return wrongTypeValue(r);
    case 2:
      return r.chance(0.3) ? hugeString(r) : edgeString(r);
    case 3:
      return r.pick(numberEdges);
    case 4:
      return prototypeObject(r);
    case 5:
      return r.chance(0.2) ? deepValue(r) : [edgeString(r)];
    case 6:
      return r.chance(0.1) ? hugeArray() : [];
    case 7:
      return { [fuzzCanary]: edgeString(r) };
    default:
      return edgeString(r);
  }
}

/** Keys to add to an object: the canary, edge cases, a prototype key, the empty key, a huge key. */
function hostileKey(r: Random): string {
  switch (r.int(5)) {
    case 0:
      return r.pick(prototypeKeys);
    case 1:
      return edgeString(r);
    case 2:
      return '';
    case 3:
      return r.chance(0.05) ? hugeKey(r) : `${fuzzCanary}${r.pick(unicodeEdges)}`;
    default:
      return fuzzCanary;
  }
}

/** Sets an own, enumerable property even for `__proto__` (plain assignment would set the prototype). */
function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

// ---------------------------------------------------------------------------------------------
// Valid examples from the contract's schemas

/** The parts of JSON Schema the contract's request schemas use. */
interface JsonSchema {
  readonly type?: string;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly items?: JsonSchema;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
}

/** Values to try for a string field (by key), before the generic ones. */
export type ExampleHints = Readonly<Record<string, readonly string[]>>;

const genericStrings = ['abc-1', '4711', '47110815', 'Öffnungszeiten', 'x', 'info-search'];

function exampleFrom(schema: JsonSchema, key: string, r: Random | null, hints: ExampleHints): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum !== undefined) return r ? r.pick(schema.enum) : schema.enum[0];
  const options = schema.oneOf ?? schema.anyOf;
  const [first] = options ?? [];
  if (options !== undefined && first !== undefined) return exampleFrom(r ? r.pick(options) : first, key, r, hints);
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = new Set(schema.required ?? []);
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if (required.has(name) || (r?.chance(0.5) ?? false)) out[name] = exampleFrom(property, name, r, hints);
      }
      return out;
    }
    case 'array': {
      const min = schema.minItems ?? 0;
      const max = Math.min(schema.maxItems ?? min + 3, min + 3);
      const length = r ? min + r.int(max - min + 1) : Math.max(min, Math.min(1, max));
      return Array.from({ length }, () => (schema.items ? exampleFrom(schema.items, key, r, hints) : null));
    }
    case 'string': {
      const pattern = schema.pattern === undefined ? null : new RegExp(schema.pattern, 'u');
      const fits = (text: string): boolean =>
        text.length >= (schema.minLength ?? 0) && text.length <= (schema.maxLength ?? Infinity) && (pattern?.test(text) ?? true);
      const candidates = [...(hints[key] ?? []), ...genericStrings].filter(fits);
      if (candidates.length === 0) throw new Error(`no example string for "${key}" (${schema.pattern ?? 'no pattern'})`);
      return r ? r.pick(candidates) : candidates[0];
    }
    case 'integer':
    case 'number': {
      const min = Math.max(schema.minimum ?? -1000, -1000);
      const max = Math.min(schema.maximum ?? 1000, 1000);
      if (!r) return Math.min(Math.max(1, min), max);
      const value = min + r.next() * (max - min);
      return schema.type === 'integer' ? Math.floor(value) : value;
    }
    case 'boolean':
      return r ? r.chance(0.5) : true;
    default:
      return null;
  }
}

const jsonSchemas = new WeakMap<z.ZodType, JsonSchema>();

/** A payload `schema` accepts: its simplest one, or (with `r`) one of many. Throws when none can be found. */
export function exampleOf(schema: z.ZodType, r: Random | null = null, hints: ExampleHints = {}): unknown {
  let json = jsonSchemas.get(schema);
  if (json === undefined) {
    json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
    jsonSchemas.set(schema, json);
  }
  const example = exampleFrom(json, '', r, hints);
  if (schema.safeParse(example).success) return example;
  const simplest = exampleFrom(json, '', null, hints);
  if (!schema.safeParse(simplest).success) throw new Error(`no valid example found for the schema: ${JSON.stringify(json).slice(0, 200)}`);
  return simplest;
}

// ---------------------------------------------------------------------------------------------
// Payloads

export const fuzzFamilies = [
  'wrong-type',
  'huge-string',
  'prototype-keys',
  'deep-nesting',
  'unicode',
  'number-edge',
  'array-for-object',
  'mutated-field',
  'valid',
] as const;
export type FuzzFamily = (typeof fuzzFamilies)[number];

/** How often each family comes (out of 1000): mostly near-valid payloads, which get furthest. */
const familyWeights: Readonly<Record<FuzzFamily, number>> = {
  'wrong-type': 100,
  'huge-string': 12,
  'prototype-keys': 100,
  'deep-nesting': 30,
  unicode: 130,
  'number-edge': 80,
  'array-for-object': 60,
  'mutated-field': 438,
  valid: 50,
};

export interface FuzzCase {
  readonly family: FuzzFamily;
  readonly payload: unknown;
  /** What was done, for the failure message (e.g. "labels.weekdays.3 ← hostile value"). */
  readonly note: string;
}

type Path = readonly (string | number)[];

/** Every node of a JSON-like value with its path, the root first. */
function nodesOf(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  const found = [{ path, value }];
  if (Array.isArray(value)) value.forEach((item: unknown, i) => found.push(...nodesOf(item, [...path, i])));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) found.push(...nodesOf(item, [...path, key]));
  }
  return found;
}

function pathText(path: Path): string {
  return path.length === 0 ? '(root)' : path.join('.');
}

/** `root` with the node at `path` replaced (a copy of the example; the root itself is returned as `value`). */
function replaced(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = copyOf(root);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] ?? '';
  if (Array.isArray(parent)) parent[last] = value;
  else setOwn(parent, String(last), value);
  return copy;
}

/** A deep copy of a JSON-like example (faster than structuredClone for these small values). */
function copyOf<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => copyOf(item)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = copyOf(item);
  return out as T;
}

/** A copy of `root` and, in the copy, the object at `path`. */
function copyAt(root: unknown, path: Path): { copy: unknown; holder: Record<string, unknown> } {
  const copy = copyOf(root);
  let holder = copy as Record<string, unknown>;
  for (const key of path) holder = holder[key] as Record<string, unknown>;
  return { copy, holder };
}

function objectNodes(example: unknown): { path: Path; value: object }[] {
  return nodesOf(example).filter(
    (node): node is { path: Path; value: object } => typeof node.value === 'object' && node.value !== null && !Array.isArray(node.value),
  );
}

export interface PayloadFuzzer {
  readonly channel: string;
  /** The simplest valid payload of the channel, the start of every mutation. */
  readonly example: unknown;
  next(): FuzzCase;
}

/** Payloads for one channel, from a stream of its own (the same seed and channel give the same payloads). */
export function payloadFuzzer(input: {
  readonly channel: string;
  readonly schema: z.ZodType;
  readonly seed: number;
  readonly hints?: ExampleHints;
}): PayloadFuzzer {
  const r = mulberry32(streamSeed(input.seed, input.channel));
  const hints = input.hints ?? {};
  const example = exampleOf(input.schema, null, hints);
  const nodes = nodesOf(example);
  const leaves = nodes.filter((node) => typeof node.value !== 'object' || node.value === null);
  const strings = leaves.filter((node) => typeof node.value === 'string');
  const numbers = leaves.filter((node) => typeof node.value === 'number');
  const objects = objectNodes(example);
  const families = fuzzFamilies.flatMap((family) => Array<FuzzFamily>(familyWeights[family]).fill(family));

  /** A string field if there is one, else any field, else the root. */
  const someString = () => (strings.length > 0 ? r.pick(strings) : r.pick(nodes));
  const make: Record<FuzzFamily, () => { payload: unknown; note: string }> = {
    'wrong-type': () => {
      const node = r.chance(0.5) ? nodes[0] : r.pick(nodes);
      return { payload: replaced(example, node?.path ?? [], wrongTypeValue(r)), note: `${pathText(node?.path ?? [])} ← wrong type` };
    },
    'huge-string': () => {
      const choice = r.int(4);
      if (choice === 0) return { payload: hugeString(r), note: '(root) ← huge string' };
      if (choice === 1) {
        const target = r.pick(objects);
        const { copy, holder } = copyAt(example, target.path);
        setOwn(holder, hugeKey(r), fuzzCanary);
        return { payload: copy, note: `${pathText(target.path)} + huge key` };
      }
      const node = someString();
      const value = choice === 2 ? hugeString(r) : hugeArray();
      return { payload: replaced(example, node.path, value), note: `${pathText(node.path)} ← huge ${choice === 2 ? 'string' : 'array'}` };
    },
    'prototype-keys': () => {
      const choice = r.int(4);
      if (choice === 0) return { payload: prototypeObject(r), note: '(root) ← prototype keys' };
      if (choice === 1) {
        const copy = Object.assign(Object.create(null) as object, copyOf(example));
        return { payload: copy, note: '(root) as a null-prototype object' };
      }
      const target = r.pick(objects);
      const { copy, holder } = copyAt(example, target.path);
      const key = r.pick(prototypeKeys);
      setOwn(holder, key, choice === 2 ? prototypeObject(r) : { prototype: { polluted: fuzzCanary } });
      return { payload: copy, note: `${pathText(target.path)} + own ${key}` };
    },
    'deep-nesting': () => {
      const node = r.chance(0.4) ? nodes[0] : r.pick(nodes);
      return { payload: replaced(example, node?.path ?? [], deepValue(r)), note: `${pathText(node?.path ?? [])} ← 10,000 levels` };
    },
    unicode: () => {
      if (r.chance(0.15)) {
        const target = r.pick(objects);
        const { copy, holder } = copyAt(example, target.path);
        setOwn(holder, edgeString(r), edgeString(r));
        return { payload: copy, note: `${pathText(target.path)} + unicode key` };
      }
      const node = someString();
      return { payload: replaced(example, node.path, edgeString(r)), note: `${pathText(node.path)} ← unicode` };
    },
    'number-edge': () => {
      const node = numbers.length > 0 && r.chance(0.7) ? r.pick(numbers) : r.pick(nodes);
      return { payload: replaced(example, node.path, r.pick(numberEdges)), note: `${pathText(node.path)} ← number edge` };
    },
    'array-for-object': () => {
      const target = r.pick(objects);
      const value = r.pick([[], [copyOf(target.value)], [fuzzCanary], Object.assign([], copyOf(target.value))]);
      return { payload: replaced(example, target.path, value), note: `${pathText(target.path)} ← array` };
    },
    'mutated-field': () => {
      const choice = r.int(4);
      if (choice === 0 && objects.some((node) => Object.keys(node.value).length > 0)) {
        const target = r.pick(objects.filter((node) => Object.keys(node.value).length > 0));
        const { copy, holder } = copyAt(example, target.path);
        const key = r.pick(Object.keys(holder));
        // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- removing one field is the mutation
        delete holder[key];
        return { payload: copy, note: `${pathText([...target.path, key])} removed` };
      }
      if (choice === 1) {
        const target = r.pick(objects);
        const { copy, holder } = copyAt(example, target.path);
        setOwn(holder, hostileKey(r), hostileValue(r));
        return { payload: copy, note: `${pathText(target.path)} + extra key` };
      }
      const node = r.pick(nodes.slice(1).length > 0 ? nodes.slice(1) : nodes);
      return { payload: replaced(example, node.path, hostileValue(r)), note: `${pathText(node.path)} ← hostile value` };
    },
    valid: () => ({ payload: exampleOf(input.schema, r, hints), note: 'valid' }),
  };

  return {
    channel: input.channel,
    example,
    next() {
      const family = r.pick(families);
      return { family, ...make[family]() };
    },
  };
}

/** Names of Object.prototype and friends: a lookup by name in a plain object would find them. */
const prototypeNames = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
  'prototype',
  'length',
  'then',
];

/** Channel names no request channel has, and non-strings, each with a payload: each must be answered with unknown-channel. */
export function channelNameFuzzer(seed: number): { next(): { channel: unknown; payload: unknown } } {
  const r = mulberry32(streamSeed(seed, '(channel names)'));
  const known = Object.keys(requestChannels);
  const events = Object.keys(eventChannels);
  const nearMiss = (name: string): string => {
    switch (r.int(8)) {
      case 0:
        return name.toUpperCase();
      case 1:
        return `${name} `;
      case 2:
        return `${name}\u0000`;
      case 3:
        return name.replace('.', '\u200B.');
      case 4:
        return name.replace(/a/, '\u0430'); // Cyrillic a
      case 5:
        return `${name}.${fuzzCanary}`;
      case 6:
        return `__proto__.${name}`;
      default:
        return name.normalize('NFD') + '\u0301';
    }
  };
  const name = (): unknown => {
    switch (r.int(7)) {
      case 0:
        return r.pick(prototypeNames);
      case 1:
        return r.pick(events);
      case 2:
        return nearMiss(r.pick(known));
      case 3:
        return r.chance(0.02) ? hugeString(r) : edgeString(r);
      case 4:
        return wrongTypeValue(r);
      case 5:
        return r.pick([[r.pick(known)], { channel: r.pick(known) }, new String(r.pick(known)), prototypeObject(r)]);
      default:
        return `${fuzzCanary.toLowerCase()}.${r.pick(['start', 'toString', '__proto__', ''])}`;
    }
  };
  return {
    next: () => ({ channel: name(), payload: r.chance(0.5) ? exampleOf(requestChannels[r.pick(known) as RequestChannel].request, r) : hostileValue(r) }),
  };
}

// ---------------------------------------------------------------------------------------------
// Watching the log and the prototypes

export interface LogWatch {
  readonly logger: Logger;
  /** Lines written so far. */
  lines(): number;
  /** Lines that carried payload text (the canary), shortened around it. */
  leaks(): readonly string[];
}

/** A real kiosk logger at trace level that keeps no lines, only counts them and keeps those with the canary. */
export function watchedLog(): LogWatch {
  let lines = 0;
  const leaks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      const text = chunk.toString();
      lines += 1;
      // Channel names carry the canary in lower case (to look like channel names).
      const at = Math.max(text.indexOf(fuzzCanary), text.indexOf(fuzzCanary.toLowerCase()));
      if (at >= 0 && leaks.length < 20) leaks.push(text.slice(Math.max(0, at - 200), at + 100));
      callback();
    },
  });
  return { logger: createLogger({ destination, level: 'trace' }), lines: () => lines, leaks: () => leaks };
}

const watchedPrototypes: readonly [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
  ['Promise.prototype', Promise.prototype],
];

/** The own property names of the built-in prototypes now, to compare after the run. */
export function prototypeSnapshot(): ReadonlyMap<string, string> {
  return new Map(watchedPrototypes.map(([name, proto]) => [name, Reflect.ownKeys(proto).map(String).sort().join(',')]));
}

/** What changed on the built-in prototypes since `before` (empty: nothing polluted). */
export function prototypeChanges(before: ReadonlyMap<string, string>): string[] {
  const now = prototypeSnapshot();
  const changes = [...now].filter(([name, keys]) => before.get(name) !== keys).map(([name]) => `${name} changed`);
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'isAdmin']) if (key in probe) changes.push(`({}).${key} is now ${typeof probe[key]}`);
  return changes;
}

// ---------------------------------------------------------------------------------------------
// A kiosk core to fuzz

export interface FuzzCore {
  readonly core: KioskCore;
  readonly clock: FakeClock;
  readonly log: LogWatch;
  dispose(): Promise<void>;
}

/** Ids of the Jena content pack and the test tile, so valid payloads reach past "not found". */
export const fuzzHints: ExampleHints = {
  topicId: ['ausweise-und-paesse'],
  serviceId: ['personalausweis-ab-16'],
  categoryId: ['ausweise'],
  tileId: ['portal'],
  screen: ['info-search'],
};

/** A portal browser that opens pages doing nothing (the portal service's logic still runs in full). */
function quietPortalSurface(): PortalSurface {
  const done = (): Promise<void> => Promise.resolve();
  return {
    kind: 'frames',
    open: (): Promise<PortalPage> =>
      Promise.resolve({
        navigate: done,
        back: done,
        reload: done,
        layout: done,
        type: done,
        key: done,
        pointer: done,
        wheel: done,
        printToPdf: () => Promise.resolve(new TextEncoder().encode('%PDF-1.7 fuzz')),
        close: done,
      }),
  };
}

/**
 * The real kiosk core. `full`: every capability on, with simulated printer, document reader and
 * light, the Jena content pack, a portal tile on a quiet browser, a data folder and an exit port,
 * its manual clock on a Monday morning when the Bürgerservice is open (queue tickets are drawn and
 * printed). Otherwise the core of the plain test config, whose handlers answer at once: enough for
 * fuzzing a host's transport in front of the router.
 */
export async function createFuzzCore(options: { readonly full: boolean } = { full: true }): Promise<FuzzCore> {
  const clock = new FakeClock(Date.parse('2026-03-16T09:00:00Z'));
  const log = watchedLog();
  if (!options.full) {
    const core = createKioskCore({ config: testConfig(), logger: log.logger, clock, reloadUi: () => undefined });
    await core.startDevices();
    return { core, clock, log, dispose: () => core.dispose() };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-ipc-fuzz-'));
  const base = testConfig({}, 'workstation');
  const config: KioskConfig = {
    ...base,
    devices: [
      { id: 'printer', kind: 'printer', driver: 'simulator' },
      { id: 'reader', kind: 'documentReader', driver: 'simulator' },
      { id: 'light', kind: 'signalLight', driver: 'simulator' },
    ],
    portal: {
      tiles: [
        {
          id: 'portal',
          label: { de: 'Testportal', en: 'Test portal' },
          icon: 'document',
          startUrl: 'https://portal.example.de/start',
          origins: ['https://portal.example.de'],
          permissions: [],
          printPdfs: true,
          uploadFolder: join(dataDir, 'scans'),
        },
      ],
      printer: null,
    },
  };
  const core = createKioskCore({
    config,
    logger: log.logger,
    clock,
    reloadUi: () => undefined,
    dataDir,
    content: fixedContent(await loadJenaPack()),
    portalSurface: quietPortalSurface(),
    deviceAccess: {
      dataDir,
      openSerial: () => Promise.resolve({ ok: false, error: 'not-found' }),
      hid: { list: () => Promise.resolve([]), open: () => Promise.reject(new Error('no HID')) },
    },
    clearClipboard: () => Promise.resolve(),
    exit: () => undefined,
  });
  await core.startDevices();
  return {
    core,
    clock,
    log,
    async dispose() {
      await core.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The loop

/** A sender as a host's transport sees it; `trusted` says what the router must conclude. */
export interface FuzzSender<S> {
  readonly label: string;
  readonly trusted: boolean;
  readonly sender: S;
}

export interface FuzzRunOptions<S> {
  readonly seed: number;
  /** Payloads per request channel, and names for the unknown-channel round. */
  readonly runs: number;
  /** The transport under test: whatever the page or renderer would call, answering what it would get back. */
  readonly call: (channel: unknown, payload: unknown, sender: S) => unknown;
  /** The trusted sender first; every other sender must be refused. */
  readonly senders: readonly [FuzzSender<S>, ...FuzzSender<S>[]];
  /** Share of calls from an untrusted sender (default 0.1). */
  readonly untrustedShare?: number;
  /**
   * Time an answer may take before it counts as a hang (default 30 s): PIN checks run one at a
   * time, each a deliberately slow hash and two synced file writes, so on a busy machine a few
   * queued ones take seconds without anything hanging.
   */
  readonly timeoutMs?: number;
  /** Calls under way at once (default 64). */
  readonly inFlight?: number;
  /** Called after every round (one payload per channel) is sent, e.g. to let time pass on the core's clock. */
  readonly afterRound?: (round: number) => void | Promise<void>;
  readonly hints?: ExampleHints;
}

export interface FuzzReport {
  readonly seed: number;
  readonly calls: number;
  /** Answers by code ("ok" for a success). */
  readonly codes: Readonly<Record<string, number>>;
  /** Calls by payload family. */
  readonly families: Readonly<Record<string, number>>;
  /** Answers by channel and code (unknown channels as "(unknown)"). */
  readonly channels: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The first failures, each with what replays it; empty when every answer was right. */
  readonly failures: readonly string[];
  /** Wall-clock and CPU time of the run (CPU of the whole process, its I/O threads included). */
  readonly elapsedMs: number;
  readonly cpuMs: number;
}

/** One line about a run, for the test output. */
export function reportLine(name: string, report: FuzzReport, log: LogWatch): string {
  return (
    `${name} ${replayHint(report.seed)}: ${String(report.calls)} calls in ${report.elapsedMs.toFixed(0)} ms (CPU ${report.cpuMs.toFixed(0)} ms), ` +
    `${JSON.stringify(report.codes)}, ${String(log.lines())} log lines`
  );
}

type Settled = { readonly kind: 'answer'; readonly value: unknown } | { readonly kind: 'threw'; readonly error: unknown } | { readonly kind: 'hang' };

async function settle(run: () => unknown, timeoutMs: number): Promise<Settled> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<Settled>((resolve) => {
    timer = setTimeout(() => {
      resolve({ kind: 'hang' });
    }, timeoutMs);
  });
  try {
    const answer = Promise.resolve()
      .then(run)
      .then(
        (value): Settled => ({ kind: 'answer', value }),
        (error: unknown): Settled => ({ kind: 'threw', error }),
      );
    return await Promise.race([answer, hang]);
  } finally {
    clearTimeout(timer);
  }
}

const errorCodes: ReadonlySet<string> = new Set(kioskErrorCodes);

/** The code of a Result of the contract ("ok" for a success), or why `answer` is not one. */
function resultCode(answer: unknown): { code: string } | { problem: string } {
  if (typeof answer !== 'object' || answer === null) return { problem: `answer is ${answer === null ? 'null' : typeof answer}, not a Result` };
  const keys = Object.keys(answer).sort().join(',');
  const result = answer as { ok?: unknown; value?: unknown; error?: unknown };
  if (result.ok === true) return keys === 'ok,value' ? { code: 'ok' } : { problem: `ok Result with keys ${keys}` };
  if (result.ok !== false || keys !== 'error,ok') return { problem: `not a Result (keys ${keys})` };
  const error = result.error as { code?: unknown; detail?: unknown } | null;
  if (typeof error !== 'object' || error === null) return { problem: 'error is not an object' };
  if (typeof error.code !== 'string' || !errorCodes.has(error.code)) return { problem: `error code ${String(error.code)} is not a KioskErrorCode` };
  if (error.detail !== undefined && typeof error.detail !== 'string') return { problem: 'error detail is not a string' };
  if (typeof error.detail === 'string' && error.detail.includes(fuzzCanary)) return { problem: 'error detail carries payload text' };
  const errorKeys = Object.keys(error).filter((key) => key !== 'code' && key !== 'detail');
  if (errorKeys.length > 0) return { problem: `error has extra keys ${errorKeys.join(',')}` };
  return { code: error.code };
}

/**
 * Sends `runs` fuzzed payloads per request channel, round by round, and `runs` fuzzed channel names
 * through `call`, from the trusted sender and (now and then) from untrusted ones. Every answer must
 * come within the timeout, be a Result with a KioskErrorCode, refuse untrusted senders and unknown
 * channels, let only valid payloads reach a handler, never fail inside one ('internal'), and match
 * the response schema when it succeeds. Stops after 20 failures.
 */
export async function fuzzTransport<S>(options: FuzzRunOptions<S>): Promise<FuzzReport> {
  const { seed, runs } = options;
  const started = { at: performance.now(), cpu: process.cpuUsage() };
  const timeoutMs = options.timeoutMs ?? 30_000;
  const inFlight = options.inFlight ?? 64;
  const untrustedShare = options.untrustedShare ?? 0.1;
  const [trusted, ...others] = options.senders;
  const untrusted = others.filter((sender) => !sender.trusted);
  const senderRandom = mulberry32(streamSeed(seed, '(senders)'));
  const channels = Object.keys(requestChannels) as RequestChannel[];
  const fuzzers = channels.map((channel) => payloadFuzzer({ channel, schema: requestChannels[channel].request, seed, hints: options.hints ?? fuzzHints }));
  const names = channelNameFuzzer(seed);
  const codes: Record<string, number> = {};
  const families: Record<string, number> = {};
  const byChannel: Record<string, Record<string, number>> = {};
  const failures: string[] = [];
  let calls = 0;

  const pickSender = (): FuzzSender<S> => (untrusted.length > 0 && senderRandom.chance(untrustedShare) ? senderRandom.pick(untrusted) : trusted);

  type CheckInput = { channel: unknown; payload: unknown; family: string; note: string; index: number; sender: FuzzSender<S> };
  const check = async (input: CheckInput): Promise<void> => {
    calls += 1;
    families[input.family] = (families[input.family] ?? 0) + 1;
    const settled = await settle(() => options.call(input.channel, input.payload, input.sender.sender), timeoutMs);
    const where = () =>
      `${replayHint(seed)} channel=${typeof input.channel === 'string' ? JSON.stringify(input.channel.slice(0, 60)) : typeof input.channel} #${String(input.index)} ` +
      `family=${input.family} (${input.note}) sender=${input.sender.label}`;
    if (settled.kind === 'hang') {
      failures.push(`${where()}: no answer within ${String(timeoutMs)} ms`);
      return;
    }
    if (settled.kind === 'threw') {
      failures.push(`${where()}: threw ${errorKind(settled.error)} instead of answering a Result`);
      return;
    }
    const shape = resultCode(settled.value);
    if ('problem' in shape) {
      failures.push(`${where()}: ${shape.problem}`);
      return;
    }
    const { code } = shape;
    codes[code] = (codes[code] ?? 0) + 1;
    const known = typeof input.channel === 'string' && Object.hasOwn(requestChannels, input.channel) ? (input.channel as RequestChannel) : null;
    const counts = (byChannel[known ?? '(unknown)'] ??= {});
    counts[code] = (counts[code] ?? 0) + 1;
    let expected: string | null = null;
    if (!input.sender.trusted) expected = code === 'untrusted-sender' ? null : 'untrusted-sender';
    else if (known === null) expected = code === 'unknown-channel' ? null : 'unknown-channel';
    else if (code === 'untrusted-sender' || code === 'unknown-channel') expected = 'an answer of the channel';
    else if (code === 'internal') expected = 'no handler failure (internal)';
    else if (code === 'invalid-payload' && input.family === 'valid') expected = 'a valid payload to be accepted';
    else if (code !== 'invalid-payload' && !requestChannels[known].request.safeParse(input.payload).success) expected = 'invalid-payload';
    else if (code === 'ok' && !requestChannels[known].response.safeParse((settled.value as { value: unknown }).value).success) {
      expected = 'a value that matches the response schema';
    }
    if (expected !== null) failures.push(`${where()}: answered ${code}, expected ${expected}`);
  };

  // Up to `inFlight` calls at once, as a busy UI would send them: the handlers' file writes overlap
  // instead of adding up. The payloads and senders still come in a fixed order, so a seed replays them.
  let active = 0;
  let wake: (() => void) | null = null;
  const settled = (): void => {
    active -= 1;
    wake?.();
    wake = null;
  };
  const start = async (input: CheckInput): Promise<void> => {
    while (active >= inFlight) await new Promise<void>((resolve) => (wake = resolve));
    active += 1;
    check(input).then(settled, (error: unknown) => {
      failures.push(`${replayHint(seed)}: the check itself failed (${errorKind(error)})`);
      settled();
    });
  };
  for (let round = 0; round < runs && failures.length < 20; round += 1) {
    for (const fuzzer of fuzzers) await start({ channel: fuzzer.channel, ...fuzzer.next(), index: round, sender: pickSender() });
    await start({ ...names.next(), family: 'unknown-channel', note: 'fuzzed channel name', index: round, sender: pickSender() });
    await options.afterRound?.(round);
  }
  while (active > 0) await new Promise<void>((resolve) => (wake = resolve));
  const cpu = process.cpuUsage(started.cpu);
  return { seed, calls, codes, families, channels: byChannel, failures, elapsedMs: performance.now() - started.at, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/**
 * What every transport fuzz must show: no failed call, no payload in the logs, no prototype changed,
 * and each kind of answer seen at least once (so the run really reached the router); then its line.
 */
export function expectCleanTransportFuzz(label: string, report: FuzzReport, log: LogWatch, before: ReadonlyMap<string, string>, seed: number): void {
  expect(report.failures, replayHint(seed)).toEqual([]);
  expect(log.leaks(), replayHint(seed)).toEqual([]);
  expect(prototypeChanges(before)).toEqual([]);
  for (const code of ['ok', 'invalid-payload', 'unknown-channel', 'untrusted-sender']) expect(report.codes[code], code).toBeGreaterThan(0);
  console.info(reportLine(label, report, log));
}

// A stand-in for `navigator.usb` and a Sony PaSoRi RC-S380 (docs/reader.md §8.3): Chrome's device chooser cannot be
// automated, so the page gets a fake `navigator.usb` whose reader replays a transcript recorded from the simulated
// RC-S380 and card (`cargo test -p reader --features sim --test transcripts` writes e2e/fixtures/reader/*.json).
//
// The replay is strict: every `transferOut` must carry, byte for byte, the next OUT frame of the transcript (a
// zero-length OUT, the bridge's packet after a frame that fills its last 64-byte packet, consumes nothing), and every
// `transferIn` answers with the next IN entry. A frame that differs is recorded in `window.__usbMock.errors` and the
// transfer fails with a `NetworkError`; a `transferIn` when the transcript expects an OUT (or has ended) is recorded
// too and never settles until `close()`, as a real reader would hang (the app's own limits handle it).
//
// The mock is an init script: every document (a reload, a navigation, a frame) gets its own fresh copy, so a replay
// always starts with the app. It uses no timers (Playwright's clock fakes them): promises and message-channel tasks.
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One USB transfer of a transcript, as upper-case hex. */
export type Transfer = { out: string } | { in: string };

/** The tries of a PIN as the reader crate reports them: a number, locked, not locked (no number) or unknown. */
export type TranscriptTries = number | 'locked' | 'not_locked' | null;

/** What the page must show after the read, recorded beside the transfers by reader/tests/transcripts.rs. */
export type Outcome = {
  /** A state id of docs/reader.md §7. */
  state: string;
  user_certificate?: { issued_on: string; expires_on: string; issuer: string } | null;
  ca_certificate?: { generation: number; valid_from: string; valid_until: string } | null;
  pins?: Record<'user' | 'signature' | 'card_info' | 'residence', TranscriptTries>;
  /** The 住基AP identifier under which EF 001C answered (docs/reader.md §2.1; unconfirmed on a real card). */
  residence_application?: string | null;
  notices?: { state: string; pin?: string; n?: number }[];
  /** The token of a `wrong_card` (`resident_registry_card`, …). */
  token?: string;
  code?: string;
  /** The progress states announced, in order. */
  progress: string[];
};

export type Transcript = {
  scenario: string;
  outcome: Outcome;
  /** The profile switches of the read, when not the defaults (`no_pin_queries`: `query_pin_tries: false`). */
  options?: { query_pin_tries: boolean };
  /** `cancelled`: the IN entry (from 0, among IN entries) during which Cancel is pressed; the mock holds it. */
  cancel_at_in?: number;
  counts: { out: number; in: number; zero_length_packets: number; apdus: number };
  transfers: Transfer[];
};

export type TranscriptName =
  | 'full_read'
  | 'locked_pin'
  | 'few_tries_left'
  | 'card_removed'
  | 'wrong_card'
  | 'cancelled'
  | 'no_card'
  | 'no_pin_queries';

/** The situations the mock plays. */
export type UsbScenario =
  /** A reader with a card: replay e2e/fixtures/reader/<name>.json. With `hangAfter: n`, the transferIn that would
   * return the IN entry n (from 0) is held: `window.__usbMock.hanging` becomes true, `onHang` is called, and it
   * settles only on `release()` (answered as recorded), `unplug()` (NetworkError) or `close()` (AbortError). The
   * `cancelled` transcript holds at its `cancel_at_in` unless told otherwise. With `edit`, the mock replays the
   * transcript as `edit` changed it (a tampered transcript, to show that the replay is strict). */
  | { transcript: TranscriptName; hangAfter?: number; edit?: (transfers: Transfer[]) => Transfer[] }
  /** The chooser is closed without a choice (`NotFoundError`), or refused (`SecurityError`). */
  | { requestDevice: 'NotFoundError' | 'SecurityError' }
  /** The reader is chosen but cannot be opened (another app holds it, a driver, access denied). */
  | { open: 'SecurityError' | 'NetworkError' | 'InvalidStateError' }
  /** The reader opens but its interface cannot be claimed. */
  | { claimInterface: 'NetworkError' | 'InvalidStateError' }
  /** The `usb` permissions policy refuses: `getDevices()` and `requestDevice()` reject with `SecurityError`. */
  | { getDevices: 'SecurityError' }
  /** No WebUSB at all: `'usb' in navigator` is false. */
  | { unsupported: true };

/** What `window.__usbMock` tells about the replay. */
export type UsbMockReport = {
  errors: { index: number; expected: string; got: string }[];
  /** Transcript entries not consumed. */
  remaining: number;
  /** The filters passed to `requestDevice`, as `054C:06C3` strings (`054C:*` when only the vendor is given). */
  filters: string[];
  opened: boolean;
  closed: boolean;
  /** Every device call, in order: `open`, `selectConfiguration(1)`, `claimInterface(0)`, …, `close`. */
  calls: string[];
  zeroLengthPackets: number;
  hanging: boolean;
};

const FIXTURES = join(__dirname, '..', 'fixtures', 'reader');

/** A transcript of e2e/fixtures/reader, with its recorded outcome. */
export function readTranscript(name: TranscriptName): Transcript {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Transcript;
}

type InitArg = { scenario: UsbScenario; transfers: Transfer[]; hangAfter: number | null };

/** The init script: runs at the start of every document, before the app, with no access to anything outside. */
function initUsbMock({ scenario, transfers, hangAfter }: InitArg) {
  type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void; held: boolean };
  const w = window as unknown as { __usbMock?: unknown };
  if (w.__usbMock) return; // the same document twice (installUsbMock called twice): keep the first

  const errors: { index: number; expected: string; got: string }[] = [];
  const calls: string[] = [];
  const filters: string[] = [];
  const pending = new Set<Pending>();
  let index = 0; // the next transcript entry
  let ins = 0; // IN entries answered
  let opened = false;
  let closed = false;
  let claimed = false;
  let unplugged = false;
  let permitted = false;
  let hanging = false;
  let hungOnce = false;
  let zeroLengthPackets = 0;
  let zlpDue = false;

  const fail = (name: string, message: string) => Promise.reject(new DOMException(message, name));
  const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
  const unhex = (text: string) => {
    const bytes = new Uint8Array(text.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
    return bytes;
  };
  const describe = (entry: Transfer | undefined) =>
    entry === undefined ? 'end of transcript' : 'out' in entry ? `out ${entry.out}` : `in ${entry.in}`;
  // A task after the microtasks now queued (a click's handlers, a wasm future's wake-up): not a timer, which
  // Playwright's clock would hold.
  const channel = new MessageChannel();
  const tasks: (() => void)[] = [];
  channel.port1.onmessage = () => tasks.shift()?.();
  const nextTask = (task: () => void) => {
    tasks.push(task);
    channel.port2.postMessage(null);
  };
  const hang = (held: boolean) =>
    new Promise((resolve, reject) => {
      pending.add({ resolve, reject, held });
    });
  const rejectPending = (name: string, message: string) => {
    for (const p of pending) p.reject(new DOMException(message, name));
    pending.clear();
    hanging = false;
  };
  const bytesOf = (data: BufferSource) =>
    ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice()
      : new Uint8Array(data as ArrayBuffer).slice();
  const answerIn = (length: number) => {
    const entry = transfers[index];
    if (entry === undefined || !('in' in entry)) {
      errors.push({ index, expected: describe(entry), got: `transferIn(${length})` });
      return null;
    }
    const bytes = unhex(entry.in);
    if (bytes.length > length) errors.push({ index, expected: `at most ${length} bytes`, got: `in ${entry.in}` });
    index++;
    ins++;
    return { status: 'ok', data: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  };
  const usable = (what: string) => {
    if (unplugged) return fail('NotFoundError', 'The device was disconnected.');
    if (!opened) return fail('InvalidStateError', 'The device must be opened first.');
    if (what === 'transfer' && !claimed) {
      errors.push({ index, expected: 'a claimed interface', got: 'transfer' });
      return fail('InvalidStateError', 'The specified endpoint is not part of a claimed and selected alternate interface.');
    }
    return null;
  };

  const endpoints = [
    { endpointNumber: 2, direction: 'out', type: 'bulk', packetSize: 64 },
    { endpointNumber: 1, direction: 'in', type: 'bulk', packetSize: 64 },
  ];
  const alternate = {
    alternateSetting: 0,
    interfaceClass: 0xff,
    interfaceSubclass: 0,
    interfaceProtocol: 0,
    interfaceName: null,
    endpoints,
  };
  const iface = {
    interfaceNumber: 0,
    alternate,
    alternates: [alternate],
    get claimed() {
      return claimed;
    },
  };
  const configuration = { configurationValue: 1, configurationName: null, interfaces: [iface] };
  let current: typeof configuration | null = null;

  const device = {
    vendorId: 0x054c,
    productId: 0x06c3,
    productName: 'RC-S380/P',
    manufacturerName: 'SONY',
    serialNumber: '000000000000', // made up
    usbVersionMajor: 2,
    usbVersionMinor: 0,
    usbVersionSubminor: 0,
    deviceClass: 0,
    deviceSubclass: 0,
    deviceProtocol: 0,
    deviceVersionMajor: 1,
    deviceVersionMinor: 1,
    deviceVersionSubminor: 0,
    get opened() {
      return opened;
    },
    get configuration() {
      return current;
    },
    configurations: [configuration],
    open() {
      calls.push('open');
      if (unplugged) return fail('NotFoundError', 'The device was disconnected.');
      if ('open' in scenario) return fail(scenario.open, 'Access denied.');
      opened = true;
      closed = false;
      return Promise.resolve();
    },
    close() {
      calls.push('close');
      if (unplugged) return fail('NotFoundError', 'The device was disconnected.');
      rejectPending('AbortError', 'The transfer was cancelled.');
      opened = false;
      claimed = false;
      closed = true;
      return Promise.resolve();
    },
    selectConfiguration(value: number) {
      calls.push(`selectConfiguration(${value})`);
      const refused = usable('device');
      if (refused) return refused;
      if (value !== 1) return fail('NotFoundError', 'The configuration value provided is not supported by the device.');
      current = configuration;
      return Promise.resolve();
    },
    claimInterface(number: number) {
      calls.push(`claimInterface(${number})`);
      const refused = usable('device');
      if (refused) return refused;
      if (current === null) return fail('InvalidStateError', 'The device must have a configuration selected.');
      if (number !== 0) return fail('NotFoundError', 'The interface number provided is not supported by the device.');
      if ('claimInterface' in scenario) return fail(scenario.claimInterface, 'Unable to claim interface.');
      claimed = true;
      return Promise.resolve();
    },
    releaseInterface(number: number) {
      calls.push(`releaseInterface(${number})`);
      const refused = usable('device');
      if (refused) return refused;
      claimed = false;
      return Promise.resolve();
    },
    reset() {
      calls.push('reset');
      return usable('device') ?? Promise.resolve();
    },
    forget() {
      calls.push('forget');
      permitted = false;
      opened = false;
      return Promise.resolve();
    },
    clearHalt(direction: string, endpoint: number) {
      calls.push(`clearHalt(${direction}, ${endpoint})`);
      return usable('device') ?? Promise.resolve();
    },
    transferOut(endpoint: number, data: BufferSource) {
      // The bridge may hand a view into wasm memory: copy it now.
      const bytes = bytesOf(data);
      const refused = usable('transfer');
      if (refused) return refused;
      if (endpoint !== 2) {
        errors.push({ index, expected: 'bulk OUT endpoint 2', got: `transferOut(${endpoint})` });
        return fail('NotFoundError', 'The specified endpoint number is not part of a claimed and selected alternate interface.');
      }
      if (bytes.length === 0) {
        if (!zlpDue) errors.push({ index, expected: describe(transfers[index]), got: 'a zero-length OUT after a frame that does not fill its last packet' });
        zlpDue = false;
        zeroLengthPackets++;
        return Promise.resolve({ status: 'ok', bytesWritten: 0 });
      }
      const got = hex(bytes);
      if (zlpDue) errors.push({ index, expected: 'a zero-length OUT (the last frame filled its 64-byte packet)', got: `out ${got}` });
      const entry = transfers[index];
      if (entry === undefined || !('out' in entry) || entry.out !== got) {
        errors.push({ index, expected: describe(entry), got: `out ${got}` });
        return fail('NetworkError', 'A transfer error has occurred.');
      }
      index++;
      zlpDue = bytes.length % 64 === 0;
      return Promise.resolve({ status: 'ok', bytesWritten: bytes.length });
    },
    transferIn(endpoint: number, length: number) {
      const refused = usable('transfer');
      if (refused) return refused;
      if (endpoint !== 1) {
        errors.push({ index, expected: 'bulk IN endpoint 1', got: `transferIn(${endpoint})` });
        return fail('NotFoundError', 'The specified endpoint number is not part of a claimed and selected alternate interface.');
      }
      if (hangAfter !== null && ins === hangAfter && !hungOnce) {
        hungOnce = true;
        hanging = true;
        const held = hang(true);
        nextTask(() => mock.onHang?.());
        return held;
      }
      return answerIn(length) ?? hang(false);
    },
  };

  const usb = new EventTarget() as EventTarget & Record<string, unknown>;
  usb.onconnect = null;
  usb.ondisconnect = null;
  usb.getDevices = () => {
    if ('getDevices' in scenario) return fail(scenario.getDevices, 'Access to the feature "usb" is disallowed by permissions policy.');
    return Promise.resolve(permitted && !unplugged ? [device] : []);
  };
  usb.requestDevice = (options: { filters?: { vendorId?: number; productId?: number }[] }) => {
    const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
    for (const f of options?.filters ?? []) filters.push(f.productId === undefined ? `${hex4(f.vendorId ?? 0)}:*` : `${hex4(f.vendorId ?? 0)}:${hex4(f.productId)}`);
    if ('getDevices' in scenario) return fail(scenario.getDevices, 'Access to the feature "usb" is disallowed by permissions policy.');
    // Chrome shows the chooser only during a user gesture (docs/reader.md §5.2).
    const activation = (navigator as Navigator & { userActivation?: { isActive: boolean } }).userActivation;
    if (activation && !activation.isActive) {
      errors.push({ index, expected: 'requestDevice during a user gesture', got: 'requestDevice without one' });
      return fail('SecurityError', 'Must be handling a user gesture to show a permission request.');
    }
    if ('requestDevice' in scenario) return fail(scenario.requestDevice, 'No device selected.');
    const offered = (options?.filters ?? []).some(
      (f) => f.vendorId === device.vendorId && (f.productId === undefined || f.productId === device.productId),
    );
    if (!offered) return fail('NotFoundError', 'No device selected.'); // the chooser would list no reader
    permitted = true;
    return Promise.resolve(device);
  };

  const mock = {
    errors,
    filters,
    calls,
    remaining: () => transfers.length - index,
    get opened() {
      return opened;
    },
    get closed() {
      return closed;
    },
    get hanging() {
      return hanging;
    },
    get zeroLengthPackets() {
      return zeroLengthPackets;
    },
    /** Set by a test: called (in a task of its own) when the held transferIn starts to hang. */
    onHang: null as null | (() => void),
    /** Answers the held transferIn as recorded, in a later task (after the handlers of a click made just before). */
    release() {
      nextTask(() => {
        for (const p of pending) {
          if (!p.held) continue;
          pending.delete(p);
          hanging = false;
          const answer = answerIn(300);
          if (answer) p.resolve(answer);
          else pending.add({ resolve: p.resolve, reject: p.reject, held: false });
        }
      });
    },
    /** The reader is pulled out: a `disconnect` event with the device, and the pending transferIn fails. */
    unplug() {
      unplugged = true;
      const event = new Event('disconnect');
      Object.defineProperty(event, 'device', { value: device });
      usb.dispatchEvent(event);
      if (typeof usb.ondisconnect === 'function') (usb.ondisconnect as (e: Event) => void)(event);
      rejectPending('NetworkError', 'A transfer error has occurred.');
      opened = false;
      claimed = false;
    },
  };

  if ('unsupported' in scenario) {
    for (const target of [navigator, Navigator.prototype] as unknown as Record<string, unknown>[]) {
      try {
        delete target.usb;
      } catch {
        // not configurable: `'usb' in navigator` below tells
      }
    }
    if ('usb' in navigator) errors.push({ index, expected: 'no navigator.usb', got: 'navigator.usb still there' });
  } else {
    Object.defineProperty(Navigator.prototype, 'usb', { get: () => usb, configurable: true, enumerable: true });
  }
  w.__usbMock = mock;
}

/** The RF bytes of an OUT entry that is an InCommRF command frame (`00 00 FF FF FF` LEN LCS `D6 04` timeout RF…
 * DCS `00`), as hex; null for any other frame. */
export function inCommRfPayload(entry: Transfer): string | null {
  if (!('out' in entry) || !entry.out.startsWith('0000FFFFFF') || entry.out.slice(16, 20) !== 'D604') return null;
  return entry.out.slice(24, -4);
}

/** The index, among the IN entries of `transcript`, of the reader's ACK to the first command after the `n`-th
 * APDU's last I-block (n from 1): where the bridge next waits on the reader while a card is being read. */
export function ackAfterApdu(transcript: Transcript, n: number): number {
  let apdus = 0;
  let ins = 0;
  let found = false;
  for (const entry of transcript.transfers) {
    if ('in' in entry) {
      ins++;
      continue;
    }
    if (found) return ins;
    const rf = inCommRfPayload(entry);
    if (rf !== null && (rf.startsWith('02') || rf.startsWith('03')) && ++apdus === n) found = true;
  }
  throw new Error(`${transcript.scenario} has no command after APDU ${n}`);
}

/** Installs the fake `navigator.usb` in every document the page opens from now on. */
export async function installUsbMock(page: Page, scenario: UsbScenario) {
  let transfers: Transfer[] = [];
  let hangAfter: number | null = null;
  let arg = scenario;
  if ('transcript' in scenario) {
    const transcript = readTranscript(scenario.transcript);
    transfers = scenario.edit ? scenario.edit(structuredClone(transcript.transfers)) : transcript.transfers;
    hangAfter = scenario.hangAfter ?? transcript.cancel_at_in ?? null;
    arg = { transcript: scenario.transcript, hangAfter: scenario.hangAfter }; // a function cannot cross to the page
  }
  await page.addInitScript(initUsbMock, { scenario: arg, transfers, hangAfter } satisfies InitArg);
}

/** The replay so far, in the page's current document (null when the mock is not installed there). */
export async function usbMockReport(page: Page): Promise<UsbMockReport | null> {
  return page.evaluate(() => {
    const mock = (window as unknown as { __usbMock?: Record<string, unknown> & { remaining: () => number } }).__usbMock;
    if (!mock) return null;
    return {
      errors: mock.errors,
      remaining: mock.remaining(),
      filters: mock.filters,
      opened: mock.opened,
      closed: mock.closed,
      calls: mock.calls,
      zeroLengthPackets: mock.zeroLengthPackets,
      hanging: mock.hanging,
    } as UsbMockReport;
  });
}

/** Every frame of the transcript was sent and answered, nothing else was, and the app closed the reader. */
export async function expectTranscriptReplayed(page: Page) {
  await expect
    .poll(async () => {
      const report = await usbMockReport(page);
      return report !== null && (report.errors.length > 0 || report.closed);
    }, { message: 'the reader is closed (or the replay failed)' })
    .toBe(true);
  const report = (await usbMockReport(page))!;
  expect(report.errors, 'transfers that differ from the transcript').toEqual([]);
  expect(report.remaining, 'transcript entries not replayed').toBe(0);
  expect(report.closed, 'the reader was closed').toBe(true);
  expect(report.opened, 'the reader is not left open').toBe(false);
}

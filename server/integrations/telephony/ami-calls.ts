import type { CallEvent } from '../../modules/interactions/index.js';
import type { AmiMessage } from './ami-protocol.js';

/**
 * Follows the channels of each call in an Asterisk 16+ AMI event stream and says, in our terms, when a
 * call rings, is answered and ends. A call is every channel sharing a `Linkedid` (the Uniqueid of its
 * oldest channel). Pure: no I/O, so it is tested with recorded streams.
 *
 *  - Direction: the first channel is a phone of ours (an extension) and did not come in through an
 *    inbound context → outbound; otherwise inbound.
 *  - The customer's number: the CallerIDNum of the external channel (on an outgoing trunk channel
 *    Asterisk reports the dialed number there), else the number the first channel dialed (its Exten).
 *  - The agent: the extension of the internal channel (`PJSIP/8001-0000002a` → 8001; SIP/, IAX2/,
 *    Local/8001@…). Inbound: the ringing, then answering phone; outbound: the phone that dialed.
 *  - Ringing: inbound when an agent's phone is dialed or rings; outbound when the trunk is dialed.
 *  - Answered: when the called side goes Up, its Dial ends with ANSWER, or two channels are bridged.
 *  - Ended: at the last Hangup of the call; unanswered calls end busy (cause 17, 21 or BUSY),
 *    no_answer (16, 18, 19, NOANSWER, CANCEL) or failed (anything else: congestion, unreachable…).
 * Calls between two extensions of ours never reach a customer and report nothing.
 */

interface Leg {
  uniqueid: string;
  channel: string;
  /** The extension when the channel is one of our phones, else null (a trunk). */
  extension: string | null;
  callerIdNum: string;
}

interface TrackedCall {
  linkedid: string;
  legs: Map<string, Leg>;
  /** Channels already hung up: a late DialEnd must not bring them back. */
  gone: Set<string>;
  /** Uniqueid of the call's first channel: the caller's side. */
  origin: string;
  direction: 'inbound' | 'outbound';
  customerNumber: string | null;
  /** Our number the customer called (inbound: the first channel's Exten, the DID). */
  lineNumber: string | null;
  agentExtension: string | null;
  rangAgents: Set<string>;
  /** A ringing event went out: later events of the call refer to it. */
  reported: boolean;
  /** A channel outside our phones (a trunk) took part: only then is there a customer. */
  external: boolean;
  answered: boolean;
  dialStatuses: string[];
  causes: number[];
  recordingFile: string | null;
}

export interface AmiCallOptions {
  /** Base URL under which the PBX serves its recordings; without it recordings are not linked. */
  recordingUrl?: string | null;
  /** Contexts calls from outside enter the dialplan in (default: from-trunk, from-pstn, from-external, incoming…). */
  inboundContext?: RegExp;
}

const TECH = /^(?:PJSIP|SIP|IAX2|DAHDI|Local)\/([^-@;/]+)/i;
const EXTENSION = /^\d{2,6}$/;
const DEFAULT_INBOUND_CONTEXT = /^(from-(trunk|pstn|external|did|provider)|incoming|inbound|ext-did)/i;
/** AMI fields that are empty: Asterisk writes `<unknown>` for an unset caller id. */
const present = (v: string | undefined) => (v && v !== '<unknown>' && v !== 's' ? v : null);
const digitsLike = (v: string | null | undefined): v is string => Boolean(v && /^\+?[\d*#]{3,}$/.test(v.replace(/[\s\-().]/g, '')));

/** `PJSIP/8001-0000002a` → `8001`; a trunk channel (`PJSIP/trunk-cn-00000031`) → null. */
export function extensionOf(channel: string): string | null {
  const peer = TECH.exec(channel)?.[1];
  return peer && EXTENSION.test(peer) ? peer : null;
}

/** When an AMI event happened: its Timestamp (manager.conf timestampevents=yes), else now. */
function timeOf(message: AmiMessage, now: () => Date): Date {
  const stamp = Number(message.Timestamp);
  return Number.isFinite(stamp) && stamp > 0 ? new Date(Math.round(stamp * 1000)) : now();
}

function causeOf(call: TrackedCall): CallEvent['cause'] {
  const statuses = call.dialStatuses;
  if (statuses.includes('BUSY') || call.causes.some((c) => c === 17 || c === 21)) return 'busy';
  if (statuses.some((s) => s === 'CONGESTION' || s === 'CHANUNAVAIL' || s === 'DONTCALL' || s === 'INVALIDARGS')) return 'failed';
  if (statuses.some((s) => s === 'NOANSWER' || s === 'CANCEL')) return 'no_answer';
  // 0 unknown, 16 normal clearing (a hang-up before anyone answered), 18 no user responding, 19 no answer, 26 answered elsewhere, 31 unspecified.
  if (call.causes.every((c) => [0, 16, 18, 19, 26, 31].includes(c))) return 'no_answer';
  return 'failed';
}

/** Known events this tracker does not need; anything else unknown is logged at debug by the caller. */
const IGNORED = new Set([
  'FullyBooted', 'Newexten', 'NewCallerid', 'NewConnectedLine', 'NewAccountCode', 'HangupRequest', 'SoftHangupRequest', 'BridgeCreate', 'BridgeLeave',
  'BridgeDestroy', 'DeviceStateChange', 'ExtensionStatus', 'PeerStatus', 'ContactStatus', 'Registry', 'RTCPSent', 'RTCPReceived', 'DTMFBegin', 'DTMFEnd',
  'Cdr', 'Cel', 'MusicOnHoldStart', 'MusicOnHoldStop', 'MixMonitorStart', 'MixMonitorStop', 'LocalBridge', 'LocalOptimizationBegin', 'LocalOptimizationEnd',
  'QueueCallerJoin', 'QueueCallerLeave', 'AgentCalled', 'AgentConnect', 'AgentComplete', 'AgentRingNoAnswer', 'QueueMemberStatus', 'SuccessfulAuth', 'ChallengeSent',
  'Hold', 'Unhold', 'AttendedTransfer', 'BlindTransfer', 'ChanSpyStart', 'ChanSpyStop',
]);

export class AmiCallTracker {
  private readonly calls = new Map<string, TrackedCall>();
  /** Calls that ended lately, so that their stragglers do not start a new call. */
  private readonly ended = new Set<string>();
  private readonly inboundContext: RegExp;

  constructor(
    private readonly options: AmiCallOptions = {},
    private readonly now: () => Date = () => new Date(),
  ) {
    this.inboundContext = options.inboundContext ?? DEFAULT_INBOUND_CONTEXT;
  }

  /** Calls in progress (for tests and health). */
  get active(): number {
    return this.calls.size;
  }

  /** Feeds one AMI message; returns the call events it completes (often none) and whether it was understood. */
  feed(message: AmiMessage): { events: CallEvent[]; known: boolean } {
    const name = message.Event;
    if (!name) return { events: [], known: true }; // responses to our own actions
    const at = timeOf(message, this.now);
    switch (name) {
      case 'Newchannel':
        this.callOf(message);
        return { events: [], known: true };
      case 'Newstate':
        return { events: this.onState(message, at), known: true };
      case 'DialBegin':
        return { events: this.onDialBegin(message, at), known: true };
      case 'DialEnd':
        return { events: this.onDialEnd(message, at), known: true };
      case 'BridgeEnter':
        return { events: this.onBridgeEnter(message, at), known: true };
      case 'VarSet':
        if (message.Variable === 'MIXMONITOR_FILENAME' && message.Value) {
          const call = this.calls.get(message.Linkedid ?? '');
          if (call) call.recordingFile = message.Value;
        }
        return { events: [], known: true };
      case 'Hangup':
        return { events: this.onHangup(message, at), known: true };
      default:
        return { events: [], known: IGNORED.has(name) };
    }
  }

  private callOf(message: AmiMessage): TrackedCall | null {
    const linkedid = message.Linkedid || message.Uniqueid;
    if (!linkedid || !message.Uniqueid || !message.Channel || this.ended.has(linkedid)) return null;
    let call = this.calls.get(linkedid);
    if (call?.gone.has(message.Uniqueid)) return call;
    const leg = this.legOf(call, message.Uniqueid, message.Channel, message.CallerIDNum);
    if (!call) {
      // The first channel we see (the call's oldest, unless we connected mid-call) is the caller's side.
      const outbound = leg.extension !== null && !this.inboundContext.test(message.Context ?? '');
      call = {
        linkedid,
        legs: new Map(),
        gone: new Set(),
        origin: leg.uniqueid,
        direction: outbound ? 'outbound' : 'inbound',
        customerNumber: outbound ? (digitsLike(present(message.Exten)) ? message.Exten! : null) : present(leg.callerIdNum),
        lineNumber: !outbound && digitsLike(present(message.Exten)) ? message.Exten! : null,
        agentExtension: outbound ? leg.extension : null,
        rangAgents: new Set(),
        reported: false,
        external: false,
        answered: false,
        dialStatuses: [],
        causes: [],
        recordingFile: null,
      };
      this.calls.set(linkedid, call);
    }
    call.legs.set(leg.uniqueid, leg);
    if (leg.extension === null) call.external = true;
    // An outgoing trunk channel carries the dialed number as its caller id: the most exact customer number.
    if (call.direction === 'outbound' && leg.extension === null && digitsLike(present(leg.callerIdNum))) call.customerNumber = leg.callerIdNum;
    return call;
  }

  private legOf(call: TrackedCall | undefined, uniqueid: string, channel: string, callerIdNum: string | undefined): Leg {
    const known = call?.legs.get(uniqueid);
    if (known) {
      if (present(callerIdNum)) known.callerIdNum = callerIdNum!;
      return known;
    }
    return { uniqueid, channel, extension: extensionOf(channel), callerIdNum: callerIdNum ?? '' };
  }

  /** The dialed side of a call: inbound, one of our phones; outbound, a trunk. */
  private isCalledSide(call: TrackedCall, leg: Leg): boolean {
    if (leg.uniqueid === call.origin) return false;
    return call.direction === 'inbound' ? leg.extension !== null : leg.extension === null;
  }

  private event(call: TrackedCall, event: CallEvent['event'], at: Date, extra: Partial<CallEvent> = {}): CallEvent[] {
    if (!call.customerNumber || !call.external) return [];
    call.reported = true;
    return [{ event, callId: call.linkedid, direction: call.direction, customerNumber: call.customerNumber, lineNumber: call.lineNumber, agentExtension: call.agentExtension, at, ...extra }];
  }

  private ringing(call: TrackedCall, leg: Leg, at: Date): CallEvent[] {
    if (call.answered || !this.isCalledSide(call, leg)) return [];
    if (call.direction === 'inbound') {
      if (call.rangAgents.has(leg.extension!)) return [];
      call.rangAgents.add(leg.extension!);
      call.agentExtension = leg.extension;
      return this.event(call, 'ringing', at);
    }
    if (call.reported) return [];
    return this.event(call, 'ringing', at);
  }

  private answered(call: TrackedCall, leg: Leg | null, at: Date): CallEvent[] {
    if (call.answered) return [];
    // A call answered without ringing first (an auto-answer) still pops before it is answered.
    const pop = call.reported || !leg ? [] : this.ringing(call, leg, at);
    call.answered = true;
    if (call.direction === 'inbound' && leg?.extension) call.agentExtension = leg.extension;
    return [...pop, ...this.event(call, 'answered', at)];
  }

  private onState(message: AmiMessage, at: Date): CallEvent[] {
    const call = this.callOf(message);
    const leg = call?.legs.get(message.Uniqueid!);
    if (!call || !leg) return [];
    if (message.ChannelStateDesc === 'Ringing') return this.ringing(call, leg, at);
    if (message.ChannelStateDesc === 'Up' && this.isCalledSide(call, leg)) return this.answered(call, leg, at);
    return [];
  }

  private destLeg(message: AmiMessage): { call: TrackedCall; leg: Leg | undefined } | null {
    const call = this.callOf(message);
    if (!call || !message.DestUniqueid || !message.DestChannel) return null;
    this.callOf({ ...message, Channel: message.DestChannel, Uniqueid: message.DestUniqueid, CallerIDNum: message.DestCallerIDNum ?? '', Linkedid: call.linkedid });
    return { call, leg: call.legs.get(message.DestUniqueid)! };
  }

  private onDialBegin(message: AmiMessage, at: Date): CallEvent[] {
    const found = this.destLeg(message);
    return found?.leg ? this.ringing(found.call, found.leg, at) : [];
  }

  private onDialEnd(message: AmiMessage, at: Date): CallEvent[] {
    const found = this.destLeg(message);
    if (!found) return [];
    const status = (message.DialStatus ?? '').toUpperCase();
    if (status === 'ANSWER') return this.answered(found.call, found.leg ?? null, at);
    if (status) found.call.dialStatuses.push(status);
    return [];
  }

  private onBridgeEnter(message: AmiMessage, at: Date): CallEvent[] {
    const call = this.callOf(message);
    if (!call || Number(message.BridgeNumChannels) < 2) return [];
    const leg = call.legs.get(message.Uniqueid!);
    // The second channel entering: the called side, or the caller joining an agent already in the bridge.
    return this.answered(call, leg && this.isCalledSide(call, leg) ? leg : ([...call.legs.values()].find((l) => this.isCalledSide(call, l)) ?? null), at);
  }

  private onHangup(message: AmiMessage, at: Date): CallEvent[] {
    const call = this.calls.get(message.Linkedid || message.Uniqueid || '');
    if (!call) return [];
    call.legs.delete(message.Uniqueid ?? '');
    call.gone.add(message.Uniqueid ?? '');
    const cause = Number(message.Cause);
    if (Number.isInteger(cause)) call.causes.push(cause);
    if (call.legs.size > 0) return [];
    this.calls.delete(call.linkedid);
    this.ended.add(call.linkedid);
    if (this.ended.size > 1000) this.ended.delete(this.ended.values().next().value!);
    // Calls between our own phones have no customer: event() reports nothing for them.
    return this.event(call, 'ended', at, {
      cause: call.answered ? null : causeOf(call),
      recordingUrl: call.answered ? this.recordingUrl(call.recordingFile) : null,
    });
  }

  private recordingUrl(file: string | null): string | null {
    const base = this.options.recordingUrl;
    if (!file || !base) return null;
    const name = file.split('/').pop()!;
    return `${base.replace(/\/$/, '')}/${encodeURIComponent(name)}`;
  }
}

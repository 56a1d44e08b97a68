/**
 * English tense for a date: the verb group that governs it (SPEC §4). The nearest verb
 * group to the left in the same clause ("will be paid Jan. 2", "said on Friday"), else,
 * for a fronted date ("On Friday, March 5, the board met", "announced that on Friday,
 * … Biden will welcome"), the first verb group to its right. A word ending in "-ed" is
 * a verb only in lower case and outside a list of adjectives; a proper name never is.
 * Windows are bounded, so each date costs a constant.
 */
import type { Span } from '../types.js';
import { firstAtLeast } from '../text.js';
import type { Tense, TenseEvidence } from './types.js';
import { extended } from '../extended.js';

const MODAL_FUTURE = new Set(['will', 'shall', "'ll", 'wo', 'won’t', "won't"]);
/** Modals that say nothing about past or future. */
const MODAL_OTHER = new Set(['would', 'could', 'might', 'may', 'should', 'must', 'can', 'cannot', 'ought']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did', "hadn't", "wasn't", "weren't", "didn't"]);
const PRESENT_AUX = new Set(['is', 'are', 'am', "'s", "'re", 'does', 'do', "isn't", "aren't", "doesn't", "don't"]);
const PERFECT_AUX = new Set(['has', 'have', "'ve", "hasn't", "haven't"]);
/** Words that may stand inside a verb group ("will also be", "has not yet been"). */
const GROUP_FILLER = new Set([
  'be',
  'been',
  'being',
  'not',
  'also',
  'still',
  'now',
  'then',
  'already',
  'just',
  'never',
  'soon',
  'yet',
  'again',
  'only',
  'first',
  'finally',
  'reportedly',
  'officially',
  'formally',
  'expected',
  'scheduled',
  'due',
  'set',
  'slated',
  'planned',
  'likely',
]);
/** Words that point a date forward whatever the tense of "be" ("is payable Jan. 15", "the rights expire Nov. 21"). */
const FORWARD = new Set(['due', 'payable', 'upcoming', 'expires', 'expire', 'expiring', 'forthcoming']);
/**
 * Participles that point forward when the date is their complement ("scheduled for
 * March 5", "extended to Nov. 20", "expected Tuesday"); as the main verb of a clause
 * ("the government planned to pay", "they extended their offers Friday") they are past.
 */
const FORWARD_PARTICIPLES = new Set([
  'scheduled',
  'slated',
  'planned',
  'expected',
  'set',
  'rescheduled',
  'postponed',
  'delayed',
  'adjourned',
  'extended',
  'deferred',
  'moved',
  'pushed',
]);
/** Between such a participle and its date only these may stand. */
const COMPLEMENT_LINK = new Set([
  'for',
  'on',
  'to',
  'until',
  'till',
  'through',
  'by',
  'at',
  'the',
  'back',
  'again',
  'as',
  'early',
  'late',
  'as',
]);
/** Base forms of common verbs: "to" before one is an infinitive, which points forward ("to testify on Feb. 10"). */
const BASE_VERBS = new Set(
  (
    'be meet pay visit travel testify attend appear vote sign hold host begin start open close end ' +
    'return leave arrive speak address announce release ' +
    ('publish report decide rule hear review discuss consider launch unveil deliver present take ' +
      'make give go come run stand face complete finish ') +
    ('resume continue reopen expire mature settle file submit respond reply join welcome receive ' +
      'award honor celebrate mark observe commemorate ') +
    ('deploy withdraw sail fly depart land convene adjourn reconvene debate pass approve ratify ' +
      'enact implement enforce issue sell buy acquire ') +
    ('redeem purchase offer list trade close seek ask demand request require allow permit grant let ' +
      'help support provide fund invest build open ') +
    ('hire fire cut raise lower increase reduce expand extend renew replace restore repair rebuild ' +
      'move relocate transfer retire resign step ') +
    ('campaign run compete play perform show screen broadcast air stream tour perform stage hold ' +
      'rally march protest strike gather assemble ') +
    ('hand send bring carry ship pick deliver set see talk call phone brief inform notify tell ' +
      'explain outline detail lay unveil kick wrap ') +
    'sit serve work study teach train learn examine inspect investigate audit probe question interview try sentence execute free release'
  ).split(' '),
);
/** Adjectives in "un-…-ed" are common in news ("unconfirmed reports"); these few are verbs. */
const UN_VERBS = new Set([
  'unveiled',
  'unleashed',
  'unfolded',
  'unsealed',
  'uncovered',
  'unlocked',
  'unloaded',
  'unraveled',
  'unseated',
  'unfurled',
  'unplugged',
]);
/** Plans point forward however far from the date they stand ("planned a demonstration on Saturday"). */
const PLANNED = new Set(['scheduled', 'slated', 'planned', 'expected']);
/** Other forward participles need "for", "to", "until" before the date ("set for", "extended to Nov. 20"). */
const FORWARD_LINK = new Set(['for', 'to', 'until', 'till', 'through', 'back']);
/** Words whose "to" introduces a plan ("plans to", "is due to"). */
const INTENT = new Set([
  'plan',
  'plans',
  'planned',
  'planning',
  'intend',
  'intends',
  'intended',
  'expect',
  'expects',
  'expected',
  'hope',
  'hopes',
  'hoped',
  'want',
  'wants',
  'wanted',
  'agreed',
  'agree',
  'agrees',
  'decided',
  'vowed',
  'promised',
  'pledged',
  'aims',
  'aim',
  'seeks',
  'seek',
  'going',
  'due',
  'set',
  'scheduled',
  'slated',
  'likely',
  'ready',
  'about',
  'prepared',
  'preparing',
  'poised',
  'able',
]);
const DETERMINER = /^(?:the|a|an|his|her|its|their|our|my|your|this|that|last|next|every|each)$/;
/** Irregular past forms that are not also common present forms or nouns. */
const IRREGULAR_PAST = new Set(
  (
    'said told met went came took gave made saw held began spoke wrote left fell rose won lost sent ' +
    'brought bought sold found felt kept led meant ran ' +
    ('struck stood thought threw understood became broke chose drove ate flew forgot froze got grew ' +
      'hid knew rode rang shook sang sank stole swam tore woke ') +
    ('wore fought caught taught sought built spent lent bent dealt heard paid laid slept swept wept ' +
      'fled sat shot slid spun stuck stung swung withdrew overcame ') +
    ('underwent undertook forbade foresaw arose awoke bore beat bid bled bred dug fed forgave hung ' +
      'lit overtook oversaw shone shrank sprang strove swore ') +
    ('thrust unwound upheld withheld withstood wrung became begun done gone seen taken given written ' +
      'spoken known shown grown thrown drawn driven risen fallen ') +
    ('chosen broken frozen stolen sworn torn worn woken forgotten forgiven hidden ridden eaten ' +
      'beaten bitten undertaken overtaken mistaken forbidden')
  ).split(' '),
);
/** Present forms that announce scheduled events ("the sale begins Monday, June 3"). */
const PRESENT_EVENT = new Set(
  (
    'begins starts opens closes ends expires meets arrives travels holds launches kicks takes comes goes ' +
    'convenes resumes continues concludes commences celebrates departs speaks testifies appears publishes says announces ' +
    ('begin start open close end expire run meet arrive leave return travel visit host hold convene ' +
      'resume conclude commence celebrate depart head')
  ).split(' '),
);
/** Lower-case words in "-ed" that are not verbs. */
const NOT_VERB_ED = new Set(
  (
    'need speed feed seed bed red shed bleed breed creed greed heed proceed exceed succeed indeed ' +
    'embed hundred sacred naked wicked wretched rugged beloved ' +
    ('ragged jagged crooked learned aged blessed cursed dogged kindred sled wed fled weed reed deed ' +
      'steed tweed freed agreed med united limited interested ') +
    ('talented skilled detailed related based advanced concerned dedicated married retired tired ' +
      'experienced sophisticated complicated supposed alleged ') +
    ('so-called biased armed unarmed unprecedented unlimited unexpected unnamed undisclosed ' +
      'unidentified varied assorted mixed used located situated ') +
    'headquartered renowned talented gifted devoted'
  ).split(' '),
);
/** Words that open a clause: a date right after one belongs to the clause on its right. */
const CLAUSE_OPENERS = new Set([
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'when',
  'where',
  'while',
  'because',
  'if',
  'although',
  'though',
  'whether',
  'unless',
  'once',
]);
const WINDOW = 220;
const MAX_WORDS = 14;

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** `verbTense` of the word, once known (null: not a verb). */
  tense?: Tense | 'present' | null;
}

/**
 * The words of one text, found once: a date's window is then a slice of this list, so
 * a text dense with dates is still read once (the last text's index is kept).
 */
class WordIndex {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  constructor(readonly text: string) {
    // A table's `|` ends a clause too: a verb in another cell does not govern a date in this one.
    const re = /[\p{L}\d][\p{L}\d'’-]*|[;:—–()[\]"“”|]/gu;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      this.starts.push(m.index);
      this.ends.push(m.index + m[0].length);
    }
  }

  /** The index of the first word starting at or after `offset`. */
  firstAt(offset: number): number {
    return firstAtLeast(this.starts, offset);
  }

  private readonly words: (Word | 'stop' | undefined)[] = [];

  /** Word `k`, made once (a window of one date overlaps the next date's). */
  word(k: number): Word | 'stop' {
    let w = this.words[k];
    if (w === undefined) {
      const t = this.text.slice(this.starts[k], this.ends[k]);
      w =
        t.length === 1 && ';:—–()[]"“”|'.includes(t)
          ? 'stop'
          : { text: t, lower: t.toLowerCase().replace(/’/g, "'"), start: this.starts[k]!, end: this.ends[k]! };
      this.words[k] = w;
    }
    return w;
  }

  /** The words inside `[from, to)`, at most `max` of them from the end nearest `to` (left) or `from` (right). */
  slice(from: number, to: number, max: number, nearEnd: boolean): (Word | 'stop')[] {
    let i = this.firstAt(from);
    let j = this.firstAt(to);
    while (j > i && this.ends[j - 1]! > to) j--;
    if (nearEnd) i = Math.max(i, j - max);
    else j = Math.min(j, i + max);
    const out: (Word | 'stop')[] = [];
    for (let k = i; k < j; k++) out.push(this.word(k));
    return out;
  }
}

/** Whether a word can head a verb group, and the tense it brings on its own. */
function verbTense(w: Word): Tense | 'present' | undefined {
  if (w.tense === undefined) w.tense = wordTense(w) ?? null;
  return w.tense ?? undefined;
}

function wordTense(w: Word): Tense | 'present' | undefined {
  const l = w.lower;
  if (MODAL_FUTURE.has(l)) return 1;
  if (MODAL_OTHER.has(l)) return 0;
  if (PAST_AUX.has(l) || IRREGULAR_PAST.has(l)) return -1;
  if (PRESENT_AUX.has(l) || PERFECT_AUX.has(l) || PRESENT_EVENT.has(l)) return 'present';
  if (FORWARD.has(l)) return 1;
  if (l === 'set') return -1;
  // "-ed": a lower-case verb form; "United", "Limited" in names are not.
  if (/^[a-z][a-z-]{2,}ed$/.test(w.text) && !NOT_VERB_ED.has(l) && (!l.startsWith('un') || UN_VERBS.has(l))) return -1;
  return undefined;
}

/** The auxiliaries left of a verb ("will be" + "paid"): the group's words, nearest first. */
function groupLeftOf(words: (Word | 'stop')[], i: number): Word[] {
  const group: Word[] = [words[i] as Word];
  for (let j = i - 1; j >= 0 && group.length < 5; j--) {
    const w = words[j];
    if (!w || w === 'stop') break;
    const l = w.lower;
    // Participles joined share their auxiliaries: "must be completed and reviewed by", "will be cancelled and held on".
    const before = words[j - 1];
    if ((l === 'and' || l === 'or') && group.length === 1 && before && before !== 'stop' && verbTense(before) === -1) {
      group.push(w, before);
      j--;
      continue;
    }
    if (
      MODAL_FUTURE.has(l) ||
      MODAL_OTHER.has(l) ||
      PAST_AUX.has(l) ||
      PRESENT_AUX.has(l) ||
      PERFECT_AUX.has(l) ||
      GROUP_FILLER.has(l) ||
      l === 'to'
    )
      group.push(w);
    else break;
  }
  return group;
}

/** The tense of a verb group (its words nearest-first, so the finite auxiliary is last). */
function groupTense(group: Word[]): Tense {
  const words = group.map((w) => w.lower);
  const head = words[words.length - 1]!;
  // "has been scheduled", "is expected": a forward participle with an auxiliary points forward.
  const forward = words.some((w) => FORWARD.has(w)) || (words.length > 1 && words.some((w) => FORWARD_PARTICIPLES.has(w)));
  if (MODAL_FUTURE.has(head) || head === 'to' || head === 'be') return 1;
  // "has to leave on Thursday": an obligation, ahead of now ("had to" is past).
  if ((head === 'has' || head === 'have') && words[words.length - 2] === 'to') return 1;
  if (MODAL_OTHER.has(head)) return forward ? 1 : 0;
  if (head === 'was' || head === 'were' || head === 'had' || PAST_AUX.has(head)) return forward && head !== 'had' ? 0 : -1;
  if (PERFECT_AUX.has(head)) return forward ? 1 : -1;
  if (forward) return 1;
  const t = verbTense(group[group.length - 1]!);
  return t === 'present' ? 1 : (t ?? 0);
}

function evidence(words: Word[], tense: Tense): TenseEvidence {
  const sorted = [...words].sort((a, b) => a.start - b.start);
  return { tense, verb: sorted.map((w) => w.text).join(' '), span: { start: sorted[0]!.start, end: sorted[sorted.length - 1]!.end } };
}

/** The governing verb group left of the date, or undefined when the clause has none before it. */
function leftGroup(left: (Word | 'stop')[]): TenseEvidence | undefined {
  let infinitive: Word[] | undefined;
  // Whether only linking words ("for", "on", "the") stand between the word and the date, and the nearest of them.
  let onlyLinks = true;
  let link: string | undefined;
  for (let i = left.length - 1, n = 0; i >= 0 && n < MAX_WORDS; i--, n++) {
    const w = left[i]!;
    // A clause opener right before the date: the date belongs to the clause on its right.
    if (w === 'stop' || CLAUSE_OPENERS.has(w.lower)) break;
    if (i < left.length - 1) {
      const after = left[i + 1] as Word;
      onlyLinks = onlyLinks && COMPLEMENT_LINK.has(after.lower);
      link = after.lower;
    }
    // "effective Dec. 7" looks forward, "became effective June 1" does not.
    if (w.lower === 'effective' && onlyLinks) {
      const before = left[i - 1];
      const past = before && before !== 'stop' && /^(?:became|was|were|had|been)$/.test(before.lower);
      return evidence(past ? [w, before] : [w], past ? 0 : 1);
    }
    if (forwardComplement(w.lower, onlyLinks, link)) {
      const group = groupLeftOf(left, i);
      const head = group[group.length - 1]!.lower;
      // "was scheduled for" says nothing about which side of now the date lies.
      return evidence(group, head === 'was' || head === 'were' || head === 'had' ? 0 : 1);
    }
    // An infinitive ("plans to meet on", "to testify before the committee on Feb. 10")
    // points forward from its own clause's verb: from a past verb it says nothing.
    if (w.lower === 'to' && !infinitive) {
      const next = left[i + 1];
      const before = left[i - 1];
      if ((next && next !== 'stop' && BASE_VERBS.has(next.text)) || (before && before !== 'stop' && INTENT.has(before.lower))) {
        infinitive = next && next !== 'stop' ? [next, w] : [w];
        continue;
      }
    }
    // "-ing" forms do not carry tense: the group further left does.
    if (/ing$/.test(w.lower) && !FORWARD.has(w.lower)) continue;
    if (verbTense(w) === undefined) continue;
    // After a determiner an "-ed" word is an adjective ("an associated issue by Monday").
    const prior = left[i - 1];
    if (prior && prior !== 'stop' && DETERMINER.test(prior.lower) && w.lower.endsWith('ed')) continue;
    const group = groupLeftOf(left, i);
    const tense = groupTense(group);
    if (infinitive) return evidence([...infinitive, ...group], tense < 0 ? 0 : 1);
    // A bare participle with "by" and the date ("all shadows finalized by Friday Jan 11th", in an
    // agenda's shorthand) is as much a deadline as a past event: it says nothing of the year.
    if (group.length === 1 && tense < 0 && onlyLinks && link === 'by' && w.lower.endsWith('ed')) return evidence(group, 0);
    return evidence(group, tense);
  }
  return infinitive ? evidence(infinitive, 1) : undefined;
}

/** "scheduled for", "expected" + date; "extended to", "set for" + date. */
function forwardComplement(word: string, onlyLinks: boolean, link: string | undefined): boolean {
  if (PLANNED.has(word)) return true;
  if (!FORWARD_PARTICIPLES.has(word)) return false;
  return onlyLinks && link !== undefined && FORWARD_LINK.has(link);
}

/** The first verb group right of the date in its sentence ("On Friday, March 5, the board met"). */
function rightGroup(right: (Word | 'stop')[]): TenseEvidence | undefined {
  for (let i = 0; i < right.length && i < MAX_WORDS; i++) {
    const w = right[i]!;
    if (w === 'stop') break;
    if (CLAUSE_OPENERS.has(w.lower) && i > 0) break;
    if (verbTense(w) === undefined || /ing$/.test(w.lower)) continue;
    // A bare participle before "by" modifies a noun ("only PRs labeled by their owner SIGs will
    // be allowed"): it is not the clause's verb (with an auxiliary, the auxiliary came first).
    const next = right[i + 1];
    if (w.lower.endsWith('ed') && next && next !== 'stop' && next.lower === 'by') continue;
    // The group runs on to the right ("has been scheduled", "will be held").
    const group: Word[] = [w];
    for (let j = i + 1; j < right.length && group.length < 5; j++) {
      const v = right[j];
      if (!v || v === 'stop' || !(GROUP_FILLER.has(v.lower) || verbTense(v) !== undefined)) break;
      group.unshift(v);
    }
    return evidence(group, groupTense(group));
  }
  return undefined;
}

/**
 * The tense of the verb group governing the date at `at` inside `sentence`: past (-1),
 * future or scheduled (1), or unknown (0), with the words that decided it.
 */
function governingTense(words: WordIndex, sentence: Span, at: Span): TenseEvidence {
  const text = words.text;
  const wordsIn = (from: number, to: number, nearEnd: boolean) => words.slice(from, to, MAX_WORDS + 6, nearEnd);
  const left = wordsIn(Math.max(sentence.start, at.start - WINDOW), at.start, true);
  const last = left[left.length - 1];
  const preposition = last && last !== 'stop' ? last.lower : '';
  // "since Jan. 13" lies in the past whatever the verb.
  if (preposition === 'since') return evidence([last as Word], -1);
  // A date inside a noun phrase ("the Jan. 14 deadline", "Friday's close") is not the verb's time.
  if (/^(?:'s|’s)\b|^\s+\p{Ll}/u.test(text.slice(at.end, at.end + 3)) && DETERMINER.test(preposition)) return { tense: 0 };
  if (/^(?:'s|’s)/.test(text.slice(at.end, at.end + 2))) return { tense: 0 };
  const found = leftGroup(left) ?? rightGroup(wordsIn(at.end, Math.min(sentence.end, at.end + WINDOW), false));
  if (!found) return { tense: 0 };
  // "closed until Friday": a past verb says nothing about when "until" ends.
  if ((preposition === 'until' || preposition === 'till') && found.tense < 0) return extended(found, { tense: 0 });
  return found;
}

/** The tense reader of one text: its words are indexed on the first question, once. */
export function tenseReader(text: string): (sentence: Span, at: Span) => TenseEvidence {
  let words: WordIndex | undefined;
  return (sentence, at) => governingTense((words ??= new WordIndex(text)), sentence, at);
}

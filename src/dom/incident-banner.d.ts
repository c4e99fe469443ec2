// Types for incident-banner: the two custom elements, their attributes and their events.
// Importing the module registers <incident-banner> and <incident-timeline>.

/** Attributes both elements read. Changing any of them re-renders. */
export interface IncidentElementAttributes {
  /** Feed URL(s), relative or absolute, whitespace-separated: our feed v1 or Statuspage v2. */
  src: string;
  /** `ko` or `en`; default: the nearest `lang`, then the document's, then `ko`. */
  lang?: string;
  /** IANA zone (`Asia/Seoul`) or `local`; default: the feed publisher's zone. */
  "time-zone"?: string;
  /** Seconds between checks; `0` = never; at least 15. Default 60. */
  poll?: string;
  /** Seconds before a request is given up. Default 10. */
  timeout?: string;
  /** Largest feed accepted, in bytes. Default 5242880. */
  "max-bytes"?: string;
  /** Only incidents affecting these service ids (whitespace-separated). */
  services?: string;
  /** `compact` for narrow sidebars. */
  variant?: "compact";
  /** `auto` (default): dark only where the page's colour scheme allows dark and the
   * reader's system is dark; `light` or `dark`: always. */
  theme?: "auto" | "light" | "dark";
  /** RFC 3339 instant to read the feed at (demos of past incidents). */
  now?: string;
}

/** Attributes only the timeline reads. */
export interface IncidentTimelineAttributes extends IncidentElementAttributes {
  /** `chronology`: every start, update and recovery of every incident in one list in time
   * order, grouped by day, each line naming its publisher; `chart`: only the chart of each
   * day (the newest incidents' days). Default: incident cards, each day's chart above them. */
  view?: "incidents" | "chronology" | "chart";
  /** `none`: no chart above a day's incidents. */
  chart?: "none";
}

/** Attributes only the banner reads. */
export interface IncidentBannerAttributes extends IncidentElementAttributes {
  /** Hours ahead that planned maintenance is announced. Default 72. */
  horizon?: string;
  /** Which banners readers may close: `all` (default), `non-critical`, `none`. */
  dismissible?: "all" | "non-critical" | "none";
}

/** `detail` of `incident-banner:update` from a banner. */
export interface BannerUpdateDetail {
  kind: "banner";
  /** False when there is nothing to announce. */
  visible: boolean;
  /** True when the data may be out of date (the last check failed). */
  stale: boolean;
  id?: string;
  title?: string;
  severity?: "critical" | "major" | "minor" | "info" | "maintenance";
  role?: "alert" | "status";
  /** `외 2건` / `+2 more`, or null. */
  more?: string | null;
}

/** `detail` of `incident-banner:update` from a timeline. */
export interface TimelineUpdateDetail {
  kind: "timeline";
  stale: boolean;
  incidents: { id: string; title: string; status: string }[];
}

/** `detail` of `incident-banner:update` from `<incident-timeline view="chronology">`: its
 * lines, oldest first (the latest 200). */
export interface ChronologyUpdateDetail {
  kind: "chronology";
  stale: boolean;
  entries: {
    /** RFC 3339. */
    at: string;
    /** `장애 시작`, `복구`, or the update's status. */
    what: string;
    /** The incident's title. */
    incident: string;
    /** The services concerned, comma-separated; may be empty. */
    services: string;
    publisher: string;
  }[];
}

/** One entry of a feed that could not be read, or one problem `check()` found. */
export interface EntryProblem {
  /** JSON path, e.g. `incidents[3].started_at`; empty for the document itself. */
  path: string;
  /** What is wrong (English in events; in the chosen language from `check()`). */
  message: string;
}

/** `detail` of `incident-banner:error`. */
export interface ErrorDetail {
  /** The feed URL that failed; empty for a feed set as `element.feed`. */
  url: string;
  /** The message shown to the reader, in their language. */
  message: string;
  /** The entries left out, with why; empty when the whole feed failed. */
  entries: EntryProblem[];
}

/** A text: one string, or language tag → string. */
export type Text = string | Record<string, string>;

/** A feed in our format, version 1 (`feed-v1.json` is its JSON Schema). */
export interface FeedV1 {
  version: 1;
  publisher: { name: Text; url?: string | null; time_zone?: string | null };
  updated_at?: string | null;
  services?: { id: string; name: Text; url?: string | null }[];
  incidents: Record<string, unknown>[];
}

/** The feed an element shows, as `element.feed` returns it. */
export interface ShownFeed {
  publisher: { name: Text; url: string | null; time_zone: string | null };
  updated_at: string | null;
  services: { id: string; name: Text; url: string | null }[];
  incidents: Record<string, unknown>[];
}

/** One problem found by `check()`, with how to fix it. */
export interface CheckProblem extends EntryProblem {
  fix: string;
}

/** What `check()` returns. */
export interface CheckReport {
  /** A wrong top level, or else every entry that cannot be read. */
  errors: CheckProblem[];
  /** Problems the feed still renders with. */
  warnings: CheckProblem[];
}

/**
 * Checks a feed (an object, or JSON text) with the command-line tool's rules. A bad feed is
 * reported, never thrown. Asynchronous: the checker is in the module loaded on demand
 * (`incident-banner-more.js`), fetched on the first call.
 * @param lang `ko` or `en`; default: the document's language, else Korean.
 */
export function check(feed: unknown, lang?: "ko" | "en"): Promise<CheckReport>;

/**
 * Loads the module with the timeline, `check()` and the `feed` getter now, if it is not
 * loaded yet. After it resolves, an `<incident-timeline>` a script adds is shown as soon as
 * it is connected; before, once that module arrives.
 */
export function ready(): Promise<void>;

export interface IncidentBannerEventMap extends HTMLElementEventMap {
  "incident-banner:update": CustomEvent<BannerUpdateDetail | TimelineUpdateDetail | ChronologyUpdateDetail>;
  "incident-banner:error": CustomEvent<ErrorDetail>;
}

/** What both elements have. */
export interface IncidentElement extends HTMLElement {
  /**
   * The feed shown, as a plain object, or `null` before there is one. A promise: its
   * serializer is in the module loaded on demand (`incident-banner-more.js`).
   */
  get feed(): Promise<ShownFeed | null>;
  /**
   * A feed the page already holds (ours or a Statuspage v2 document), shown with no URL;
   * `null` goes back to `src`. A wrong object shows the same localised error as a wrong
   * file; nothing is thrown.
   */
  set feed(value: FeedV1 | Record<string, unknown> | null);
}

/** `<incident-banner>`: the most important current outage or maintenance. */
export interface IncidentBannerElement extends IncidentElement {
  addEventListener<K extends keyof IncidentBannerEventMap>(type: K, listener: (this: IncidentBannerElement, ev: IncidentBannerEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

/** `<incident-timeline>`: the full story of every incident in the feed(s). */
export interface IncidentTimelineElement extends IncidentElement {
  addEventListener<K extends keyof IncidentBannerEventMap>(type: K, listener: (this: IncidentTimelineElement, ev: IncidentBannerEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "incident-banner": IncidentBannerElement;
    "incident-timeline": IncidentTimelineElement;
  }
  interface DocumentEventMap {
    "incident-banner:update": CustomEvent<BannerUpdateDetail | TimelineUpdateDetail | ChronologyUpdateDetail>;
    "incident-banner:error": CustomEvent<ErrorDetail>;
  }
}

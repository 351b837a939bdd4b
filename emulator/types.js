// @ts-check
'use strict';
/**
 * The emulator's public types, for code that starts it (`startEmulator` in index.js) and TypeScript that imports
 * them: `import type { Emulator, StartEmulatorOptions } from './emulator'`. Records read by tests keep the JSON
 * they carry as `any`, so that a test can reach into a body without a cast; inside the emulator it is `unknown`.
 */

/**
 * One WhatsApp number the emulator serves, chosen by its API key.
 * @typedef {import('./options').NumberConfig} EmulatorNumber
 */

/**
 * The n-th POST /messages for a recipient meets a fate fixed by the seed (or by `draw`), whatever order concurrent
 * calls arrive in. A draw below dropRatio drops the connection before the message is processed, the next
 * failureRatio answers 500 / 131000, the next throttleRatio 429 / 130429. Every field is optional here.
 * @typedef {Partial<import('./recipient-faults').RecipientFaults>} RecipientFaults
 */

/**
 * Options that can change while the emulator runs (`setOptions`, POST /_emulator/options).
 * @typedef {object} RuntimeOptions
 * @property {number} [latencyMs] added before answering every API call (default 0)
 * @property {number | null} [throughputPerSecond] POST /messages per second per number; above it HTTP 429 / 130429
 *   (default Infinity; null over JSON)
 * @property {number} [failureRatio] share of API calls answered 500 / 131000 (default 0)
 * @property {number} [dropRatio] share of API calls whose connection is destroyed without an answer (default 0)
 * @property {RecipientFaults | null} [recipientFaults] faults of POST /messages per recipient and attempt (default null)
 * @property {number[]} [webhookRetryDelaysMs] webhook redelivery backoff (default [200, 400, 800, 1600, 3200])
 * @property {number} [webhookTimeoutMs] a webhook target must answer within this (default 5000)
 * @property {number} [webhookConcurrency] webhook POSTs in flight at once per number; above 1 events may arrive out
 *   of order (default 1)
 * @property {number} [statusGapMs] gap before each status webhook of an accepted message (default 50)
 * @property {Array<'sent' | 'delivered' | 'read' | 'played'>} [statusSequence] statuses sent for an accepted message
 *   (default sent, delivered, read)
 * @property {boolean} [enforceCloudWebhookRules] reject webhook URLs the cloud rejects: not https, a port, "_" in the
 *   host (default false)
 * @property {'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED' | 'DISABLED'} [newTemplateStatus] status of templates
 *   created through POST /v1/configs/templates (default APPROVED)
 */

/**
 * What `startEmulator` takes: the run-time options and these.
 * @typedef {object} StartOnlyOptions
 * @property {number} [port] 0 (default): any free port; always on 127.0.0.1
 * @property {Array<Partial<EmulatorNumber> & { apiKey: string }>} [numbers] default: one number with apiKey
 *   `emulator-key`; missing ids are generated
 * @property {boolean} [seedTemplates] seed every WABA with the sample templates (default true)
 * @property {number} [maxJsonBytes] largest JSON body (default 1 MB)
 * @property {number} [maxMediaBytes] largest media upload (default 100 MB)
 * @property {number} [maxRecords] entries kept per record list; the oldest go first (default 10000)
 * @property {() => number} [random] randomness for the fault ratios (default Math.random)
 * @property {() => number} [now] the clock (ms epoch) for the 24-hour window, timestamps, the throughput window and
 *   media URL expiry
 * @property {(line: string) => void} [log] receives one line per API call and webhook attempt
 */

/** @typedef {RuntimeOptions & StartOnlyOptions} StartEmulatorOptions */

/**
 * An API call as received and answered (GET /_emulator/requests).
 * @typedef {Omit<import('./store').RequestRecord, 'body' | 'response'> & { body?: any, response?: any }} RequestRecord
 */

/**
 * A message the emulator accepted (GET /_emulator/sent).
 * @typedef {Omit<import('./store').SentRecord, 'request' | 'errors'> & { request: any, errors?: any[] }} SentRecord
 */

/**
 * One webhook attempt (GET /_emulator/deliveries).
 * @typedef {Omit<import('./store').DeliveryRecord, 'body'> & { body: any }} DeliveryRecord
 */

/**
 * An injected inbound message (GET /_emulator/inbound).
 * @typedef {Omit<import('./store').InboundRecord, 'envelope'> & { envelope: any }} InboundRecord
 */

/**
 * What POST /_emulator/inbound takes: the sender, the type and its object (`text: { body }`, ...).
 * @typedef {import('./inbound').InboundInput & Record<string, unknown>} InboundInput
 */

/** @typedef {{ messageId: string, envelope: any }} InboundResult */

/**
 * What POST /_emulator/events takes: a `kind` (messageEcho, history, contactSync, call, callStatus,
 * groupJoinRequest) and its fields, or `{ field, value }` for a documented field (see events2026.js).
 * @typedef {{ kind?: 'messageEcho' | 'history' | 'contactSync' | 'call' | 'callStatus' | 'groupJoinRequest',
 *   field?: string, value?: Record<string, unknown>, phoneNumberId?: string, apiKey?: string } & Record<string, unknown>} EventInput
 */

/** @typedef {'PHONE_NUMBER' | 'WABA' | 'BUSINESS' | 'APP'} HealthEntityType */

/**
 * @typedef {object} HealthSetting
 * @property {'AVAILABLE' | 'LIMITED' | 'BLOCKED'} canSendMessage
 * @property {Array<{ error_code: number, error_description: string, possible_solution: string }>} [errors] given
 *   when BLOCKED: why, and what to do
 * @property {string[]} [additionalInfo] given when LIMITED
 */

/**
 * What POST /_emulator/account takes.
 * @typedef {object} AccountSettings
 * @property {string} [phoneNumberId]
 * @property {Partial<Record<HealthEntityType, HealthSetting>>} [health]
 * @property {boolean} [uploadsAllowed] false: POST /uploads and /upload:{session} answer 403, as for a key without
 *   that permission
 */

/**
 * @typedef {object} ContactWindowInput
 * @property {string} [waId]
 * @property {string} [userId]
 * @property {number | null} [lastInboundAt] ms epoch; null: never wrote
 * @property {number} [lastInboundHoursAgo]
 * @property {string} [phoneNumberId]
 * @property {string} [apiKey]
 */

/**
 * @typedef {object} TapInput
 * @property {string} [messageId] default: the latest sent message with a URL button (to `to`, when given)
 * @property {string} [to]
 * @property {number} [card] the carousel card whose button is tapped
 * @property {Record<string, string>} [form] submit the opened page with these fields
 * @property {string} [userAgent]
 */

/**
 * The opened (or submitted) page: `messageId`, `url`, `method`, `status`, `contentType`, `body`.
 * @typedef {Awaited<ReturnType<typeof import('./link-taps').tapLink>>} TapResult
 */

/**
 * What the account endpoints answer for the number now: `phoneNumberId`, `uploadsAllowed`, `health` per entity.
 * @typedef {ReturnType<typeof import('./account').configureAccount>} AccountState
 */

/**
 * A running emulator: its address, its records (live arrays, the same as the control API's), and the control API's
 * operations as methods.
 * @typedef {object} Emulator
 * @property {string} url
 * @property {number} port
 * @property {EmulatorNumber[]} numbers
 * @property {RequestRecord[]} requests
 * @property {SentRecord[]} sent
 * @property {DeliveryRecord[]} deliveries
 * @property {InboundRecord[]} inbound
 * @property {Required<RuntimeOptions>} options
 * @property {(patch: RuntimeOptions) => Required<RuntimeOptions>} setOptions
 * @property {() => { current: number, max: number }} inFlight Cloud API calls being answered now, and the most at
 *   once since start or resetInFlight()
 * @property {() => void} resetInFlight starts counting the most calls at once afresh
 * @property {(input: InboundInput) => InboundResult} injectInbound POST /_emulator/inbound; throws (status 409) when
 *   the number has no webhook
 * @property {(input: EventInput) => { envelope: any }} injectEvent POST /_emulator/events: one webhook that is
 *   neither a message nor a message status; throws (status 409) when the number has no webhook
 * @property {(input: ContactWindowInput) => { phoneNumberId: string, waId?: string, userId?: string,
 *   lastInboundAt: number | null, windowOpen: boolean }} setContactWindow POST /_emulator/contacts
 * @property {(input: { url: string, headers?: Record<string, string>, phoneNumberId?: string, apiKey?: string }) =>
 *   { phoneNumberId: string, url: string, headers: Record<string, string> }} registerWebhook POST /_emulator/webhook
 * @property {() => Array<{ phoneNumberId: string, url: string | null, headers: Record<string, string> }>} webhooks
 *   GET /_emulator/webhook: each number's webhook (url null when none)
 * @property {() => Array<{ phoneNumberId: string, enabled: boolean, destinations: Array<{ name?: string, url: string,
 *   headers: Record<string, string> }> }>} extraDestinations each number's extra destinations (`/multi_webhook`)
 * @property {(input: { messageId: string, status: 'sent' | 'delivered' | 'read' | 'played' | 'failed' | 'deleted',
 *   errors?: unknown[] }) => { status: any }} pushStatus POST /_emulator/statuses
 * @property {(input: TapInput) => Promise<TapResult>} tap POST /_emulator/tap: the recipient taps a URL button
 * @property {(input: AccountSettings) => AccountState} configureAccount POST /_emulator/account
 * @property {(wabaId?: string) => any[]} templates the templates of a WABA (default: the first number's)
 * @property {() => void} reset POST /_emulator/reset
 * @property {<T>(predicate: () => T, options?: { timeoutMs?: number, intervalMs?: number, description?: string }) =>
 *   Promise<NonNullable<T>>} waitFor polls until the predicate answers something truthy (default timeout 5000 ms)
 * @property {() => Promise<void>} close stops the server, cancels webhook retries and timers, closes every socket
 */

module.exports = {};

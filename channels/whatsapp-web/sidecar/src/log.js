// Structured logs: one JSON object per line. Callers pass event names, counts, states and message ids only;
// never message text, phone numbers or JIDs (the PII rule of docs/architecture.md). Baileys' own logs go through
// baileysLogger, which keeps its message with digit runs and JIDs masked, since Baileys writes JIDs into them.

const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

export function createLogger({ level = 'info', write = (line) => process.stdout.write(line + '\n'), clock = () => new Date(), base = {} } = {}) {
  const threshold = LEVELS[level] ?? LEVELS.info;
  const emit = (lvl, msg, fields) => {
    if (LEVELS[lvl] < threshold) return;
    write(JSON.stringify({ time: clock().toISOString(), level: lvl, msg, ...base, ...fields }));
  };
  const logger = {
    level,
    child: (fields) => createLogger({ level, write, clock, base: { ...base, ...fields } }),
  };
  for (const lvl of ['trace', 'debug', 'info', 'warn', 'error', 'fatal']) {
    logger[lvl] = (msg, fields = {}) => emit(lvl, msg, fields);
  }
  return logger;
}

const JID = /[\w.:+-]*@(s\.whatsapp\.net|c\.us|lid|g\.us|broadcast|newsletter|hosted|hosted\.lid|bot)\b/g;
const DIGITS = /\+?\d{5,}/g;

/** Masks what could identify a person in a free-form string from a library. */
export function scrub(text) {
  return String(text).replace(JID, '<jid>').replace(DIGITS, '<digits>');
}

/**
 * Baileys' ILogger (pino's shape: level, child, trace..error(obj, msg)) on top of ours. Its objects carry JIDs,
 * message keys and node dumps, so only the message string, an error's class and status code are kept.
 */
export function baileysLogger(logger, level = 'warn') {
  const threshold = LEVELS[level] ?? LEVELS.warn;
  const adapter = {
    level,
    child: () => adapter,
  };
  for (const lvl of ['trace', 'debug', 'info', 'warn', 'error', 'fatal']) {
    adapter[lvl] = (obj, msg) => {
      if (LEVELS[lvl] < threshold) return;
      const text = typeof obj === 'string' ? obj : msg;
      const err = obj instanceof Error ? obj : obj?.err ?? obj?.error;
      const fields = { source: 'baileys' };
      if (text) fields.detail = scrub(text);
      if (err instanceof Error) {
        fields.error = err.name;
        if (err.output?.statusCode) fields.statusCode = err.output.statusCode;
      }
      (logger[lvl] ?? logger.error)('baileys', fields);
    };
  }
  return adapter;
}

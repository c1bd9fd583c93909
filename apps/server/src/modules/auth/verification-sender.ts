import type { FastifyBaseLogger } from 'fastify';

/** Sends one-time codes to a phone. Production plugs in an SMS or WeChat gateway; development prints to the log. */
export interface VerificationSender {
  send(phone: string, code: string, purpose: string): Promise<void>;
  /** The last code sent to a phone, for development and tests only (console sender). */
  lastCode?(phone: string): string | undefined;
}

export function consoleVerificationSender(log: FastifyBaseLogger): VerificationSender {
  const last = new Map<string, string>();
  return {
    async send(phone, code, purpose) {
      last.set(phone, code);
      log.info({ phone, purpose, code }, `verification code for ${phone}: ${code}`);
    },
    lastCode: (phone) => last.get(phone),
  };
}

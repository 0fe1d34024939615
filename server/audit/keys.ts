import { type KeyObject, createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from "node:crypto"
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { basename, dirname, join } from "node:path"
import { isPostgresUrl } from "../db/connect"

/**
 * The audit log's keys, kept outside the database so that whoever can write the database cannot
 * rewrite the log:
 * - the chain key (HMAC-SHA256 of each link), from SIGNOFF_AUDIT_KEY or a key file;
 * - the checkpoint key (Ed25519), which signs heads `{seq, hash, at}` an admin keeps elsewhere;
 *   its public half verifies a checkpoint anywhere, without the chain key.
 *
 * Key files are created on first start with mode 0600: beside a SQLite file
 * (`signoff.sqlite.audit-key`, `signoff.sqlite.checkpoint-key.pem`), or for Postgres in
 * SIGNOFF_KEY_DIR (default ./data) as `signoff-postgres.*`. Several servers sharing one Postgres
 * database must share the keys (set SIGNOFF_AUDIT_KEY and SIGNOFF_CHECKPOINT_KEY): the database
 * records which chain key signs it and a server holding another key refuses to start.
 */
export interface AuditKeys {
  chain: AuditChainKey
  checkpoint: { privateKey: KeyObject; publicKeyPem: string }
}

export interface KeySources {
  /** SIGNOFF_AUDIT_KEY: at least 32 characters (e.g. `openssl rand -hex 32`), used as the HMAC key's bytes. */
  auditKey?: string | undefined
  /** SIGNOFF_CHECKPOINT_KEY: an Ed25519 private key, PKCS#8 PEM (`openssl genpkey -algorithm ed25519`). */
  checkpointKey?: string | undefined
  /** SIGNOFF_KEY_DIR: where key files live (default: beside the SQLite file; ./data for Postgres). */
  keyDir?: string | undefined
}

/** The HMAC key of the chain, and its id: a fingerprint the database keeps to catch a wrong key. */
export class AuditChainKey {
  readonly id: string
  readonly #secret: Buffer

  constructor(secret: Buffer) {
    if (secret.length < 32) throw new Error("the audit key must be at least 32 bytes")
    this.#secret = secret
    this.id = createHmac("sha256", secret).update("signoff audit key id").digest("hex").slice(0, 16)
  }

  /** HMAC-SHA256 of `text`, hex. */
  sign(text: string): string {
    return createHmac("sha256", this.#secret).update(text, "utf8").digest("hex")
  }
}

export function keySourcesFromEnv(env: Record<string, string | undefined> = process.env): KeySources {
  return { auditKey: env.SIGNOFF_AUDIT_KEY || undefined, checkpointKey: env.SIGNOFF_CHECKPOINT_KEY || undefined, keyDir: env.SIGNOFF_KEY_DIR || undefined }
}

/** Where the key files of `dbLocation` live; undefined for an in-memory SQLite database. */
export function keyFilePaths(dbLocation: string, keyDir?: string): { audit: string; checkpoint: string } | undefined {
  if (dbLocation === ":memory:") return undefined
  const postgres = isPostgresUrl(dbLocation)
  const dir = keyDir ?? (postgres ? "./data" : dirname(dbLocation))
  const stem = postgres ? "signoff-postgres" : basename(dbLocation)
  return { audit: join(dir, `${stem}.audit-key`), checkpoint: join(dir, `${stem}.checkpoint-key.pem`) }
}

export function loadAuditKeys(dbLocation: string, sources: KeySources = {}): AuditKeys {
  const paths = keyFilePaths(dbLocation, sources.keyDir)
  const chainSecret =
    sources.auditKey !== undefined
      ? Buffer.from(sources.auditKey, "utf8")
      : Buffer.from(readOrCreate(paths?.audit, () => `${randomBytes(32).toString("hex")}\n`).trim(), "utf8")
  const pem =
    sources.checkpointKey !== undefined
      ? sources.checkpointKey
      : readOrCreate(paths?.checkpoint, () => generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString())
  const privateKey = createPrivateKey(pem)
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error("the checkpoint key must be an Ed25519 private key")
  const publicKeyPem = createPublicKey(privateKey).export({ type: "spki", format: "pem" }).toString()
  return { chain: new AuditChainKey(chainSecret), checkpoint: { privateKey, publicKeyPem } }
}

/** The file's text, or a new file (0600, never overwriting one another process just made). */
function readOrCreate(path: string | undefined, generate: () => string): string {
  if (path === undefined) return generate()
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true })
    try {
      writeFileSync(path, generate(), { mode: 0o600, flag: "wx" })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error
    }
  }
  const mode = statSync(path).mode & 0o077
  if (mode !== 0) console.warn(`signoff: key file ${path} is readable by other users (chmod 600 it)`)
  return readFileSync(path, "utf8")
}

import type { Db } from '../../db/client.js';
import { GroupCommit, type GroupCommitOptions } from '../../shared/group-commit.js';
import type { AppealRow } from './appeals.repository.js';
import { insertSubmissions, type Submission } from './appeals.intake-sql.js';

/**
 * Reports submitted at the same time are written together (shared/group-commit.ts): one statement per group
 * (appeals.intake-sql.ts), so one round trip, one commit and one run of the rollup trigger carry many reports.
 * Two statements at a time keep both of the database's cores busy without spreading the reports thin.
 * See docs/benchmarks.md, "What limits submitting".
 */
export const INTAKE_GROUPS: GroupCommitOptions = { inFlight: 2, maxGroup: 64 };

const writers = new WeakMap<Db, GroupCommit<Submission, AppealRow>>();

/** The database's intake writer (one per database handle, i.e. per server instance). */
export function intakeWriter(db: Db): GroupCommit<Submission, AppealRow> {
  let writer = writers.get(db);
  if (!writer) {
    writer = new GroupCommit((items) => insertSubmissions(db, items), INTAKE_GROUPS);
    writers.set(db, writer);
  }
  return writer;
}

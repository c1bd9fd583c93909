-- Every new report writes one notice per person on duty (about five), and each notice paid for more than it needs
-- (docs/benchmarks.md, "What limits submitting"):
-- * the foreign key to people locked each recipient's row once per report (a WAL record per lock, and a multixact
--   when two reports' transactions overlapped). Recipients are read from role assignments in the same instant, and
--   people are never deleted (nothing in the application deletes them).
-- * the index on appeal_id was written once per notice and read by nothing: the inbox reads by recipient, the outbox
--   by the notice's id.
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_recipient_person_id_people_id_fk";
--> statement-breakpoint
DROP INDEX "notifications_appeal_idx";

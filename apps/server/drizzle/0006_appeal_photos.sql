CREATE TABLE "appeal_photos" (
	"id" uuid PRIMARY KEY NOT NULL,
	"uploader_person_id" uuid NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"appeal_id" uuid,
	"step" text,
	"region_path" text,
	"mime" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"thumb_mime" text NOT NULL,
	"thumb_width" integer NOT NULL,
	"thumb_height" integer NOT NULL,
	"thumb_bytes" integer NOT NULL,
	"thumb" "bytea" NOT NULL,
	"original_mime" text NOT NULL,
	"original_bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attached_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "fixed_check_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appeal_photos" ADD CONSTRAINT "appeal_photos_uploader_person_id_people_id_fk" FOREIGN KEY ("uploader_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_photos" ADD CONSTRAINT "appeal_photos_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appeal_photos_appeal_idx" ON "appeal_photos" USING btree ("appeal_id");--> statement-breakpoint
CREATE INDEX "appeal_photos_pending_idx" ON "appeal_photos" USING btree ("uploader_person_id","created_at") WHERE appeal_id is null;--> statement-breakpoint
CREATE INDEX "appeal_photos_abandoned_idx" ON "appeal_photos" USING btree ("created_at") WHERE appeal_id is null;--> statement-breakpoint
CREATE INDEX "appeals_fixed_check_idx" ON "appeals" USING btree ("fixed_check_due_at") WHERE fixed_check_due_at is not null;
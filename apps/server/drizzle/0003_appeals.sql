CREATE TABLE "appeal_categories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"parent_code" text,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"default_level" text NOT NULL,
	"department" text,
	"sla" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"mediation" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appeal_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"appeal_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_person_id" uuid,
	"actor_name" text,
	"actor_role" text NOT NULL,
	"level" text NOT NULL,
	"unit_region_id" uuid,
	"public_note" text,
	"internal_note" text,
	"photo_refs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"region_path" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appeal_followers" (
	"appeal_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"via" text DEFAULT 'follow' NOT NULL,
	"region_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appeal_followers_appeal_id_person_id_pk" PRIMARY KEY("appeal_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "appeals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tracking_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"category_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	"title" text,
	"description" text NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text NOT NULL,
	"photo_refs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"place_region_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"household_id" uuid,
	"location_text" text,
	"reporter_person_id" uuid,
	"on_behalf_of_person_id" uuid,
	"caller_name" text,
	"caller_phone" text,
	"status" text NOT NULL,
	"level" text NOT NULL,
	"unit_region_id" uuid,
	"unit_path" text NOT NULL,
	"department" text,
	"state" jsonb NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone,
	"responded_on_time" boolean,
	"response_due_at" timestamp with time zone,
	"resolution_due_at" timestamp with time zone,
	"due_at" timestamp with time zone NOT NULL,
	"due_clock" text,
	"swept_due_at" timestamp with time zone,
	"warned_due_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"handled_at" timestamp with time zone,
	"handled_on_time" boolean,
	"closed_at" timestamp with time zone,
	"closed_level" text,
	"satisfaction" text,
	"rework_count" integer DEFAULT 0 NOT NULL,
	"escalation_count" integer DEFAULT 0 NOT NULL,
	"merged_into_id" uuid,
	"follower_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"recipient_person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"appeal_id" uuid,
	"tracking_code" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"region_path" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "appeal_events" ADD CONSTRAINT "appeal_events_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_followers" ADD CONSTRAINT "appeal_followers_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_followers" ADD CONSTRAINT "appeal_followers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_category_id_appeal_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."appeal_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_place_region_id_regions_id_fk" FOREIGN KEY ("place_region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_reporter_person_id_people_id_fk" FOREIGN KEY ("reporter_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_on_behalf_of_person_id_people_id_fk" FOREIGN KEY ("on_behalf_of_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_unit_region_id_regions_id_fk" FOREIGN KEY ("unit_region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_person_id_people_id_fk" FOREIGN KEY ("recipient_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appeal_categories_code_uq" ON "appeal_categories" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "appeal_events_seq_uq" ON "appeal_events" USING btree ("appeal_id","seq");--> statement-breakpoint
CREATE INDEX "appeal_followers_person_idx" ON "appeal_followers" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appeals_tracking_code_uq" ON "appeals" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "appeals_queue_idx" ON "appeals" USING btree ("unit_path" text_pattern_ops,"due_at","id");--> statement-breakpoint
CREATE INDEX "appeals_region_idx" ON "appeals" USING btree ("region_path" text_pattern_ops,"category_code","submitted_at");--> statement-breakpoint
CREATE INDEX "appeals_due_idx" ON "appeals" USING btree ("due_at") WHERE status in ('submitted','accepted','returned','dispatched','in_progress');--> statement-breakpoint
CREATE INDEX "appeals_reporter_idx" ON "appeals" USING btree ("reporter_person_id","submitted_at");--> statement-breakpoint
CREATE INDEX "appeals_on_behalf_idx" ON "appeals" USING btree ("on_behalf_of_person_id");--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_person_id","id");--> statement-breakpoint
CREATE INDEX "notifications_appeal_idx" ON "notifications" USING btree ("appeal_id");
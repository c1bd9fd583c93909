CREATE TABLE "appeal_rollups" (
	"region_path" text NOT NULL,
	"category_code" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"responded_on_time" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"closed_on_time" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"handled" integer DEFAULT 0 NOT NULL,
	"reworked" integer DEFAULT 0 NOT NULL,
	"closed_ms" bigint DEFAULT 0 NOT NULL,
	"closed_grid" integer DEFAULT 0 NOT NULL,
	"closed_compound" integer DEFAULT 0 NOT NULL,
	"closed_community" integer DEFAULT 0 NOT NULL,
	"closed_subdistrict" integer DEFAULT 0 NOT NULL,
	"closed_department" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "appeal_rollups_region_path_category_code_pk" PRIMARY KEY("region_path","category_code")
);
--> statement-breakpoint
CREATE INDEX "appeal_rollups_path_idx" ON "appeal_rollups" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "appeals_open_queue_idx" ON "appeals" USING btree ("unit_path" text_pattern_ops,"due_at","id") WHERE status not in ('rejected','merged','closed');--> statement-breakpoint
CREATE INDEX "appeals_open_due_idx" ON "appeals" USING btree ("due_at","id") WHERE status not in ('rejected','merged','closed');
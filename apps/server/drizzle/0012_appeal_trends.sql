CREATE TABLE "appeal_trends" (
	"region_path" text NOT NULL,
	"category_code" text NOT NULL,
	"week" date NOT NULL,
	"submitted" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"responded_on_time" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"closed_on_time" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"reworked" integer DEFAULT 0 NOT NULL,
	"closed_ms" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "appeal_trends_region_path_category_code_week_pk" PRIMARY KEY("region_path","category_code","week")
);
--> statement-breakpoint
CREATE INDEX "appeal_trends_path_week_idx" ON "appeal_trends" USING btree ("region_path" text_pattern_ops,"week");
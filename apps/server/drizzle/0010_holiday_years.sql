CREATE TABLE "holiday_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"holidays" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"makeup_workdays" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text,
	"updated_by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);

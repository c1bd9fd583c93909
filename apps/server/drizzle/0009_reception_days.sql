CREATE TABLE "reception_cancellations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slot_id" uuid NOT NULL,
	"date" date NOT NULL,
	"reason" text NOT NULL,
	"cancelled_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reception_slots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"holder_person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"weekday" integer,
	"date" date,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"place" text NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reception_cancellations" ADD CONSTRAINT "reception_cancellations_slot_id_reception_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."reception_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_cancellations" ADD CONSTRAINT "reception_cancellations_cancelled_by_people_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_slots" ADD CONSTRAINT "reception_slots_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_slots" ADD CONSTRAINT "reception_slots_holder_person_id_people_id_fk" FOREIGN KEY ("holder_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reception_cancellations_slot_date_uq" ON "reception_cancellations" USING btree ("slot_id","date");--> statement-breakpoint
CREATE INDEX "reception_slots_path_idx" ON "reception_slots" USING btree ("region_path" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "reception_slots_region_idx" ON "reception_slots" USING btree ("region_id") WHERE "reception_slots"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "reception_slots_holder_idx" ON "reception_slots" USING btree ("holder_person_id");
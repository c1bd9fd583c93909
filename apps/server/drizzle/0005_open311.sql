CREATE TABLE "open311_clients" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"person_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"read_scope" text DEFAULT 'own' NOT NULL,
	"token_replies" boolean DEFAULT false NOT NULL,
	"created_by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "open311_requests" (
	"appeal_id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"token" text NOT NULL,
	"lat" double precision,
	"long" double precision,
	"address_string" text,
	"address_id" text,
	"media_url" text,
	"email" text,
	"device_id" text,
	"account_id" text,
	"region_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "open311_clients" ADD CONSTRAINT "open311_clients_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_clients" ADD CONSTRAINT "open311_clients_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_requests" ADD CONSTRAINT "open311_requests_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_requests" ADD CONSTRAINT "open311_requests_client_id_open311_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."open311_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "open311_clients_key_hash_uq" ON "open311_clients" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "open311_clients_path_idx" ON "open311_clients" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "open311_requests_token_uq" ON "open311_requests" USING btree ("token");--> statement-breakpoint
CREATE INDEX "open311_requests_client_idx" ON "open311_requests" USING btree ("client_id","created_at");
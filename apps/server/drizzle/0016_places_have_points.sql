ALTER TABLE "regions" ADD COLUMN "lat" double precision;--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "lng" double precision;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "lat" double precision;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "lng" double precision;--> statement-breakpoint
CREATE INDEX "appeals_open_point_idx" ON "appeals" USING btree ("category_code","lat","lng") WHERE lat is not null and status not in ('rejected','merged','closed');
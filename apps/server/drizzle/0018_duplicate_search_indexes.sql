DROP INDEX "appeals_on_behalf_idx";--> statement-breakpoint
CREATE INDEX "appeals_open_place_idx" ON "appeals" USING btree ("category_code","region_path" text_pattern_ops,"submitted_at") WHERE status not in ('rejected','merged','closed');--> statement-breakpoint
CREATE INDEX "appeals_on_behalf_idx" ON "appeals" USING btree ("on_behalf_of_person_id") WHERE on_behalf_of_person_id is not null;
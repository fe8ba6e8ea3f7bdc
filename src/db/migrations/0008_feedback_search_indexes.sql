-- Public search of published feedback: newest first, filtered by ward, category or period.
-- (Hand-written: partial indexes that serve "where published_at is not null … order by received_at desc".)
CREATE INDEX IF NOT EXISTS "feedback_items_pub_received_idx" ON "feedback_items" USING btree ("received_at","id") WHERE "published_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "feedback_items_pub_area_idx" ON "feedback_items" USING btree ("area_unit_id","received_at","id") WHERE "published_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "feedback_items_pub_category_idx" ON "feedback_items" USING btree ("category_code","received_at","id") WHERE "published_at" IS NOT NULL;

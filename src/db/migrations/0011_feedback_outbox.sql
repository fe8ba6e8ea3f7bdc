CREATE TABLE "feedback_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"recipient_user_id" uuid,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_outbox_event_uq" ON "feedback_outbox" USING btree ("event_id","channel","recipient");--> statement-breakpoint
CREATE INDEX "feedback_outbox_item_idx" ON "feedback_outbox" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "feedback_outbox_pending_idx" ON "feedback_outbox" USING btree ("created_at") WHERE sent_at is null;
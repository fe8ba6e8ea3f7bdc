ALTER TABLE "dossier_outbox" ADD COLUMN "claimed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "feedback_outbox" ADD COLUMN "claimed_until" timestamp with time zone;
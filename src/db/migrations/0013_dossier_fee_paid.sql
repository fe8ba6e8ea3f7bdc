ALTER TABLE "dossiers" ADD COLUMN "fee_paid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "fee_amount" bigint;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "fee_method" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "fee_receipt_no" text;
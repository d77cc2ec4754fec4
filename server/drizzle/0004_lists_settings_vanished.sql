CREATE TABLE "list_settings" (
	"tenant_id" text NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "list_settings_tenant_id_key_pk" PRIMARY KEY("tenant_id","key")
);
--> statement-breakpoint
DROP INDEX "key_suppliers_region_idx";--> statement-breakpoint
ALTER TABLE "key_suppliers" ADD COLUMN "vanished_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "key_suppliers_entry_uq" ON "key_suppliers" USING btree ("tenant_id","region_code","chain_code","supplier_id");
ALTER TABLE "targeting_chain_firms" ADD COLUMN "city_customers" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "targeting_chain_firms" ADD COLUMN "city_leader_customers" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "targeting_chain_firms" ADD COLUMN "city_suppliers" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "enterprise_events_region_idx" ON "enterprise_events" USING btree ("tenant_id","kind","region_code","occurred_on","enterprise_id");--> statement-breakpoint
CREATE INDEX "enterprise_events_signal_idx" ON "enterprise_events" USING btree ("tenant_id","occurred_on","kind","enterprise_id");--> statement-breakpoint
-- Written by hand: facts built before the city's sums existed hold zeros there; build them again.
DELETE FROM targeting_facts_state;

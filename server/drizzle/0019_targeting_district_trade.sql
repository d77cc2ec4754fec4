ALTER TABLE "targeting_chain_firms" ADD COLUMN "link_regions" text[];--> statement-breakpoint
ALTER TABLE "targeting_chain_firms" ADD COLUMN "link_customers" integer[];--> statement-breakpoint
ALTER TABLE "targeting_chain_firms" ADD COLUMN "link_leader_customers" integer[];--> statement-breakpoint
ALTER TABLE "targeting_chain_firms" ADD COLUMN "link_suppliers" integer[];--> statement-breakpoint
-- Written by hand: facts built before the districts' arrays existed hold nulls there; build them again.
DELETE FROM targeting_facts_state;

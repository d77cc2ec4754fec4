-- The chain map, target discovery and the lists read a few columns of tens of thousands of firms by id.
-- With these columns in the index those reads are index-only scans instead of one heap page per firm.
-- drizzle-kit cannot express INCLUDE, so this migration is written by hand.
CREATE INDEX IF NOT EXISTS "enterprises_id_cover" ON "enterprises" USING btree ("tenant_id", "id") INCLUDE ("status", "region_code", "revenue", "employees", "chain_leader");

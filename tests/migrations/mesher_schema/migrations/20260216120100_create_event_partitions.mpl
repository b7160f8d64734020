# Migration: create_event_partitions
# Day partitions of `events` for 2026-02-16 … 2026-02-18 (mesher.md §3.4: one partition per
# day named events_YYYYMMDD, bounds in the session time zone).

pub fn up(pool :: PoolHandle) -> Int!String do
  Migration.create_partition(pool, "events", "events_20260216", "2026-02-16", "2026-02-17")?
  Migration.create_partition(pool, "events", "events_20260217", "2026-02-17", "2026-02-18")?
  Migration.create_partition(pool, "events", "events_20260218", "2026-02-18", "2026-02-19")
end

pub fn down(pool :: PoolHandle) -> Int!String do
  Migration.drop_table(pool, "events_20260218")?
  Migration.drop_table(pool, "events_20260217")?
  Migration.drop_table(pool, "events_20260216")
end

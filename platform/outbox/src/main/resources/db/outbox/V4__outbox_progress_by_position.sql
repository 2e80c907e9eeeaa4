-- Owned by the outbox module. The relay no longer marks every published row (a new row version, its index
-- entries and its WAL: ~35 us a row, the relay's floor). It now records how far it got: one row per published
-- batch in outbox_publication. ADR 0004 explains the rule; in short:
--   * every row carries tx, the id of the transaction that wrote it, and rows are read in (tx, seq) order;
--   * the relay reads only rows whose tx is below the reading snapshot's xmin: every such transaction has ended,
--     so no row can still appear at or below a position read from there on, and a (tx, seq) position is a safe
--     cursor (seq alone is not: a transaction that took a lower seq may commit after a higher one was read).
alter table outbox add column tx bigint not null default 0;  -- rows from before this migration: transaction 0
alter table outbox alter column tx set default pg_current_xact_id()::text::bigint;
create index outbox_position on outbox (tx, seq);

-- One row per published batch: every outbox row at or below (up_to_tx, up_to_seq) has been acknowledged by
-- Kafka, the rows above the previous entry at published_at. The newest entry is the relay's cursor.
create table outbox_publication (
    up_to_tx     bigint      not null,
    up_to_seq    bigint      not null,
    published_at timestamptz not null,
    primary key (up_to_tx, up_to_seq)
);

-- Operators' re-publish requests: the relay sends these rows again with their event ids, then removes them.
create table outbox_republish (
    id        uuid        primary key,  -- the outbox row's id
    queued_at timestamptz not null default clock_timestamp()
);
alter table outbox add column republished_at timestamptz;  -- when Kafka last acknowledged a re-publication

-- Carry the old per-row marks over: the cursor stops just below the first row still pending (rows after it
-- that were published already are sent once more, with their event ids: at-least-once, never a gap).
insert into outbox_publication (up_to_tx, up_to_seq, published_at)
select 0,
       coalesce((select min(seq) - 1 from outbox where published_at is null), (select max(seq) from outbox), 0),
       coalesce((select max(published_at) from outbox), clock_timestamp());

drop index outbox_pending;
alter table outbox drop column published_at;
-- V5 left room on each page for the published mark's new row version; rows are no longer updated (but for a rare
-- re-publication), so pages fill up again: fewer pages to write, log and read.
alter table outbox reset (fillfactor);

-- What operators, tests and benchmarks read: each row with its publication time (null while pending), i.e. the
-- time of the first publication at or above its position, or of its latest re-publication.
create view outbox_state as
select o.*,
       case when r.id is not null then null else greatest(o.republished_at, p.published_at) end as published_at
from outbox o
left join outbox_republish r on r.id = o.id
left join lateral (
    select published_at from outbox_publication p
    where (p.up_to_tx, p.up_to_seq) >= (o.tx, o.seq)
    order by p.up_to_tx, p.up_to_seq limit 1) p on true;

-- Owned by the outbox module; shard migrations of all modules share the location classpath:db/shard and one
-- version sequence (V1 order, V2 outbox, V3 order, ...).
-- The transactional outbox of this shard: every order event is written here in the same local transaction
-- as the state change it records. Column names id, aggregatetype, aggregateid, type and payload are
-- Debezium's outbox defaults, so a change-data-capture relay could replace the polling relay later.
create table outbox (
    id            uuid        primary key,            -- the event id (time-ordered UUID, version 7)
    aggregatetype text        not null,               -- the aggregate's kind, e.g. 'Order'
    aggregateid   text        not null,               -- the aggregate's id (the order number): the Kafka key
    type          text        not null,               -- the event type, e.g. OrderPlaced
    payload       jsonb       not null,               -- the event envelope: metadata and the state after the change
    version       bigint      not null,               -- the aggregate's version after the change
    occurred_at   timestamptz not null,               -- when the change happened (the application's clock)
    traceparent   text,                               -- W3C trace context of the request that made the change
    seq           bigint      generated always as identity, -- insertion order on this shard: the relay's order
    written_at    timestamptz not null default clock_timestamp(),
    published_at  timestamptz,                         -- when Kafka acknowledged it; null while pending
    unique (aggregateid, version)
);

-- The relay reads pending rows in insertion order; published rows are not in this index.
create index outbox_pending on outbox (seq) where published_at is null;
-- Retention removes published rows by age; re-publishing reads by time range.
create index outbox_written_at on outbox (written_at);

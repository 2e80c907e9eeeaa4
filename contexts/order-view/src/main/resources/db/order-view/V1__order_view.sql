-- The order read model (issue 4): one denormalized document per order, projected from the order events.
-- The table names are given to the store in one place (OrderViewTables), so a rebuild can fill new tables and
-- swap them in with renames inside one transaction.

create table order_view (
    order_no      bigint      primary key,
    member_id     bigint      not null,
    shop_id       bigint      not null,
    status        text        not null,
    placed_at     timestamptz not null,
    placed_date   date        not null,            -- the shop's business day of placed_at (Asia/Seoul by default)
    version       bigint      not null,            -- the order's version the document shows
    last_event_id uuid        not null,            -- the event that brought the document to this version
    document      jsonb       not null,
    updated_at    timestamptz not null
);

-- A member's order history, newest first, paged by keyset (placed_at, order_no).
create index order_view_member on order_view (member_id, placed_at desc, order_no desc);
-- A shop's orders of a business day, newest first.
create index order_view_shop_day on order_view (shop_id, placed_date, placed_at desc, order_no desc);

-- Every event projected into a document, with when it was first projected (the order's event trail shows it).
create table order_view_event (
    order_no     bigint      not null,
    version      bigint      not null,
    event_id     uuid        not null,
    type         text        not null,
    occurred_at  timestamptz not null,
    projected_at timestamptz not null,
    primary key (order_no, version)
);

-- Records of the topic that could not be applied (poison), parked so that their partition moves on.
create table order_view_dead_letter (
    id              bigint      generated always as identity primary key,
    reason          text        not null,
    topic           text        not null,
    kafka_partition integer     not null,
    kafka_offset    bigint      not null,
    record_key      text,
    value           bytea,                          -- the raw record value, exactly as received
    headers         jsonb       not null default '{}',
    parked_at       timestamptz not null,
    attempts        integer     not null default 0, -- operator replays so far
    last_attempt_at timestamptz,
    replayed_at     timestamptz,                    -- set when a replay applied it; null while parked
    unique (topic, kafka_partition, kafka_offset)
);

create index order_view_dead_letter_parked on order_view_dead_letter (id) where replayed_at is null;

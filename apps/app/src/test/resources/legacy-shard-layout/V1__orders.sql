-- The order write model of one shard. Every shard has the same schema; an order lives on the shard whose
-- number is the last three digits of its order number (order_no = serial * 1000 + shard).

-- This shard's own order serials. No shard shares a sequence with another, so no sequence service exists.
create sequence order_serial start with 1 cache 1;

create table orders (
    order_no            bigint primary key,
    member_id           bigint      not null,
    shop_id             bigint      not null,
    shop_name           text        not null,
    status              text        not null check (status in ('PLACED', 'ACCEPTED', 'RIDER_DISPATCHED',
                                        'RIDER_AT_SHOP', 'PICKED_UP', 'DELIVERED', 'REJECTED', 'CANCELLED')),
    version             bigint      not null check (version >= 1),
    items_total         bigint      not null check (items_total >= 0),
    delivery_fee        bigint      not null check (delivery_fee >= 0),
    total_amount        bigint      not null check (total_amount >= 0),
    payment_amount      bigint      not null check (payment_amount >= 0),
    road_address        text        not null,
    address_detail      text        not null,
    zip_code            text        not null,
    lat                 double precision not null,
    lng                 double precision not null,
    request_to_shop     text        not null,
    request_to_rider    text        not null,
    rider_id            bigint,
    cooking_minutes     integer,
    rejection_reason    text,
    cancelled_by        text check (cancelled_by in ('MEMBER', 'OPERATOR')),
    cancel_reason       text,
    placed_at           timestamptz not null,
    accepted_at         timestamptz,
    rider_dispatched_at timestamptz,
    rider_at_shop_at    timestamptz,
    picked_up_at        timestamptz,
    delivered_at        timestamptz,
    rejected_at         timestamptz,
    cancelled_at        timestamptz
);

create index orders_member_placed on orders (member_id, placed_at desc);

create table order_line (
    order_no     bigint  not null references orders (order_no) on delete cascade,
    line_no      integer not null,
    menu_id      bigint  not null,
    menu_name    text    not null,
    unit_price   bigint  not null check (unit_price >= 0),
    quantity     integer not null check (quantity between 1 and 99),
    options      jsonb   not null,
    line_total   bigint  not null check (line_total >= 0),
    primary key (order_no, line_no)
);

-- One row per idempotency key that placed an order on this shard: a retry with the same key finds it.
create table idempotency_key (
    idempotency_key text        primary key,
    request_hash    text        not null,
    order_no        bigint      not null references orders (order_no) on delete cascade deferrable initially deferred,
    created_at      timestamptz not null
);

-- Every state change of an order, written in the same transaction as the change itself. This is the seam
-- the transactional outbox takes over: one row per (order, version), in version order.
create table order_change (
    order_no    bigint      not null,
    version     bigint      not null,
    type        text        not null,
    occurred_at timestamptz not null,
    primary key (order_no, version)
);

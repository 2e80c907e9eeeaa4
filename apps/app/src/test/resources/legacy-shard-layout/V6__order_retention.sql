-- Order retention (issue 4): finished orders leave the shards 30 days after they finished, once the read model
-- holds their final version. This partial index finds them by the time they finished, without scanning the
-- orders still moving.
create index orders_finished on orders ((coalesce(delivered_at, rejected_at, cancelled_at)), order_no)
    where status in ('DELIVERED', 'REJECTED', 'CANCELLED');

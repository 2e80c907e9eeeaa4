-- The change journal was the seam that the transactional outbox (V2, outbox module) takes over.
drop table order_change;

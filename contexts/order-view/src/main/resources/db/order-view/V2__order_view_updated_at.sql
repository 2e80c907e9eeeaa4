-- A rebuild's catch-up copies, while projector batches wait, the documents changed since its bulk copy began:
-- this index keeps that pause short however long the history is.
create index order_view_updated on order_view (updated_at);

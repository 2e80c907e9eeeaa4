-- Owned by the outbox module. Wakes the relay within milliseconds of a commit that wrote outbox rows: one
-- notification per inserting statement, delivered at commit and de-duplicated by PostgreSQL per transaction.
-- The relay LISTENs on its lease connection and also polls, so a lost notification only delays publishing.
create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox', '');
    return null;
end;
$$;

create trigger outbox_notify
    after insert on outbox
    for each statement
    execute function outbox_notify();

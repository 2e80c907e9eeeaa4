-- Feature flags (platform/flags, ADR 0011): the current state of each flag that was ever changed, every attempt to
-- change one (accepted or not), and what each instance has applied.
create table flag_state (
    flag_key        text primary key,
    version         bigint not null check (version >= 0),
    enabled         boolean not null,
    rollout_percent integer check (rollout_percent between 0 and 100),
    rules           jsonb not null default '[]',
    changed_at      timestamptz,
    changed_by      text
);

create table flag_audit (
    id               bigint generated always as identity primary key,
    flag_key         text not null,
    attempted_at     timestamptz not null,
    subject          text not null,
    reason           text,
    outcome          text not null check (outcome in ('applied', 'stale-version', 'invalid')),
    expected_version bigint,
    old_state        jsonb,
    new_state        jsonb,
    detail           text
);
create index flag_audit_by_flag on flag_audit (flag_key, id);

create table flag_ack (
    instance_id text not null,
    flag_key    text not null,
    version     bigint not null,
    applied_at  timestamptz not null,
    delay_ms    bigint,
    source      text not null,
    primary key (flag_key, instance_id)
);

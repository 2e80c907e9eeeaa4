-- The operators' audit trail (ADR 0010): every state-changing request an operator made — who (the token's
-- subject), when, what (method, route, the ids in its path, the answer's status) and why (the reason it gave).
create table operator_audit (
    id          bigint generated always as identity primary key,
    subject     text        not null,
    occurred_at timestamptz not null,
    method      text        not null,
    route       text        not null,
    path        text        not null,
    targets     jsonb       not null,
    status      int         not null,
    reason      text        not null
);

create index operator_audit_newest on operator_audit (id desc);

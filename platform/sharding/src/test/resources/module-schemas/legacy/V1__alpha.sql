-- alpha's first table
create table alpha (id bigint primary key);

-- beta's only table
create table beta (id bigint primary key);

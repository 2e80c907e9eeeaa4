-- alpha's second change
alter table alpha add column name text;

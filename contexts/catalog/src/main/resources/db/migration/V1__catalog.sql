-- The catalog's own database: shops (가게), their menus (메뉴), the option groups of each menu (옵션 그룹)
-- and the options in each group. Money is integral won (bigint), never a floating-point value.

create table shop (
    id                   bigint primary key,
    name                 text   not null check (length(name) > 0),
    category             text   not null check (length(category) > 0),
    address              text   not null check (length(address) > 0),
    delivery_fee         bigint not null check (delivery_fee >= 0),
    minimum_order_amount bigint not null check (minimum_order_amount >= 0)
);

create table menu (
    id          bigint primary key,
    shop_id     bigint not null references shop (id),
    name        text   not null check (length(name) > 0),
    description text   not null default '',
    price       bigint not null check (price >= 0)
);

create index menu_shop_id_idx on menu (shop_id);

create table option_group (
    id          bigint  primary key,
    menu_id     bigint  not null references menu (id),
    name        text    not null check (length(name) > 0),
    min_choices integer not null check (min_choices >= 0),
    max_choices integer not null check (max_choices >= 1),
    constraint option_group_choices_in_order check (min_choices <= max_choices)
);

create index option_group_menu_id_idx on option_group (menu_id);

create table menu_option (
    id              bigint primary key,
    option_group_id bigint not null references option_group (id),
    name            text   not null check (length(name) > 0),
    price           bigint not null check (price >= 0)
);

create index menu_option_option_group_id_idx on menu_option (option_group_id);
